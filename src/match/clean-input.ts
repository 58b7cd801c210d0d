import { looksBinary, NON_TEXT_CHARS } from '../core/text/detect-binary';
import { MAX_MATCH_CHARS } from './normalize-text';

export interface CleanInput {
  /** Text to match on: bounded, control characters and code fences removed. */
  text: string;
  /** Characters in the original message. */
  originalLength: number;
  /** The message was longer than MAX_MATCH_CHARS and only its prefix was read. */
  truncated: boolean;
  /** Mostly non-text bytes (a binary file pasted as text, invalid UTF-8). */
  binary: boolean;
  /** Nothing left after clean-up. */
  empty: boolean;
}

/** A chat message may carry a few stray replacement characters; above this share it is binary. */
const MAX_NON_TEXT_SHARE = 0.1;

/**
 * Turns a message into text the matcher can read safely. Never throws. Chat markup (mentions,
 * links, entities) is the edges' business: they hand the core plain text.
 */
export function cleanInput(raw: string): CleanInput {
  const originalLength = raw.length;
  const head = raw.slice(0, MAX_MATCH_CHARS);
  const text = head.replace(NON_TEXT_CHARS, ' ').replace(/```/g, '\n').trim();
  return {
    text,
    originalLength,
    truncated: originalLength > MAX_MATCH_CHARS,
    binary: looksBinary(head, { maxShare: MAX_NON_TEXT_SHARE, anyNul: false }),
    empty: text.replace(/\s+/g, '').length === 0,
  };
}
