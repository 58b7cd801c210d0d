import type { CloudTrailHint } from './extract-entities';

// ARNs name who or what, not what went wrong: "assumed-role/AWSReservedSSO_Admin_…/jane" in a
// denial says nothing about editing that role.
const ARN = /\barn:aws[a-z-]*:[a-z0-9-]*:[a-z0-9-]*:[^\s"']{0,300}/gi;

/**
 * The part of a message written by a person, for symptom matching. A pasted CloudTrail record is
 * mostly field names, IDs and user agents that happen to share words with symptom phrasings
 * ("user", "sign", "role"), so for a message with records only the text around them and their
 * error fields are read; ARNs are dropped everywhere.
 */
export function proseOf(text: string, events: readonly CloudTrailHint[]): string {
  let prose = text;
  if (events.length > 0) {
    const first = text.indexOf('{');
    const last = text.lastIndexOf('}');
    const around = first < 0 ? text : `${text.slice(0, first)}\n${last > first ? text.slice(last + 1) : ''}`;
    const errors = events.flatMap((e) => [e.errorCode ?? '', e.errorMessage ?? '']).filter(Boolean);
    prose = [around, ...errors].join('\n');
  }
  return prose.includes('arn:') ? prose.replace(ARN, ' ') : prose;
}
