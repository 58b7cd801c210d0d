/**
 * Persistence ports. `MemoryStore` (below) implements them for tests and single-process use;
 * SQLite and PostgreSQL implementations live in `src/store/` and pass the same behaviour tests.
 */
import type { Actor } from './input';
import type { FeedbackEntry, FeedbackStore } from './ports';

/** Slack retries events; each event id must be handled once, across restarts and replicas. */
export interface SeenEventStore {
  /** Atomically records `key`; true only for the first caller within `ttlSeconds`. */
  firstSeen(key: string, ttlSeconds: number, now?: Date): Promise<boolean>;
}

export interface AuditEntry {
  at: Date;
  actor: Actor;
  /** user | trail | assignments */
  check: string;
  subject: string;
  /** allowed-ok | allowed-error | denied | unavailable … */
  outcome: string;
  detail?: string;
}

/** Every live lookup is written here: who, what, on whom, when, outcome. */
export interface AuditLog {
  recordLookup(entry: AuditEntry): Promise<void>;
}

export class MemoryStore implements SeenEventStore, AuditLog, FeedbackStore {
  private readonly seen = new Map<string, number>();
  readonly audit: AuditEntry[] = [];
  readonly feedback: FeedbackEntry[] = [];

  async firstSeen(key: string, ttlSeconds: number, now = new Date()): Promise<boolean> {
    const t = now.getTime();
    const expires = this.seen.get(key);
    if (expires !== undefined && expires > t) return false;
    this.seen.set(key, t + ttlSeconds * 1000);
    if (this.seen.size > 100_000) for (const [k, e] of this.seen) if (e <= t) this.seen.delete(k);
    return true;
  }

  async recordLookup(entry: AuditEntry): Promise<void> {
    this.audit.push(entry);
  }

  async recordFeedback(entry: FeedbackEntry): Promise<void> {
    this.feedback.push(entry);
  }
}
