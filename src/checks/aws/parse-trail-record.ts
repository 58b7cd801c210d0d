import { parseLenientJson } from './parse-lenient-json';

/**
 * One CloudTrail record, reduced to what the sign-in story needs. Real records vary a lot (see
 * test/fixtures/cloudtrail): the outcome sits in `serviceEventDetails` (an object, or a JSON
 * string in LookupEvents output) or in `responseElements`; the user in five `userIdentity` shapes
 * or in `additionalEventData.UserName`; booleans arrive as strings; times may be placeholders.
 */
export interface TrailEvent {
  id?: string;
  /** Undefined when the record's time is missing or a placeholder ("xxxx", "redacted", "..."). */
  time?: Date;
  source: string;
  name: string;
  category: TrailCategory;
  outcome: 'success' | 'failure' | 'unknown';
  errorCode?: string;
  errorMessage?: string;
  /** PASSWORD, TOTP, EXTERNAL_IDP, "PASSWORD,TOTP", … */
  credentialType?: string;
  mfaEnrollmentRequired: boolean;
  identityType?: string;
  /** The user name the record names (userIdentity.userName or the typed additionalEventData.UserName). */
  userName?: string;
  /** Identity Store user id (userIdentity.onBehalfOf.userId, additionalEventData identitystore:UserId). */
  userId?: string;
  /** Id of the SCIM resource the request targeted (requestParameters.id). */
  targetId?: string;
  /** Ties the steps of one sign-in together. */
  workflowId?: string;
  sourceIp?: string;
}

export type TrailCategory = 'sign-in' | 'external-idp' | 'password-reset' | 'scim' | 'console-login' | 'portal' | 'other';

type Obj = Record<string, unknown>;

