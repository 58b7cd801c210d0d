import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the bot made to the Bot Connector service. */
export interface ConnectorCall {
  method: 'POST' | 'PUT' | string;
  /** `send` (new activity), `reply` (…/activities/{replyToId}), `update` (PUT), `create` (new conversation), `member` (GET …/members/{id}). */
  kind: 'send' | 'reply' | 'update' | 'create' | 'member' | 'other';
  /** For `member`: the member id asked about. */
  memberId?: string;
  conversationId?: string;
  activityId?: string;
  authorization?: string;
  body: any;
  /** The id this fake answered with (the id of the new activity or conversation). */
  responseId?: string;
}

export interface FakeConnector {
  /** Use as the activity's serviceUrl. */
  url: string;
  calls: ConnectorCall[];
  /** Waits until `count` calls match (default: any call). */
  waitFor(count: number, match?: (c: ConnectorCall) => boolean, timeoutMs?: number): Promise<ConnectorCall[]>;
  /** GET /v3/conversations/{id}/members/{memberId}: member id → TeamsChannelAccount (unknown ids answer 404 MemberNotFoundInConversation). */
  members: Map<string, Record<string, unknown>>;
  /** Makes the service stop answering (to test our timeouts). */
  hang(on: boolean): void;
  /** Makes only the member endpoint stop answering (its calls are still recorded). */
  hangMembers(on: boolean): void;
  close(): Promise<void>;
}

function read(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * A local stand-in for the Bot Connector service Teams replies go to: records
 * POST /v3/conversations, POST /v3/conversations/{id}/activities[/{replyToId}] and
 * PUT /v3/conversations/{id}/activities/{id}, answering with ids like the real one; and serves
 * GET /v3/conversations/{id}/members/{memberId} from `members`.
 */
export async function startFakeConnector(): Promise<FakeConnector> {
  const calls: ConnectorCall[] = [];
  const members = new Map<string, Record<string, unknown>>();
  const waiters: Array<() => void> = [];
  let hanging = false;
  let membersHanging = false;
  let next = 1;
  const server: Server = createServer(async (req, res) => {
    const body = await read(req);
    if (hanging) return; // never answers
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const member = req.method === 'GET' ? /^\/v3\/conversations\/(.+?)\/members\/([^/]+)$/.exec(path) : null;
    if (member) {
      calls.push({ method: 'GET', kind: 'member', conversationId: member[1], memberId: member[2], authorization: req.headers.authorization, body: undefined });
      waiters.splice(0).forEach((w) => w());
      if (membersHanging) return;
      const account = members.get(member[2]!);
      const answer = account ? { status: 200, body: account } : { status: 404, body: { error: { code: 'MemberNotFoundInConversation', message: 'The member is not in the conversation' } } };
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
      return;
    }
    const m = /^\/v3\/conversations(?:\/(.+?)\/activities(?:\/([^/]+))?)?\/?$/.exec(path);
    let parsed: any;
    try {
      parsed = body ? JSON.parse(body) : undefined;
    } catch {
      parsed = body;
    }
    const call: ConnectorCall = {
      method: req.method ?? '',
      kind: !m ? 'other' : !m[1] ? 'create' : req.method === 'PUT' ? 'update' : m[2] ? 'reply' : 'send',
      conversationId: m?.[1],
      activityId: m?.[2],
      authorization: req.headers.authorization,
      body: parsed,
    };
    const id = call.kind === 'create' ? `a:private-${next++}` : call.kind === 'update' ? call.activityId : `msg-${next++}`;
    call.responseId = id;
    calls.push(call);
    waiters.splice(0).forEach((w) => w());
    const data = JSON.stringify({ id });
    res.writeHead(call.kind === 'other' ? 404 : call.kind === 'create' ? 201 : 200, { 'content-type': 'application/json' }).end(data);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    calls,
    members,
    hang: (on) => {
      hanging = on;
    },
    hangMembers: (on) => {
      membersHanging = on;
    },
    async waitFor(count, match = () => true, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = calls.filter(match);
        if (found.length >= count) return found;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`expected ${count} connector calls, saw ${found.length}: ${JSON.stringify(calls.map((c) => [c.kind, c.conversationId]))}`);
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, Math.min(left, 200));
          waiters.push(() => {
            clearTimeout(t);
            resolve();
          });
        });
      }
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
