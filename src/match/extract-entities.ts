import { extractEvents, type CloudTrailHint } from './extract-events';

export type { CloudTrailHint } from './extract-events';

/** Things in a message that later checks can use: who, which role, which event, which IdP. */
export interface Entities {
  emails: string[];
  /** User names quoted in the message or found in a CloudTrail record. */
  userNames: string[];
  /** AWSReservedSSO_<PermissionSet>_<suffix> role names. */
  roles: string[];
  arns: string[];
  requestIds: string[];
  events: CloudTrailHint[];
  /** Identity providers named in the message, canonical names. */
  idps: string[];
}

// Every quantifier is bounded (RFC 5321 lengths for e-mail), so a 8,000-character run of "a" or
// "a." costs linear time instead of the quadratic backtracking of an unbounded `+`.
const EMAIL = /(?<![A-Za-z0-9._%+'-])[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}\b/g;
// Role names are at most 64 characters; the suffix after the permission set name is 16 hex digits.
const ROLE = /\bAWSReservedSSO_[A-Za-z0-9+=,.@_-]{1,56}/g;
const ARN = /\barn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:\d{0,12}:[A-Za-z0-9+=,.@_/:*-]{1,200}/g;
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const REQUEST_ID_FIELD = /"?(?:requestID|requestId|request[ _-]id|x-amzn-requestid)"?\s*[:=]\s*"?([A-Za-z0-9-]{16,64})/gi;
const USER_NAME_FIELD = /"(?:userName|UserName)"\s*:\s*"([^"]{1,128})"/g;
/** Values AWS and log tools put where a name would be. */
const PLACEHOLDER = /^(?:HIDDEN_DUE_TO_SECURITY_REASONS|redacted|x+|\.\.\.|<.*>)$/i;

const IDPS: ReadonlyArray<[string, RegExp]> = [
  ['Okta', /\bokta\b/i],
  ['Microsoft Entra ID', /\b(entra|azure ?ad|aad)\b/i],
  ['Google Workspace', /\b(google workspace|g ?suite|google)\b/i],
  ['OneLogin', /\bonelogin\b/i],
  ['JumpCloud', /\bjumpcloud\b/i],
  ['Ping Identity', /\bping ?(identity|federate|one)\b/i],
  ['Keycloak', /\bkeycloak\b/i],
  ['ADFS', /\bad ?fs\b/i],
  ['CyberArk', /\bcyberark\b/i],
  ['Auth0', /\bauth0\b/i],
  ['ssosync', /\bssosync\b/i],
];

const unique = <T>(xs: T[]): T[] => [...new Set(xs)];

/** Extracts entities from the cleaned message text. Bounded work: the input is already capped. */
export function extractEntities(text: string): Entities {
  const emails = unique(text.match(EMAIL) ?? []).slice(0, 20);
  const roles = unique((text.match(ROLE) ?? []).map((r) => r.replace(/[.,'"]+$/, ''))).slice(0, 20);
  const arns = unique((text.match(ARN) ?? []).map((a) => a.replace(/[.,'"]+$/, ''))).slice(0, 20);
  const requestIds = unique([
    ...[...text.matchAll(REQUEST_ID_FIELD)].map((m) => m[1]!),
    ...(text.match(UUID) ?? []),
  ]).slice(0, 20);
  const events = extractEvents(text);
  const userNames = unique([
    ...[...text.matchAll(USER_NAME_FIELD)].map((m) => m[1]!),
    ...events.flatMap((e) => (e.userName ? [e.userName] : [])),
  ])
    .filter((n) => !PLACEHOLDER.test(n))
    .slice(0, 20);
  const idps = IDPS.filter(([, re]) => re.test(text)).map(([name]) => name);
  return { emails, userNames, roles, arns, requestIds, events, idps };
}
