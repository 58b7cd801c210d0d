import type { IncomingMessage } from 'node:http';

/** The request body was larger than the route accepts. */
export class BodyTooLargeError extends Error {
  readonly code = 'body_too_large';
  constructor(readonly limitBytes: number) {
    super(`request body exceeds ${limitBytes} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/** Reads a request body up to `limitBytes`; stops reading (and rejects) beyond it. */
export function readBody(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Over the limit: drain a little more so the 413 reaches the client, then cut the sender off.
      if (size > limitBytes * 4) req.destroy();
      if (size - chunk.length > limitBytes) return;
      if (size > limitBytes) {
        chunks.length = 0;
        reject(new BodyTooLargeError(limitBytes));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