function obj(v: unknown): Obj | undefined {
  if (v && typeof v === 'object' && !Array.isArray(v)) return v as Obj;
  if (typeof v === 'string' && v.trim().startsWith('{')) {
    try {
      return obj(JSON.parse(v));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() === '' ? undefined : v;
  if (typeof v === 'number') return String(v);
  return undefined;
}

/** CloudTrail writes some booleans as strings ("true"). */
export function asBool(v: unknown): boolean {
  return v === true || (typeof v === 'string' && v.trim().toLowerCase() === 'true');
}

const PLACEHOLDER = /^(x+|redacted|\.\.\.|<.*>)$/i;

/** ISO 8601, or Panther's "2024-06-03 15:23:22.000000000"; placeholders give undefined. */
export function parseEventTime(v: unknown): Date | undefined {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v;
  const s = str(v)?.trim();
  if (!s || PLACEHOLDER.test(s)) return undefined;
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(s);
  if (!m) return undefined;
  const frac = m[3] ? m[3].slice(0, 4) : '';
  const d = new Date(`${m[1]}T${m[2]}${frac}${m[4] ?? 'Z'}`);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

function outcomeWord(v: unknown): 'success' | 'failure' | undefined {
  const s = str(v)?.toLowerCase();
  if (s === 'success') return 'success';
  if (s === 'failure' || s === 'failed') return 'failure';
  return undefined;
}

const SIGN_IN_STEPS = new Set(['CredentialChallenge', 'CredentialVerification', 'UserAuthentication']);

function categorize(source: string, name: string, credentialType: string | undefined): TrailCategory {
  if (source === 'identitystore-scim.amazonaws.com') return 'scim';
  if (name === 'ExternalIdPDirectoryLogin') return 'external-idp';
  if (/password/i.test(name) && !SIGN_IN_STEPS.has(name)) return 'password-reset';
  // WorkSpaces smart-card sign-ins reuse the sign-in event names; they are not IAM Identity Center.
  if (source === 'signin.amazonaws.com' && SIGN_IN_STEPS.has(name)) return credentialType === 'SMARTCARD' ? 'other' : 'sign-in';
  if (name === 'ConsoleLogin') return 'console-login';
  if (source === 'sso.amazonaws.com' || source === 'sso-oauth.amazonaws.com') return 'portal';
  return 'other';
}

function outcomeOf(record: Obj, name: string, errorCode: string | undefined, category: TrailCategory): TrailEvent['outcome'] {
  if (errorCode) return 'failure';
  for (const holder of [obj(record.serviceEventDetails), obj(record.responseElements)]) {
    if (!holder) continue;
    const direct = outcomeWord(holder[name]);
    if (direct) return direct;
    for (const v of Object.values(holder)) {
      const any = outcomeWord(v);
      if (any) return any;
    }
  }
  if (str(record.errorMessage)) return 'failure';
  // API calls (SCIM, portal) without an error code succeeded; sign-in steps always say.
  if (category === 'scim' || str(record.eventType)?.toLowerCase() === 'awsapicall') return 'success';
  return 'unknown';
}

/** An IAM Identity Center user in a member account: assumed-role/AWSReservedSSO_<set>_<hash>/<user name>. */
function reservedSsoSession(identity: Obj): string | undefined {
  const m = /:assumed-role\/AWSReservedSSO_[^/]+\/(.+)$/.exec(str(identity.arn) ?? '');
  return m?.[1];
}

/** Reduces one record object. Returns undefined when it is not a CloudTrail record at all. */
export function parseTrailRecord(record: unknown, fallbackTime?: Date): TrailEvent | undefined {
  const r = obj(record);
  if (!r) return undefined;
  const name = str(r.eventName);
  const source = str(r.eventSource);
  if (!name || !source) return undefined;
  const identity = obj(r.userIdentity) ?? {};
  const extra = obj(r.additionalEventData) ?? {};
  const onBehalfOf = obj(identity.onBehalfOf) ?? {};
  const request = obj(r.requestParameters) ?? {};
  const body = obj(request.httpBody) ?? {};
  const credentialType = str(extra.CredentialType);
  const errorCode = str(r.errorCode);
  const category = categorize(source, name, credentialType);
  const userName = [extra.UserName, identity.userName, body.userName, reservedSsoSession(identity)]
    .map(str)
    .find((s) => s && !PLACEHOLDER.test(s) && s !== 'HIDDEN_DUE_TO_SECURITY_REASONS');
  const userId = str(onBehalfOf.userId) ?? str(extra['identitystore:UserId']);
  const targetId = str(request.id) ?? str(obj(r.responseElements)?.id);
  const id = str(r.eventID);
  return {
    id: id && !PLACEHOLDER.test(id) ? id : undefined,
    time: parseEventTime(r.eventTime) ?? fallbackTime,
    source,
    name,
    category,
    outcome: outcomeOf(r, name, errorCode, category),
    errorCode,
    errorMessage: str(r.errorMessage),
    credentialType,
    mfaEnrollmentRequired: asBool(extra.DeviceEnrollmentRequired),
    identityType: str(identity.type),
    userName,
    userId,
    targetId: targetId && !PLACEHOLDER.test(targetId) ? targetId : undefined,
    workflowId: str(extra.AuthWorkflowID),
    sourceIp: str(r.sourceIPAddress),
  };
}

export interface ParsedTrail {
  events: TrailEvent[];
  /** One line per record or document that could not be read. */
  problems: string[];
}

/**
 * Parses a CloudTrail document: one record, an array of records, or the S3 log-file form
 * `{"Records": [...]}`; trailing commas are tolerated. Never throws.
 */
export function parseTrailText(text: string, fallbackTime?: Date): ParsedTrail {
  let value: unknown;
  try {
    value = parseLenientJson(text);
  } catch (err) {
    return { events: [], problems: [`not valid JSON (${(err as Error).message.slice(0, 120)})`] };
  }
  const wrapper = obj(value);
  const records: unknown[] = Array.isArray(value) ? value : Array.isArray(wrapper?.Records) ? (wrapper!.Records as unknown[]) : [value];
  const events: TrailEvent[] = [];
  const problems: string[] = [];
  records.forEach((rec, i) => {
    const ev = parseTrailRecord(rec, fallbackTime);
    if (ev) events.push(ev);
    else problems.push(`record ${i + 1} has no eventName or eventSource`);
  });
  return { events, problems };
}
