import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseLenientJson } from '../../src/checks/aws/parse-lenient-json';

/**
 * A loopback endpoint speaking the AWS JSON protocol (POST, `X-Amz-Target: Service.Operation`,
 * JSON body), for what moto lacks (CloudTrail LookupEvents) and for failures moto cannot make
 * (throttling, AccessDenied, a slow answer).
 */
export interface FakeReply {
  status?: number;
  body: unknown;
  delayMs?: number;
}

export type FakeHandler = (operation: string, body: Record<string, unknown>) => FakeReply;

export interface FakeAws {
  url: string;
  /** Every request: operation, body and arrival time (ms). */
  requests: Array<{ operation: string; body: Record<string, unknown>; at: number }>;
  handler: FakeHandler;
  close(): Promise<void>;
}

export function awsError(type: string, message: string, status = 400): FakeReply {
  return { status, body: { __type: type, message } };
}

export async function startFakeAws(handler: FakeHandler): Promise<FakeAws> {
  const fake: FakeAws = { url: '', requests: [], handler, close: async () => {} };
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const operation = String(req.headers['x-amz-target'] ?? '').split('.').pop() ?? '';
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      } catch {
        // keep {}
      }
      fake.requests.push({ operation, body, at: Date.now() });
      const reply = fake.handler(operation, body);
      const send = () => {
        if (res.destroyed) return;
        res.writeHead(reply.status ?? 200, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'fake-request' });
        res.end(JSON.stringify(reply.body));
      };
      if (reply.delayMs) {
        const t = setTimeout(() => {
          timers.delete(t);
          send();
        }, reply.delayMs);
        timers.add(t);
      } else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}

/** One stored CloudTrail record as LookupEvents returns it: the raw JSON text plus the fields it filters on. */
export interface StoredEvent {
  text: string;
  eventName?: string;
  eventSource?: string;
  userName?: string;
  eventId?: string;
}

/** Reads filter fields even from malformed records (as CloudTrail's index would have them). */
export function storedEvent(text: string): StoredEvent {
  let r: Record<string, unknown> | undefined;
  try {
    r = parseLenientJson(text) as Record<string, unknown>;
  } catch {
    r = undefined;
  }
  const grab = (key: string) => (new RegExp(`"${key}"\\s*:\\s*"([^"]*)"`).exec(text) ?? [])[1];
  const identity = (r?.userIdentity ?? {}) as Record<string, unknown>;
  return {
    text,
    eventName: (r?.eventName as string | undefined) ?? grab('eventName'),
    eventSource: (r?.eventSource as string | undefined) ?? grab('eventSource'),
    userName: (identity.userName as string | undefined) ?? grab('userName'),
    eventId: (r?.eventID as string | undefined) ?? grab('eventID'),
  };
}

/** Splits a fixture file into records: the S3 `{"Records": [...]}` form gives several. */
export function fixtureRecords(text: string): string[] {
  try {
    const v = parseLenientJson(text) as { Records?: unknown[] };
    if (Array.isArray(v.Records)) return v.Records.map((r) => JSON.stringify(r));
  } catch {
    // malformed: served as it is
  }
  return [text];
}

/** CloudTrail LookupEvents over `events`: one lookup attribute, 50 a page, NextToken = offset. */
export function lookupEventsHandler(events: readonly StoredEvent[]): FakeHandler {
  return (operation, body) => {
    if (operation !== 'LookupEvents') return awsError('UnknownOperationException', `no ${operation}`);
    const attrs = (body.LookupAttributes as Array<{ AttributeKey: string; AttributeValue: string }> | undefined) ?? [];
    if (attrs.length > 1) return awsError('InvalidLookupAttributesException', 'You cannot specify more than one lookup attribute.');
    const a = attrs[0];
    const field = a && ({ Username: 'userName', EventSource: 'eventSource', EventName: 'eventName' } as const)[a.AttributeKey as 'Username'];
    const matching = events.filter((e) => !a || !field || e[field] === a.AttributeValue);
    const size = Math.min(Number(body.MaxResults ?? 50), 50);
    const offset = Number(body.NextToken ?? 0);
    const page = matching.slice(offset, offset + size);
    return {
      body: {
        Events: page.map((e, i) => ({
          EventId: e.eventId ?? `ev-${offset + i}`,
          EventName: e.eventName,
          EventSource: e.eventSource,
          Username: e.userName,
          EventTime: 1_700_000_000 + offset + i,
          CloudTrailEvent: e.text,
        })),
        ...(offset + size < matching.length ? { NextToken: String(offset + size) } : {}),
      },
    };
  };
}
