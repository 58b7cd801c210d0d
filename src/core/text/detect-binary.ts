/**
 * Characters typed text does not contain: C0 controls other than tab, line feed and carriage
 * return, DEL, C1 controls, and U+FFFD (what invalid UTF-8 decodes to).
 */
// eslint-disable-next-line no-control-regex
export const NON_TEXT_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD]/g;

/** Only this much of a long input is sampled. */
const SAMPLE_CHARS = 20_000;

/** True when `text` holds any character of NON_TEXT_CHARS. */
export function hasNonTextChars(text: string): boolean {
  return text.search(NON_TEXT_CHARS) !== -1;
}

/** The share of NON_TEXT_CHARS in the first 20,000 characters (0 for empty text). */
export function nonTextShare(text: string): number {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  if (sample.length === 0) return 0;
  return (sample.match(NON_TEXT_CHARS)?.length ?? 0) / sample.length;
}

export interface BinaryTolerance {
  /** Above this share of non-text characters the input is binary (default 2 %). */
  maxShare?: number;
  /** A single NUL makes it binary (default true): files and pastes for the linters never hold one. */
  anyNul?: boolean;
}

/**
 * Binary junk (an image, a zip, random bytes read as UTF-8): a NUL, or more than `maxShare` of
 * the sample made of non-text characters. Linters and attached files use the defaults; the
 * matcher, which reads chat messages that may carry a few stray control or replacement
 * characters, tolerates more and counts a NUL like any other control character.
 */
export function looksBinary(text: string, { maxShare = 0.02, anyNul = true }: BinaryTolerance = {}): boolean {
  return (anyNul && text.includes('\u0000')) || nonTextShare(text) > maxShare;
}
