import { isLiveCheckName, type LiveCheckName } from '../checks/live-check-registry';

/**
 * Button payloads. Short keys because Slack allows 2,000 characters per button value:
 * a = article id, h = message hash, c = check name, s = subject, e = escalation id,
 * r = resolution text (an edge that asked for it in a form adds it before handing the action back).
 */
export interface ActionPayload {
  a?: string;
  h?: string;
  c?: LiveCheckName;
  s?: string;
  e?: string;
  r?: string;
}

const MAX_VALUE_CHARS = 2_000;

export function encodeAction(payload: ActionPayload): string {
  const value = JSON.stringify(payload);
  if (value.length > MAX_VALUE_CHARS) throw new Error(`action payload exceeds ${MAX_VALUE_CHARS} characters`);
  return value;
}

/** A decoded payload; `unknownCheck`: the button names a check this version does not have (an older or newer bot's). */
export type DecodedAction = ActionPayload & { unknownCheck?: string };

/** Never throws: a tampered or foreign payload decodes to an empty object. */
export function decodeAction(value: string | undefined): DecodedAction {
  if (!value || value.length > MAX_VALUE_CHARS) return {};
  try {
    const parsed: unknown = JSON.parse(value);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    const out: DecodedAction = {};
    const p = parsed as Record<string, unknown>;
    for (const key of ['a', 'h', 's', 'e', 'r'] as const) if (typeof p[key] === 'string') out[key] = p[key] as string;
    if (isLiveCheckName(p.c)) out.c = p.c;
    else if (p.c !== undefined) out.unknownCheck = (typeof p.c === 'string' ? p.c : JSON.stringify(p.c) ?? '').slice(0, 40);
    return out;
  } catch {
    return {};
  }
}
