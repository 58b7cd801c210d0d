import { looksBinary } from '../core/text/detect-binary';

/** Raw pastes above this are refused before any parsing (1 MiB of characters). */
export const MAX_INPUT_CHARS = 1024 * 1024;
/** Decoded documents (XML, JSON) above this are refused: 256 KiB. Real SAML responses are 5 to 30 KiB. */
export const MAX_DOCUMENT_BYTES = 256 * 1024;

/** Checks shared by both linters before any decoding; returns the problem, or undefined. */
export function inputProblem(text: string, what: string): string | undefined {
  if (!text.trim()) return `The input is empty. Paste the ${what}, or attach it as a file.`;
  if (text.length > MAX_INPUT_CHARS) {
    return `The input has ${text.length.toLocaleString('en-US')} characters; the limit is ${MAX_INPUT_CHARS.toLocaleString('en-US')}. Paste only the ${what}.`;
  }
  if (looksBinary(text)) return `The input looks like binary data, not text. Paste the ${what} as text, or attach it as a text file.`;
  return undefined;
}
