import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { InboxEntry, InboxStore } from './ports/inbox-store';
import type { Platform } from './input';
import type { Logger } from './ports/ports';

export interface InboxOptions {
  store: InboxStore;
  logger: Logger;
  /** How long a claim holds without renewal (ms); renewed every third of it while the work runs. */
  leaseMs?: number;
  /** How often unfinished entries whose lease ran out are looked for (ms). */
  pollMs?: number;
  /** A delivery that crashed its worker this many times is left alone (and logged). */
  maxAttempts?: number;
  /** One process owns the store (SQLite, memory): at start, every unfinished entry is an orphan. */
  takeOverOnStart?: boolean;
  /** Work that outlives a request, for graceful shutdown. */
  track?: <T>(work: Promise<T>) => Promise<T>;
}

export type Accepted = 'new' | 'duplicate' | 'unrecorded';

/**
 * What a job tells the inbox around its reply: `sending()` just before it goes out, `answered()`
 * right after. A crash between the two leaves an entry marked `answering`, which the edge checks
 * against the platform before replaying; a crash after `answered()` cannot bring the reply back.
 */
export interface DeliveryHooks {
  sending(): Promise<void>;
  answered(): Promise<void>;
}
type Replay = (entry: InboxEntry) => Promise<void>;

/**
 * The durable inbox: each edge writes a delivery here before acknowledging it (`accept`), works it
 * under a renewed lease (`work`), and the entry is marked done when the work settles. Entries left
 * unfinished by a crash are worked again by `start`'s recovery, on whichever replica claims them
 * first; each edge registers how to replay its platform's payload (`onRecover`).
 */
export class Inbox {
  readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly replays = new Map<Platform, Replay>();
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly maxAttempts: number;

  constructor(private readonly o: InboxOptions) {
    this.leaseMs = o.leaseMs ?? 30_000;
    this.pollMs = o.pollMs ?? 10_000;
    this.maxAttempts = o.maxAttempts ?? 3;
  }

  onRecover(platform: Platform, replay: Replay): void {
    this.replays.set(platform, replay);
  }

  /** Writes the delivery, claimed by this process. 'unrecorded': the store failed; work it anyway (answering beats silence). */
  async accept(key: string, platform: Platform, payload: string): Promise<Accepted> {
    try {
      const now = Date.now();
      return (await this.o.store.acceptDelivery({ key, platform, payload, receivedAt: new Date(now) }, this.owner, new Date(now + this.leaseMs))) ? 'new' : 'duplicate';
    } catch (err) {
      this.o.logger.error({ err: (err as Error).message, delivery: key }, 'inbox: could not record the delivery; working it without a safety net');
      return 'unrecorded';
    }
  }

  /** Runs `job` for an accepted entry, renewing the lease while it runs; the entry is done when it settles (or at `answered()`). */
  async work<T>(key: string, job: (hooks: DeliveryHooks) => Promise<T>): Promise<T> {
    let finished: Promise<void> | undefined;
    const finish = () => {
      clearInterval(renew);
      finished ??= this.o.store.finishDelivery(key, this.owner, new Date()).catch((err: unknown) => {
        this.o.logger.error({ err: (err as Error).message, delivery: key }, 'inbox: could not mark the delivery done; it may be worked again');
      });
      return finished;
    };
    const renew = setInterval(() => {
      this.o.store.renewDelivery(key, this.owner, new Date(Date.now() + this.leaseMs)).then(
        (held) => held || finished || this.o.logger.warn({ delivery: key }, 'inbox: lease lost while working (another replica took the entry over)'),
        (err: unknown) => this.o.logger.warn({ err: (err as Error).message, delivery: key }, 'inbox: could not renew the lease'),
      );
    }, Math.max(10, Math.floor(this.leaseMs / 3)));
    try {
      const sending = () =>
        this.o.store.markAnswering(key, this.owner, new Date()).catch((err: unknown) => {
          this.o.logger.warn({ err: (err as Error).message, delivery: key }, 'inbox: could not mark the reply as being sent');
        });
      return await job({ sending, answered: finish });
    } finally {
      await finish();
    }
  }

  /** Recovers unfinished entries now (taking over all of them for a single-process store), then every `pollMs`. Returns stop. */
  start(): () => void {
    let stopped = false;
    let timer: NodeJS.Timeout | undefined;
    const loop = async (first: boolean) => {
      await this.recover(first && !!this.o.takeOverOnStart).catch((err: unknown) => this.o.logger.warn({ err: (err as Error).message }, 'inbox: recovery failed; retrying later'));
      if (!stopped) timer = setTimeout(() => void loop(false), this.pollMs);
    };
    void loop(true);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }

  /** One recovery pass; resolves when the recovered entries have been worked. Returns how many. */
  async recover(ignoreLeases = false): Promise<number> {
    const now = Date.now();
    const entries = await this.o.store.claimStaleDeliveries({ owner: this.owner, now: new Date(now), leaseUntil: new Date(now + this.leaseMs), limit: 50, maxAttempts: this.maxAttempts, ignoreLeases });
    const track = this.o.track ?? ((p) => p);
    await Promise.all(
      entries.map((entry) => {
        const replay = this.replays.get(entry.platform);
        this.o.logger.info({ delivery: entry.key, attempts: entry.attempts, receivedAt: entry.receivedAt.toISOString() }, 'inbox: working an unfinished delivery');
        if (!replay) return this.work(entry.key, async () => this.o.logger.warn({ delivery: entry.key }, `inbox: ${entry.platform} is off; the delivery is dropped`));
        return track(replay(entry)).catch((err: unknown) => this.o.logger.error({ err: (err as Error).message, delivery: entry.key }, 'inbox: replay failed'));
      }),
    );
    return entries.length;
  }
}
