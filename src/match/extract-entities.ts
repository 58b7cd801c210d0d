/** Things in a message that later checks can use: who, which role, which event, which IdP. */
export interface CloudTrailHint {
  eventName: string;
  eventSource?: string;
  errorCode?: string;
  errorMessage?: string;
  /** The event records a failure (errorCode, or a Failure/FAILURE outcome). */
  failed: boolean;
}

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

const EMAIL = /\b[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b/g;
const ROLE = /\bAWSReservedSSO_[A-Za-z0-9+=,.@_-]{1,120}/g;
const ARN = /\barn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:\d{0,12}:[A-Za-z0-9+=,.@_/:*-]{1,200}/g;
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const REQUEST_ID_FIELD = /"?(?:requestID|requestId|request[ _-]id|x-amzn-requestid)"?\s*[:=]\s*"?([A-Za-z0-9-]{16,64})/gi;
const USER_NAME_FIELD = /"userName"\s*:\s*"([^"]{1,128})"/g;

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
  const userNames = unique([...text.matchAll(USER_NAME_FIELD)].map((m) => m[1]!)).slice(0, 20);
  const idps = IDPS.filter(([, re]) => re.test(text)).map(([name]) => name);
  return { emails, userNames, roles, arns, requestIds, events: extractEvents(text), idps };
}

/**
 * CloudTrail records as people paste them: whole, wrapped in {"Records": [...]}, truncated, with
 * trailing commas. Reads fields with patterns instead of JSON.parse so broken pastes still count.
 */
function extractEvents(text: string): CloudTrailHint[] {
  if (!/"eventName"\s*:/.test(text)) return [];
  const starts = [...text.matchAll(/"eventVersion"\s*:|"eventName"\s*:/g)].map((m) => m.index!);
  const chunks: string[] = [];
  // Split into one chunk per record: records start at eventVersion (usual) or eventName.
  const recordStarts = [...text.matchAll(/"eventVersion"\s*:/g)].map((m) => m.index!);
  const cuts = recordStarts.length > 0 ? recordStarts : starts.slice(0, 1);
  for (let i = 0; i < cuts.length && i < 50; i++) chunks.push(text.slice(i === 0 ? 0 : cuts[i]!, cuts[i + 1] ?? text.length));
  const events: CloudTrailHint[] = [];
  for (const chunk of chunks) {
    const field = (name: string) => new RegExp(`"${name}"\\s*:\\s*"([^"]{0,500})"`).exec(chunk)?.[1];
    const eventName = field('eventName');
    if (!eventName) continue;
    const errorCode = field('errorCode');
    const failed =
      Boolean(errorCode) ||
      /"(?:status|CredentialVerification|UserAuthentication|ConsoleLogin|CredentialChallenge)"\s*:\s*"(?:failure|failed)"/i.test(chunk) ||
      /\\"(?:status|CredentialVerification|UserAuthentication)\\"\s*:\s*\\"(?:failure|failed)\\"/i.test(chunk);
    events.push({ eventName, eventSource: field('eventSource'), errorCode, errorMessage: field('errorMessage'), failed });
  }
  return events;
}
