/** One CloudTrail record found in a message, reduced to what matching and later checks use. */
export interface CloudTrailHint {
  eventName: string;
  eventSource?: string;
  errorCode?: string;
  errorMessage?: string;
  /** The event records a failure (errorCode, errorMessage, or a Failure/FAILURE outcome). */
  failed: boolean;
  /** additionalEventData.CredentialType: PASSWORD, TOTP, EXTERNAL_IDP, "PASSWORD,TOTP"… */
  credentialType?: string;
  /** The user name typed at sign-in or named in userIdentity, when the record has one. */
  userName?: string;
  /** additionalEventData.DeviceEnrollmentRequired, which CloudTrail writes as a string ("true"). */
  deviceEnrollmentRequired?: boolean;
}

/** Records a message can contribute; a longer paste is a log dump and the first records tell enough. */
const MAX_RECORDS = 50;
/** Field values longer than this are cut: long enough for any error message CloudTrail writes. */
const MAX_VALUE = 500;

const RECORD_START = /"eventVersion"\s*:/g;
const EVENT_NAME_KEY = /"eventName"\s*:/g;
const fieldPattern = (name: string) => new RegExp(`"${name}"\\s*:\\s*"([^"]{0,${MAX_VALUE}})"`);
const FIELDS = {
  eventName: fieldPattern('eventName'),
  eventSource: fieldPattern('eventSource'),
  errorCode: fieldPattern('errorCode'),
  errorMessage: fieldPattern('errorMessage'),
  credentialType: fieldPattern('CredentialType'),
  userName: /"(?:userName|UserName)"\s*:\s*"([^"]{1,128})"/,
} as const;
const ENROLLMENT = /"DeviceEnrollmentRequired"\s*:\s*"?(true|false)"?/i;
// "ExternalIdPDirectoryLogin": "Failure", "CredentialVerification":"Failure", also inside a JSON string
// (\"status\":\"FAILED\") or with the opening quote missing, as in an AWS documentation example.
const OUTCOME_FAILED = /[A-Za-z]{1,64}\\?"\s*:\s*\\?"(?:failure|failed)\\?"/i;

/**
 * CloudTrail records as people paste them: whole, wrapped in {"Records": [...]}, truncated, with
 * trailing commas or other JSON mistakes. Reads fields with patterns instead of JSON.parse so
 * broken pastes still count; every pattern is bounded, so the work stays linear in the input.
 */
export function extractEvents(text: string): CloudTrailHint[] {
  if (!text.includes('"eventName"')) return [];
  const starts = [...text.matchAll(RECORD_START)].slice(0, MAX_RECORDS + 1).map((m) => m.index!);
  // Records normally start at eventVersion; a fragment without it is one record from its first eventName.
  const cuts = starts.length > 0 ? starts : [text.search(EVENT_NAME_KEY)];
  const events: CloudTrailHint[] = [];
  for (let i = 0; i < cuts.length && i < MAX_RECORDS; i++) {
    const chunk = text.slice(i === 0 ? 0 : cuts[i]!, cuts[i + 1] ?? text.length);
    const field = (re: RegExp) => re.exec(chunk)?.[1];
    const eventName = field(FIELDS.eventName);
    if (!eventName) continue;
    const errorCode = field(FIELDS.errorCode);
    const errorMessage = field(FIELDS.errorMessage);
    const enrollment = ENROLLMENT.exec(chunk)?.[1]?.toLowerCase();
    events.push({
      eventName,
      eventSource: field(FIELDS.eventSource),
      errorCode,
      errorMessage,
      failed: Boolean(errorCode || errorMessage) || OUTCOME_FAILED.test(chunk),
      credentialType: field(FIELDS.credentialType),
      userName: field(FIELDS.userName),
      deviceEnrollmentRequired: enrollment === undefined ? undefined : enrollment === 'true',
    });
  }
  return events;
}
