import { LookupEventsCommand, type CloudTrailClient, type LookupAttributeKey } from '@aws-sdk/client-cloudtrail';
import type { AwsCheckError } from './aws-check-error';
import { toAwsCheckError } from './aws-check-error';
import { callAws, type AwsCallMetrics } from './call-aws';
import { CoalescingCache } from '../../core/coalescing-cache';
import { parseTrailText, type TrailEvent } from './parse-trail-record';
import { TokenBucket } from './token-bucket';

export interface TrailQuery {
  /** LookupEvents takes one attribute per call. */
  key: Extract<LookupAttributeKey, 'Username' | 'EventSource' | 'EventName'>;
  value: string;
  /** Look-back in days (CloudTrail keeps 90). */
  days: number;
}

export interface TrailResult {
  events: TrailEvent[];
  /** Records that could not be read (malformed JSON, not a record). */
  malformed: number;
  /** More pages were available than we read. */
  truncated: boolean;
  /** The lookup stopped on this error; `events` holds what came before it. */
  error?: AwsCheckError;
}

export interface CloudTrailLookupOptions {
  /** Timeout of each LookupEvents call, in milliseconds. */
  timeoutMs: number;
  /** Pages read per query at most (50 events a page). */
  maxPages?: number;
  /** How long a result is reused, in milliseconds. */
  cacheTtlMs?: number;
  /** Shared limiter; default: 2 requests/s, the LookupEvents quota per account and region. */
  bucket?: TokenBucket;
  /** Longest wait for a rate-limit slot before giving up, in milliseconds. */
  maxQueueMs?: number;
  now?: () => number;
  /** Every LookupEvents call is counted here (`idc_aws_call_seconds`). */
  metrics?: AwsCallMetrics;
}

const ACTION = 'cloudtrail:LookupEvents';
/** LookupEvents returns at most 50 events a page. */
const PAGE_SIZE = 50;

/**
 * CloudTrail LookupEvents behind a shared token bucket (2 requests/s per account and region:
 * throttling is expected otherwise), bounded pagination, a short-lived cache and coalescing of
 * identical in-flight queries.
 */
export class CloudTrailLookup {
  private readonly bucket: TokenBucket;
  private readonly cache: CoalescingCache<TrailResult>;
  private readonly maxPages: number;
  private readonly maxQueueMs: number;
  private readonly now: () => number;

  constructor(
    private readonly client: CloudTrailClient,
    private readonly opts: CloudTrailLookupOptions,
  ) {
    this.now = opts.now ?? Date.now;
    // Burst 1: one request every 500 ms, so no one-second window ever holds more than two.
    this.bucket = opts.bucket ?? new TokenBucket({ ratePerSecond: 2, burst: 1, now: this.now });
    this.cache = new CoalescingCache<TrailResult>(opts.cacheTtlMs ?? 60_000, this.now, 500, (r) => !r.error);
    this.maxPages = opts.maxPages ?? 3;
    this.maxQueueMs = opts.maxQueueMs ?? 8_000;
  }

  lookup(query: TrailQuery): Promise<TrailResult> {
    const days = Math.min(90, Math.max(1, Math.round(query.days)));
    return this.cache.get(`${query.key}=${query.value.toLowerCase()}|${days}`, () => this.load({ ...query, days }));
  }

  private async load(query: TrailQuery): Promise<TrailResult> {
    const end = new Date(this.now());
    const start = new Date(end.getTime() - query.days * 86_400_000);
    const result: TrailResult = { events: [], malformed: 0, truncated: false };
    let token: string | undefined;
    for (let page = 0; page < this.maxPages; page++) {
      try {
        await this.bucket.take(ACTION, this.maxQueueMs);
        const out = await callAws(ACTION, this.opts.timeoutMs, (abortSignal) =>
          this.client.send(
            new LookupEventsCommand({
              LookupAttributes: [{ AttributeKey: query.key, AttributeValue: query.value }],
              StartTime: start,
              EndTime: end,
              MaxResults: PAGE_SIZE,
              NextToken: token,
            }),
            { abortSignal },
          ),
          this.opts.metrics,
        );
        for (const ev of out.Events ?? []) {
          const parsed = ev.CloudTrailEvent ? parseTrailText(ev.CloudTrailEvent, ev.EventTime) : { events: [], problems: ['no CloudTrailEvent'] };
          result.events.push(...parsed.events);
          result.malformed += parsed.problems.length;
        }
        token = out.NextToken;
      } catch (err) {
        // A failed first page is an error for the caller; a later one keeps what we have.
        if (page === 0) throw toAwsCheckError(err, ACTION, this.opts.timeoutMs);
        result.error = toAwsCheckError(err, ACTION, this.opts.timeoutMs);
        result.truncated = true;
        return result;
      }
      if (!token) return result;
    }
    result.truncated = true;
    return result;
  }
}
