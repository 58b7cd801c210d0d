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
/** Characters around an "@" that can belong to one address (64 before, 253 after). */
const EMAIL_WINDOW = [64, 253] as const;
/** A message with more "@" than this is not a list of people; the first ones are enough. */
const MAX_AT_SIGNS = 200;
// Role names are at most 64 characters; the suffix after the permission set name is 16 hex digits.
const ROLE = /\bAWSReservedSSO_[A-Za-z0-9+=,.@_-]{1,56}/g;
const ARN = /\barn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:\d{0,12}:[A-Za-z0-9+=,.@_/:*-]{1,200}/g;
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const REQUEST_ID_FIELD = /"?(?:requestID|requestId|request[ _-]id|x-amzn-requestid)"?\s*[:=]\s*"?([A-Za-z0-9-]{16,64})/gi;
const USER_NAME_FIELD = /"(?:userName|UserName)"\s*:\s*"([^"]{1,128})"/g;
/** In CloudTrail, sessionIssuer.userName is the role's name, not a person's. */
const SESSION_ISSUER = /"sessionIssuer"\s*:\s*\{[^{}]{0,2000}\}/g;
/** Values AWS and log tools put where a name would be. */
const PLACEHOLDER = /^(?:HIDDEN_DUE_TO_SECURITY_REASONS|redacted|x+|\.\.\.|<.*>)$/i;

const IDPS: ReadonlyArray<[string, RegExp]> = [
  ['Okta', /\bokta\b/i],
  ['Microsoft Entra ID', /\b(entra|azure ?ad|aad)\b/i],
  // Not "Google" alone: Google Authenticator is an MFA app, not an identity provider.
  ['Google Workspace', /\b(google workspace|g ?suite|google (?:idp|saml|directory|admin|groups?|sso))\b/i],
  ['OneLogin', /\bonelogin\b/i],
  ['JumpCloud', /\bjumpcloud\b/i],
  ['Ping Identity', /\bping ?(identity|federate|one)\b/i],
  ['Keycloak', /\bkeycloak\b/i],
  ['ADFS', /\bad ?fs\b/i],
  ['CyberArk', /\bcyberark\b/i],
  ['Auth0', /\bauth0\b/i],
  ['authentik', /\bauthentik\b/i],
  ['ssosync', /\bssosync\b/i],
];

const unique = <T>(xs: T[]): T[] => [...new Set(xs)];

/** Runs the e-mail pattern only around each "@", so text without addresses costs one scan. */
function findEmails(text: string): string[] {
  const found = new Set<string>();
  let end = 0;
  let seen = 0;
  for (let at = text.indexOf('@'); at >= 0 && found.size < 20 && seen++ < MAX_AT_SIGNS; at = text.indexOf('@', at + 1)) {
    if (at < end) continue;
    const start = Math.max(end, at - EMAIL_WINDOW[0]);
    for (const m of text.slice(start, at + EMAIL_WINDOW[1]).matchAll(EMAIL)) {
      found.add(m[0]);
      end = start + m.index! + m[0].length;
    }
    end = Math.max(end, at + 1);
  }
  return [...found].slice(0, 20);
}

/** Extracts entities from the cleaned message text. Bounded work: the input is already capped. */
export function extractEntities(text: string): Entities {
  const emails = findEmails(text);
  const roles = unique((text.match(ROLE) ?? []).map((r) => r.replace(/[.,'"]+$/, ''))).slice(0, 20);
  const arns = unique((text.match(ARN) ?? []).map((a) => a.replace(/[.,'"]+$/, ''))).slice(0, 20);
  const requestIds = unique([
    ...[...text.matchAll(REQUEST_ID_FIELD)].map((m) => m[1]!),
    ...(text.match(UUID) ?? []),
  ]).slice(0, 20);
  const withoutIssuers = text.includes('"sessionIssuer"') ? text.replace(SESSION_ISSUER, '') : text;
  const events = extractEvents(withoutIssuers);
  const userNames = unique([
    ...[...withoutIssuers.matchAll(USER_NAME_FIELD)].map((m) => m[1]!),
    ...events.flatMap((e) => (e.userName ? [e.userName] : [])),
  ])
    .filter((n) => !PLACEHOLDER.test(n))
    .slice(0, 20);
  const idps = IDPS.filter(([, re]) => re.test(text)).map(([name]) => name);
  return { emails, userNames, roles, arns, requestIds, events, idps };
}
