import { MAX_MATCH_CHARS } from './normalize-text';

export interface CleanInput {
  /** Text to match on: bounded, control characters and chat mark-up removed. */
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

// Control characters other than tab and newline, and U+FFFD (what invalid UTF-8 decodes to).
const JUNK = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD]/g;

/** Turns a raw chat message into text the matcher can read safely. Never throws. */
export function cleanInput(raw: string): CleanInput {
  const originalLength = raw.length;
  const head = raw.slice(0, MAX_MATCH_CHARS);
  const junk = head.match(JUNK)?.length ?? 0;
  const binary = head.length > 0 && junk / head.length > 0.1;
  const text = head
    .replace(JUNK, ' ')
    // Slack: <@U123>, <!channel>, <#C123|name>; keep the label of <url|label> and bare <url>.
    .replace(/<[@!#][^>]*>/g, ' ')
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, '$2')
    .replace(/<(https?:[^>]+)>/g, '$1')
    // Teams: <at>Bot name</at>
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/```/g, '\n')
    .trim();
  return {
    text,
    originalLength,
    truncated: originalLength > MAX_MATCH_CHARS,
    binary,
    empty: text.replace(/\s+/g, '').length === 0,
  };
}
