import { truncate } from '../text/truncate';
/** Pasted text kept with an escalation: the first 3,000 characters (a Block Kit section's limit). */
export const MAX_ESCALATION_TEXT = 3_000;
/** Notes and resolutions are short sentences. */
export const MAX_NOTE = 500;

/** Cuts `text` to at most `max` characters, marking the cut with "…". */
export function boundText(text: string, max: number): string {
  return truncate(text.trim(), max);
}
