import { createHash } from 'node:crypto';
import { LookupEventsCommand, type CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import type { WatchEvent, WatchRead, WatchWindow } from '../../core/watch/watch-ports';
import { toAwsCheckError } from './aws-check-error';
import { callAws, type AwsCallMetrics } from './call-aws';
import { parseLenientJson } from './parse-lenient-json';
import { parseTrailRecord, type TrailEvent } from './parse-trail-record';
import type { TokenBucket } from './token-bucket';

/** A CloudTrail record as the watcher needs it: the sign-in story's fields plus ids of principals and permission sets. */
export interface WatchTrailEvent extends TrailEvent, WatchEvent {
  /** User or group created or deleted (SCIM or the Identity Store API). */
  principal?: { type: 'USER' | 'GROUP'; id: string; change: 'created' | 'deleted' };
  permissionSetArn?: string;
  /** Account of an account assignment or a permission set provisioning. */
  accountId?: string;
  /** An accepted asynchronous request (assignment, provisioning) whose outcome is only in its status. */
  asyncRequest?: { kind: 'assignment-creation' | 'assignment-deletion' | 'provisioning'; requestId: string };
}

/**
 * The event sources the watcher reads, one LookupEvents query each (it takes one attribute per
 * call): SCIM provisioning, sign-in, IAM Identity Center administration (permission sets and
 * assignments) and the Identity Store API (users and groups deleted and created by hand).
 */
export const WATCH_SOURCES = ['identitystore-scim.amazonaws.com', 'signin.amazonaws.com', 'sso.amazonaws.com', 'identitystore.amazonaws.com'] as const;

const ACTION = 'cloudtrail:LookupEvents';
const PAGE_SIZE = 50;
const PLACEHOLDER = /^(x+|redacted|\.\.\.|<.*>|HIDDEN_DUE_TO_SECURITY_REASONS)$/i;

export interface WatchReaderOptions {
  client: CloudTrailClient;
  /** The shared LookupEvents limiter (2 requests/s per account and region), also used by chat checks. */
  bucket: TokenBucket;
  timeoutMs: number;
  /** Pages per source and pass (50 events a page). */
  maxPages: number;
  /** Longest wait for a limiter slot; background work may wait longer than a chat answer. */
  maxQueueMs?: number;
  /** Every LookupEvents call is counted here (`idc_aws_call_seconds`). */
  metrics?: AwsCallMetrics;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const id = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() && !PLACEHOLDER.test(v.trim()) ? v.trim() : undefined);

/** Principal created or deleted by this record, from SCIM (`id`) or Identity Store API (`userId`, `groupId`) fields. */
function principalOf(r: Obj, e: TrailEvent): WatchTrailEvent['principal'] {
  const m = /^(Create|Delete)(User|Group)$/.exec(e.name);
  if (!m || e.outcome === 'failure' || !/^identitystore(-scim)?\.amazonaws\.com$/.test(e.source)) return undefined;
  const type = m[2] === 'User' ? 'USER' : 'GROUP';
  const req = obj(r.requestParameters);
  const res = obj(r.responseElements);
  const key = type === 'USER' ? 'userId' : 'groupId';
  const found = m[1] === 'Create' ? id(res.id) ?? id(res[key]) : id(req.id) ?? id(req[key]);
  return found ? { type, id: found, change: m[1] === 'Create' ? 'created' : 'deleted' } : undefined;
}

const ASYNC: Array<[RegExp, NonNullable<WatchTrailEvent['asyncRequest']>['kind']]> = [
  [/^accountassignmentcreationstatus$/i, 'assignment-creation'],
  [/^accountassignmentdeletionstatus$/i, 'assignment-deletion'],
  [/^permissionsetprovisioningstatus$/i, 'provisioning'],
];

/** The request id of an accepted CreateAccountAssignment, DeleteAccountAssignment or ProvisionPermissionSet (key case varies). */
function asyncRequestOf(r: Obj, e: TrailEvent): WatchTrailEvent['asyncRequest'] {
  if (e.source !== 'sso.amazonaws.com' || e.outcome === 'failure') return undefined;
  for (const [key, value] of Object.entries(obj(r.responseElements))) {
    const kind = ASYNC.find(([re]) => re.test(key))?.[1];
    const status = obj(value);
    const requestId = id(Object.entries(status).find(([k]) => /^requestid$/i.test(k))?.[1]);
    if (kind && requestId) return { kind, requestId };
  }
  return undefined;
}

/** One CloudTrailEvent text as a watch event; undefined when it is not a record. */
export function toWatchEvent(text: string, envelopeId: string | undefined, time: Date | undefined): WatchTrailEvent | undefined {
  let r: Obj;
  try {
    r = obj(parseLenientJson(text));
  } catch {
    return undefined;
  }
  const e = parseTrailRecord(r, time);
  if (!e) return undefined;
  const req = obj(r.requestParameters);
  const key = `${e.source}:${e.id ?? id(envelopeId) ?? createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
  return { ...e, key, principal: principalOf(r, e), permissionSetArn: id(req.permissionSetArn), accountId: id(req.targetId) ?? id(req.accountId), asyncRequest: asyncRequestOf(r, e) };
}

/**
 * Reads the window from each source, newest first, page by page through the shared limiter, one
 * request at a time (chat checks queue fairly between them). Bounded: `maxPages` per source.
 * Any failure fails the whole read: the caller keeps its cursor and tries the window again.
 */
export async function readTrailWindow(o: WatchReaderOptions, window: WatchWindow): Promise<WatchRead<WatchTrailEvent>> {
  const read: WatchRead<WatchTrailEvent> = { events: [], truncated: false, calls: 0 };
  for (const source of WATCH_SOURCES) {
    let token: string | undefined;
    for (let page = 0; ; page++) {
      if (page >= o.maxPages) {
        read.truncated = true;
        break;
      }
      try {
        await o.bucket.take(ACTION, o.maxQueueMs ?? 60_000);
        read.calls++;
        const out = await callAws(ACTION, o.timeoutMs, (abortSignal) =>
          o.client.send(
            new LookupEventsCommand({
              LookupAttributes: [{ AttributeKey: 'EventSource', AttributeValue: source }],
              StartTime: window.start,
              EndTime: window.end,
              MaxResults: PAGE_SIZE,
              NextToken: token,
            }),
            { abortSignal },
          ),
          o.metrics,
        );
        for (const ev of out.Events ?? []) {
          const parsed = ev.CloudTrailEvent ? toWatchEvent(ev.CloudTrailEvent, ev.EventId, ev.EventTime) : undefined;
          if (parsed) read.events.push(parsed);
        }
        token = out.NextToken;
      } catch (err) {
        const e = toAwsCheckError(err, ACTION, o.timeoutMs);
        return { ...read, failure: { code: e.code, message: e.message, fix: e.fix } };
      }
      if (!token) break;
    }
  }
  return read;
}
