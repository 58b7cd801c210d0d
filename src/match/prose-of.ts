import type { CloudTrailHint } from './extract-entities';

/**
 * The part of a message written by a person. A pasted CloudTrail record is mostly field names,
 * IDs and user agents that happen to share words with symptom phrasings ("user", "sign", "role"),
 * so symptom matching reads the text around the record plus its error fields, not the record.
 * Messages without CloudTrail records are returned unchanged.
 */
export function proseOf(text: string, events: readonly CloudTrailHint[]): string {
  if (events.length === 0) return text;
  const first = text.indexOf('{');
  const last = text.lastIndexOf('}');
  const around = first < 0 ? text : `${text.slice(0, first)}\n${last > first ? text.slice(last + 1) : ''}`;
  const errors = events.flatMap((e) => [e.errorCode ?? '', e.errorMessage ?? '']).filter(Boolean);
  return [around, ...errors].join('\n');
}
