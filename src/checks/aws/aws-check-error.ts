import { AppError } from '../../core/app-error';

/**
 * AWS failures as the checks see them. Every SDK error is mapped here, at the boundary, into one
 * class with a code, the IAM action that failed, a cause and a fix for the person who must act.
 */
export type AwsCheckErrorCode =
  | 'throttled'
  | 'access-denied'
  | 'credentials'
  | 'timeout'
  | 'rate-limited'
  | 'not-found'
  | 'invalid-request'
  | 'unreachable'
  | 'aws-error';

export class AwsCheckError extends AppError<AwsCheckErrorCode> {
  constructor(
    code: AwsCheckErrorCode,
    /** IAM action, e.g. identitystore:GetUserId. */
    readonly action: string,
    message: string,
    fix: string,
    options?: { cause?: unknown },
  ) {
    super(code, message, fix, options);
    this.name = 'AwsCheckError';
  }

  /** One line for the answer: what failed and what to do. */
  get line(): string {
    return `${this.message} ${this.fix}`;
  }
}

const THROTTLED = new Set(['ThrottlingException', 'TooManyRequestsException', 'RequestLimitExceeded', 'Throttling', 'SlowDown']);
const DENIED = new Set(['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation', 'UnauthorizedException']);
const CREDENTIALS = new Set([
  'CredentialsProviderError',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'ExpiredTokenException',
  'ExpiredToken',
  'InvalidSignatureException',
  'IncompleteSignature',
]);
const TIMEOUT = new Set(['AbortError', 'TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);

/** Maps anything an SDK call threw into an AwsCheckError. `timeoutMs` is the limit the call had. */
export function toAwsCheckError(err: unknown, action: string, timeoutMs?: number): AwsCheckError {
  if (err instanceof AwsCheckError) return err;
  const e = (err ?? {}) as { name?: string; code?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const name = e.name ?? 'Error';
  const status = e.$metadata?.httpStatusCode;
  const opts = { cause: err };
  if (THROTTLED.has(name) || status === 429) {
    return new AwsCheckError('throttled', action, `AWS throttled ${action} (${name}).`, 'Try again in a minute; if it keeps happening, other tools share this account’s API rate.', opts);
  }
  if (DENIED.has(name) || status === 403) {
    return new AwsCheckError('access-denied', action, `The bot’s AWS role may not call ${action} (${name}).`, `Allow ${action} in the role’s policy (see docs/iam-policy.json).`, opts);
  }
  if (CREDENTIALS.has(name)) {
    return new AwsCheckError('credentials', action, `The bot has no valid AWS credentials for ${action} (${name}).`, 'Give the bot credentials through the default chain (role, profile or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY).', opts);
  }
  if (TIMEOUT.has(name)) {
    const limit = timeoutMs ? ` within ${timeoutMs} ms` : '';
    return new AwsCheckError('timeout', action, `${action} did not answer${limit}.`, 'Try again; if AWS is slow for long, raise AWS_CALL_TIMEOUT_MS.', opts);
  }
  if (name === 'ResourceNotFoundException') {
    return new AwsCheckError('not-found', action, `${action}: not found.`, 'Check the name or id.', opts);
  }
  if (name === 'ValidationException' || name === 'InvalidLookupAttributesException' || name === 'InvalidTimeRangeException') {
    return new AwsCheckError('invalid-request', action, `AWS rejected the ${action} request (${name}).`, 'Check IDC_IDENTITY_STORE_ID, IDC_INSTANCE_ARN and the name you looked up.', opts);
  }
  // The SDK wraps socket errors ("AWS SDK error wrapper for Error: connect ECONNREFUSED …"): the code is only in the message.
  const wrapped = /\b(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|EPIPE)\b/.exec(e.message ?? '')?.[1];
  if ((e.code && NETWORK.has(e.code)) || NETWORK.has(name) || wrapped) {
    return new AwsCheckError('unreachable', action, `Could not reach AWS for ${action} (${e.code ?? wrapped ?? name}).`, 'Check the network path to AWS and AWS_ENDPOINT_URL if set.', opts);
  }
  return new AwsCheckError('aws-error', action, `${action} failed (${name}).`, 'Try again; the bot’s log has the details.', opts);
}
