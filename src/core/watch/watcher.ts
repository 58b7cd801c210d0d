import { randomUUID } from 'node:crypto';
import { boundText, MAX_ESCALATION_TEXT } from '../escalations/bound-text';
import { THREAD_CONTEXT_TTL_SECONDS } from '../escalations/conversation-memory';
import { threadKey } from '../escalations/thread-key';
import type { MessageRef } from '../escalations/escalation';
import type { Clock, Logger } from '../ports/ports';
import type { Reply } from '../replies/reply';
import type { SeenEventStore, ThreadStore } from '../ports/store';
import { composeDigest } from './compose-digest';
import type { WatchAlert } from './watch-alert';
import type { DigestPoster, WatchEvent, WatchFailure, WatchSource, WatchStore, WatchWindow } from './watch-ports';

export interface WatcherOptions<E extends WatchEvent> {
  source: WatchSource<E>;
  store: WatchStore & SeenEventStore & ThreadStore;
  /** Slack and/or Teams; none for `watch --once` (the CLI prints the digest). */
  posters: readonly DigestPoster[];
  clock: Clock;
  logger: Logger;
  /** WATCH_INTERVAL_MINUTES. */
  intervalMinutes: number;
  /** This process in the lease (default: a random id). */
  holder?: string;
}

export interface PassResult {
  /** not-leader: another replica watches; failed: AWS or the store failed (logged once); quiet: nothing to say. */
  outcome: 'not-leader' | 'failed' | 'quiet' | 'posted' | 'unposted';
  window?: WatchWindow;
  /** Findings from this pass's new events. */
  found: WatchAlert[];
  /** What the digest summarises (new findings and those due for their daily summary). */
  reported: WatchAlert[];
  digest?: Reply;
  failure?: WatchFailure;
  /** CloudTrail records read and how many of them were new. */
  events: { read: number; fresh: number; calls: number; truncated: boolean };
}

const LEASE = 'cloudtrail-watcher';
const CURSOR = 'cloudtrail';
/** CloudTrail delivers events to LookupEvents within minutes, not at once: each pass re-reads this much before the cursor. */
export const OVERLAP_MS = 15 * 60_000;
/** After a long stop, read at most the last day (the page bound would cut it anyway). */
const MAX_WINDOW_MS = 24 * 3_600_000;
/** Event ids are remembered longer than any overlap, so a record is counted once. */
const SEEN_TTL_SECONDS = 2 * 86_400;
/** A finding that keeps happening is summarised again after this long. */
export const REPEAT_AFTER_MS = 24 * 3_600_000;
/** Lines per digest; the rest wait for the next one (Block Kit allows 50 blocks). */
export const MAX_DIGEST_LINES = 10;
/** How long stop() waits for a pass in flight. */
const STOP_WAIT_MS = 3_000;
/** Throttling doubles the wait between passes up to this factor. */
const MAX_BACKOFF = 8;

/**
 * The CloudTrail watcher, platform-free. Each pass: take the lease (one replica at a time; another
 * takes over when the holder stops renewing), read CloudTrail from the stored cursor (minus an
 * overlap, deduplicated by event id), turn new events into findings, add them to the pending
 * summaries in the store, and post one digest of what is due. Quiet when nothing is due.
 */
export class Watcher<E extends WatchEvent> {
  readonly holder: string;
  private backoff = 1;

  constructor(private readonly o: WatcherOptions<E>) {
    this.holder = o.holder ?? randomUUID();
  }

  private get leaseSeconds(): number {
    // Two intervals and a minute: the holder renews it every pass; when it dies, another replica
    // takes over within that time. (While AWS throttles, passes are further apart and the lease may
    // pass to another replica: harmless, the state is in the store.)
    return this.o.intervalMinutes * 120 + 60;
  }

