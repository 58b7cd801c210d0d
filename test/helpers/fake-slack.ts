import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for Slack's Web API (`SLACK_API_URL`), `response_url` endpoints and file
 * downloads, on a loopback port. It records every call so tests assert on what the bot sent.
 */
export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
  /** Bearer token the call carried. */
  token?: string;
  /** What the fake answered (e.g. the `ts` of a posted message). */
  answer?: Record<string, unknown>;
}

export interface RecordedResponse {
  id: string;
  body: Record<string, unknown>;
}

export interface FakeSlackOptions {
  botToken?: string;
  botUserId?: string;
}

export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  readonly responses: RecordedResponse[] = [];
  readonly files = new Map<string, { body: string | Buffer; contentType: string }>();
  /** File downloads that answer 302 with this Location (file name → absolute or relative URL). */
  readonly fileRedirects = new Map<string, string>();
  /** conversations.members: channel id → member ids (unknown channels answer channel_not_found). */
  readonly channelMembers = new Map<string, string[]>();
  /** usergroups.users.list: user group id → member ids (unknown groups answer no_such_subteam). */
  readonly userGroups = new Map<string, string[]>();
  /** users.info: user id → profile e-mail (unknown users answer user_not_found; null: a profile without e-mail). */
  readonly userEmails = new Map<string, string | null>();
  /** The same map under the name the surfaces tests use. */
  get members(): Map<string, string[]> {
    return this.channelMembers;
  }
  readonly botUserId: string;
  private readonly botToken: string;
  private readonly failures = new Map<string, string[]>();
  private readonly delays = new Map<string, number>();
  private server?: Server;
  private base = '';
  private ts = 1_700_000_500;
  /** Messages posted with chat.postMessage, for conversations.replies. */
  private readonly posted: Array<{ channel: string; ts: string; threadTs?: string }> = [];

  constructor(options: FakeSlackOptions = {}) {
    this.botToken = options.botToken ?? 'xoxb-test-token';
    this.botUserId = options.botUserId ?? 'U0BOT';
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(({ status, body, contentType, location }) => {
        res.writeHead(status, { 'content-type': contentType ?? 'application/json; charset=utf-8', ...(location ? { location } : {}) });
        res.end(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** The value for SLACK_API_URL. */
  get apiUrl(): string {
    return `${this.base}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.base}/response/${id}`;
  }

  fileUrl(name: string): string {
    return `${this.base}/files/${name}`;
  }

  /** Forgets what was recorded (between tests). */
  reset(): void {
    this.delays.clear();
    this.calls.length = 0;
    this.responses.length = 0;
  }

  /** Calls of `method` answer after `ms` (a slow Slack). */
  delay(method: string, ms: number): void {
    this.delays.set(method, ms);
  }

  /** The next call of `method` answers `{ok:false, error}`, as Slack does. */
  failNext(method: string, error: string): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), error]);
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Posts of replies: chat.postMessage and chat.postEphemeral. */
  posts(): RecordedCall[] {
    return this.calls.filter((c) => c.method === 'chat.postMessage' || c.method === 'chat.postEphemeral');
  }

  /** Waits until `check` passes (replies go out after the HTTP ack, asynchronously). */
  async waitFor(check: () => boolean, timeoutMs = 3_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > end) throw new Error(`fake Slack: condition not met within ${timeoutMs} ms; calls: ${this.calls.map((c) => c.method).join(', ')}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  /** Lets in-flight work finish, for asserting that nothing (more) was sent. */
  async settle(ms = 150): Promise<void> {
    await new Promise((r) => setTimeout(r, ms));
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body: unknown; contentType?: string; location?: string }> {
    const url = new URL(req.url ?? '/', this.base);
    const raw = await readAll(req);
    if (url.pathname.startsWith('/response/')) {
      this.responses.push({ id: url.pathname.slice('/response/'.length), body: JSON.parse(raw) as Record<string, unknown> });
      return { status: 200, body: 'ok', contentType: 'text/plain' };
    }
    if (url.pathname.startsWith('/files/')) {
      const location = this.fileRedirects.get(url.pathname.slice('/files/'.length));
      if (location) return { status: 302, body: '', contentType: 'text/plain', location };
      const file = this.files.get(url.pathname.slice('/files/'.length));
      const authorised = req.headers.authorization === `Bearer ${this.botToken}`;
      if (!file || !authorised) return { status: 404, body: 'not found', contentType: 'text/plain' };
      return { status: 200, body: file.body, contentType: file.contentType };
    }
    const method = url.pathname.replace(/^\/api\//, '');
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const args = parseArgs(raw, req.headers['content-type']);
    const delay = this.delays.get(method);
    if (delay) await new Promise((r) => setTimeout(r, delay));
    const call: RecordedCall = { method, args, token };
    this.calls.push(call);
    const failure = this.failures.get(method)?.shift();
    if (failure) return { status: 200, body: { ok: false, error: failure } };
    if (token !== this.botToken) return { status: 200, body: { ok: false, error: 'invalid_auth' } };
    call.answer = this.answer(method, args);
    return { status: 200, body: call.answer };
  }

  private answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://example.slack.com/', team: 'Example', user: 'idc', team_id: 'T0TEST', user_id: this.botUserId, bot_id: 'B0BOT' };
      case 'chat.postMessage': {
        // Like Slack, a reply's ts is later than its thread's.
        this.ts = Math.max(this.ts, Math.floor(Number(args.thread_ts ?? 0)) + 1);
        const ts = `${this.ts++}.000100`;
        this.posted.push({ channel: String(args.channel), ts, threadTs: args.thread_ts === undefined ? undefined : String(args.thread_ts) });
        return { ok: true, channel: args.channel, ts, message: { text: args.text } };
      }
      case 'conversations.replies': {
        // The bot's own messages in the thread (what the inbox looks for after a crash).
        const messages = this.posted.filter((p) => p.channel === args.channel && (p.threadTs === args.ts || p.ts === args.ts)).map((p) => ({ user: this.botUserId, bot_id: 'B0BOT', ts: p.ts, thread_ts: p.threadTs }));
        return { ok: true, messages };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `${this.ts++}.000100` };
      case 'views.publish':
      case 'views.open':
      case 'views.push':
        return { ok: true, view: { id: `V${this.ts++}`, type: (args.view as { type?: string } | undefined)?.type } };
      case 'conversations.members': {
        const members = this.channelMembers.get(String(args.channel));
        if (!members) return { ok: false, error: 'channel_not_found' };
        // Paged as Slack pages: `limit` ids, then an opaque next_cursor ('' on the last page).
        const start = Number(args.cursor ?? 0);
        const limit = Number(args.limit ?? 100);
        const next = start + limit < members.length ? String(start + limit) : '';
        return { ok: true, members: members.slice(start, start + limit), response_metadata: { next_cursor: next } };
      }
      case 'usergroups.users.list': {
        const users = this.userGroups.get(String(args.usergroup));
        return users ? { ok: true, users } : { ok: false, error: 'no_such_subteam' };
      }
      case 'users.info': {
        const id = String(args.user);
        if (!this.userEmails.has(id)) return { ok: false, error: 'user_not_found' };
        const email = this.userEmails.get(id);
        return { ok: true, user: { id, name: id.toLowerCase(), is_bot: false, profile: { real_name: `User ${id}`, ...(email ? { email } : {}) } } };
      }
      case 'chat.getPermalink':
        return { ok: true, channel: args.channel, permalink: `https://example.slack.com/archives/${String(args.channel)}/p${String(args.message_ts).replace('.', '')}` };
      default:
        return { ok: true };
    }
  }
}

function readAll(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The WebClient posts form fields, with arrays and objects (blocks) as JSON strings. */
function parseArgs(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.includes('json')) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    out[k] = /^[[{]/.test(v) ? JSON.parse(v) : v;
  }
  return out;
}

/** Every `text` string in a Slack payload (fallback, blocks, elements), joined by newlines. */
export function textsOf(value: unknown): string {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'text' && typeof x === 'string') out.push(x);
        else walk(x);
      }
    }
  };
  walk(value);
  return out.join('\n');
}

/** One fake Slack for a whole test file, its records cleared before each test; call the result to get it. */
export function useFakeSlack(): () => FakeSlack {
  let fake: FakeSlack | undefined;
  beforeAll(async () => {
    fake = await new FakeSlack().start();
  });
  afterAll(() => fake?.close());
  beforeEach(() => fake!.reset());
  return () => fake!;
}
