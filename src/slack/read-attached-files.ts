import type { Attachment } from '../core/input';
import type { Logger } from '../core/ports/ports';
import type { SlackFile } from './read-message-event';
import { looksBinary } from '../core/text/detect-binary';

export interface FileReader {
  /** Text of the readable files among `files`; files it cannot or may not read are left out. */
  read(files: SlackFile[], logger: Logger): Promise<Attachment[]>;
}

/** SAML responses and SCIM payloads are a few KB; a 256 KB cap leaves room and bounds memory. */
export const MAX_FILE_BYTES = 256 * 1024;
const MAX_FILES = 3;
/** Slack's file hosts may redirect within themselves; more hops than this is not a file. */
const MAX_REDIRECTS = 3;
const TEXT_TYPE = /^(text\/|application\/(json|xml|samlassertion\+xml|x-yaml|yaml)\b)/;
const TEXT_NAME = /\.(txt|log|json|xml|saml|b64|base64|http|ya?ml)$/i;

export interface SlackFileReaderOptions {
  botToken: string;
  /** Origins that may receive the bot token (Slack's file hosts; the fake Slack API in tests). */
  allowedOrigins: string[];
  fetch?: typeof fetch;
  maxBytes?: number;
  timeoutMs?: number;
}

/**
 * Downloads text files attached to a message from `url_private` with the bot token
 * (needs the `files:read` scope). The token is only ever sent to an allowed origin; without the
 * scope Slack answers with an HTML login page, which is recognised and skipped.
 */
export class SlackFileReader implements FileReader {
  private readonly fetch: typeof fetch;
  private readonly maxBytes: number;
  private readonly timeoutMs: number;

  constructor(private readonly options: SlackFileReaderOptions) {
    this.fetch = options.fetch ?? globalThis.fetch;
    this.maxBytes = options.maxBytes ?? MAX_FILE_BYTES;
    this.timeoutMs = options.timeoutMs ?? 5_000;
  }

  async read(files: SlackFile[], logger: Logger): Promise<Attachment[]> {
    const out: Attachment[] = [];
    for (const file of files.slice(0, MAX_FILES)) {
      const reason = this.refusal(file);
      if (reason) {
        logger.info({ file: file.name, reason }, 'attached file skipped');
        continue;
      }
      try {
        const text = await this.download(file.urlPrivate!);
        out.push({ name: file.name, text });
      } catch (err) {
        logger.warn({ file: file.name, reason: (err as Error).message }, 'attached file could not be read');
      }
    }
    return out;
  }

  private refusal(file: SlackFile): string | undefined {
    if (!file.urlPrivate) return 'no url_private';
    if (!(file.mimetype && TEXT_TYPE.test(file.mimetype)) && !TEXT_NAME.test(file.name)) return `not a text file (${file.mimetype ?? 'unknown type'})`;
    if (file.size !== undefined && file.size > this.maxBytes) return `larger than ${this.maxBytes} bytes`;
    let origin: string;
    try {
      origin = new URL(file.urlPrivate).origin;
    } catch {
      return 'invalid url_private';
    }
    if (!this.options.allowedOrigins.includes(origin)) return `host ${origin} is not a Slack file host`;
    return undefined;
  }

  /**
   * Follows redirects by hand: each hop must stay on an allowed Slack file host, or the download
   * stops before anything is requested there (no token sent, no GET to an internal address).
   */
  private async fetchFollowing(url: string, signal: AbortSignal): Promise<Response> {
    let current = url;
    for (let hop = 0; ; hop++) {
      const res = await this.fetch(current, { headers: { authorization: `Bearer ${this.options.botToken}` }, signal, redirect: 'manual' });
      if (res.status < 300 || res.status >= 400 || res.status === 304) return res;
      await res.body?.cancel();
      const location = res.headers.get('location');
      if (!location) throw new Error(`HTTP ${res.status} without a Location`);
      if (hop >= MAX_REDIRECTS) throw new Error(`more than ${MAX_REDIRECTS} redirects`);
      const next = new URL(location, current);
      if (!this.options.allowedOrigins.includes(next.origin)) throw new Error(`redirected to ${next.origin}, which is not a Slack file host; not followed`);
      current = next.toString();
    }
  }

  private async download(url: string): Promise<string> {
    const res = await this.fetchFollowing(url, AbortSignal.timeout(this.timeoutMs));
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    if ((res.headers.get('content-type') ?? '').startsWith('text/html')) throw new Error('Slack sent a web page instead of the file: the app needs the files:read scope');
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = res.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > this.maxBytes) {
        await reader.cancel();
        throw new Error(`larger than ${this.maxBytes} bytes`);
      }
      chunks.push(value);
    }
    const text = Buffer.concat(chunks).toString('utf8');
    if (looksBinary(text)) throw new Error('binary content');
    return text;
  }
}