  async runOnce(opts: { since?: Date } = {}): Promise<PassResult> {
    const { store, source, logger } = this.o;
    const now = this.o.clock.now();
    const result: PassResult = { outcome: 'quiet', found: [], reported: [], events: { read: 0, fresh: 0, calls: 0, truncated: false } };
    if (!(await store.takeLease(LEASE, this.holder, this.leaseSeconds, now))) return { ...result, outcome: 'not-leader' };
    const cursor = opts.since ?? (await store.getWatchCursor(CURSOR)) ?? new Date(now.getTime() - this.o.intervalMinutes * 60_000);
    // An operator's --since may reach back as far as CloudTrail keeps events (90 days).
    const floor = now.getTime() - (opts.since ? 90 * 86_400_000 : MAX_WINDOW_MS);
    const start = new Date(Math.max(cursor.getTime() - (opts.since ? 0 : OVERLAP_MS), floor));
    const window = { start: start < now ? start : now, end: now };
    result.window = window;
    const read = await source.read(window);
    result.events = { read: read.events.length, fresh: 0, calls: read.calls, truncated: read.truncated };
    if (read.failure) {
      this.backoff = read.failure.code === 'throttled' || read.failure.code === 'rate-limited' ? Math.min(this.backoff * 2, MAX_BACKOFF) : 1;
      logger.warn({ code: read.failure.code, fix: read.failure.fix, retryInMinutes: this.o.intervalMinutes * this.backoff }, `watcher: CloudTrail could not be read: ${read.failure.message}`);
      return { ...result, outcome: 'failed', failure: read.failure };
    }
    this.backoff = 1;
    if (read.truncated) logger.warn({ events: read.events.length, calls: read.calls }, 'watcher: more CloudTrail events than the page bound; the oldest of this window were not read');
    const fresh: E[] = [];
    for (const e of read.events) if (await store.firstSeen(`watch-event:${e.key}`, SEEN_TTL_SECONDS, now)) fresh.push(e);
    result.events.fresh = fresh.length;
    result.found = fresh.length > 0 ? await source.findings(fresh, now) : [];
    await store.addWatchAlerts(result.found, now);
    await store.setWatchCursor(CURSOR, now);

    const due = await store.dueWatchAlerts(new Date(now.getTime() - REPEAT_AFTER_MS), 200);
    if (due.length === 0) return result;
    result.reported = due.slice(0, MAX_DIGEST_LINES);
    result.digest = composeDigest(result.reported, due.length > MAX_DIGEST_LINES ? due.length - MAX_DIGEST_LINES : 0);
    if (this.o.posters.length === 0) return { ...result, outcome: 'unposted' };
    // A pass that outlived its lease must not post: the replica that took over will.
    if (!(await store.takeLease(LEASE, this.holder, this.leaseSeconds, this.o.clock.now()))) return { ...result, outcome: 'not-leader' };
    const posted: MessageRef[] = [];
    for (const poster of this.o.posters) {
      try {
        posted.push(await poster.post(result.digest));
      } catch (err) {
        logger.warn({ platform: poster.platform, err: (err as Error).message, code: (err as { code?: string }).code }, 'watcher: could not post the digest; it is kept for the next pass');
      }
    }
    if (posted.length === 0) return { ...result, outcome: 'unposted' };
    await store.markWatchReported(result.reported.map((a) => a.key), now);
    for (const ref of posted) await this.rememberForEscalation(ref, result.digest, result.reported, now);
    logger.info({ findings: result.reported.map((a) => a.kind), platforms: posted.map((p) => p.platform) }, 'watcher: digest posted');
    return { ...result, outcome: 'posted' };
  }

  /** The Escalate button under the digest escalates its text (no personal data in the check lines). */
  private async rememberForEscalation(ref: MessageRef, digest: Reply, alerts: readonly WatchAlert[], now: Date): Promise<void> {
    const key = threadKey({ platform: ref.platform, channelId: ref.channelId, threadId: ref.messageId });
    if (!key) return;
    const checks = alerts.map((a) => `watch ${a.kind}: ${a.count}× (${a.article ?? 'no article'})`);
    await this.o.store
      .saveThreadContext(key, { text: boundText(digest.text, MAX_ESCALATION_TEXT), articleId: alerts[0]?.article ?? undefined, checks, at: now }, THREAD_CONTEXT_TTL_SECONDS)
      .catch((err: unknown) => this.o.logger.warn({ err: (err as Error).message }, 'watcher: could not keep the digest for escalations'));
  }

  /** Milliseconds until the next pass: the interval, longer while AWS throttles. */
  nextDelayMs(): number {
    return this.o.intervalMinutes * 60_000 * this.backoff;
  }

  /** Runs a pass now and then every interval (unref'd timers). Returns stop(), which releases the lease. */
  start(): () => Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    let stopped = false;
    let running: Promise<unknown> = Promise.resolve();
    const loop = () => {
      running = this.runOnce()
        .catch((err: unknown) => {
          const e = err as { code?: string; fix?: string; message?: string };
          this.o.logger.warn({ code: e.code, fix: e.fix }, `watcher: pass failed: ${e.message}`);
        })
        .finally(() => {
          if (stopped) return;
          timer = setTimeout(loop, this.nextDelayMs());
          timer.unref();
        });
    };
    timer = setTimeout(loop, 1_000);
    timer.unref();
    return async () => {
      stopped = true;
      clearTimeout(timer);
      // A pass in flight may wait on AWS; shutdown waits for it only briefly (its state is in the store).
      await Promise.race([running, new Promise((r) => setTimeout(r, STOP_WAIT_MS).unref())]);
      await this.o.store.releaseLease(LEASE, this.holder).catch(() => undefined);
    };
  }
}
