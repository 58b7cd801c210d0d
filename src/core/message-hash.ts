import { createHash } from 'node:crypto';

/** Stable id of a message's text for feedback and de-duplication; the text itself is not kept. */
export function messageHash(text: string): string {
  return createHash('sha256').update(text.trim()).digest('hex').slice(0, 32);
}
