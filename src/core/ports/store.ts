/**
 * Persistence ports. `MemoryStore` implements them for tests and single-process use; the Kysely
 * store in `src/store/` (SQLite and PostgreSQL) passes the same behaviour suite
 * (`test/store/store-contract.ts`).
 *
 * Every operation that must be decided once across replicas (first sight of an event id, the
 * claim of an escalation, the reminder for it, the id sequence) is atomic in the store itself:
 * callers never read-then-write.
 */
import type { Escalation, EscalationEvent, EscalationStatus, MessageRef } from '../escalations/escalation';
import type { Actor, Conversation, Platform } from '../input';
import type { InboxStore } from './inbox-store';
import type { FeedbackStore, LearningSignal } from './ports';
import type { WatchStore } from '../watch/watch-ports';

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
  /** Newest first, at most `limit` (for operators and tests). */
  recentLookups(limit: number): Promise<AuditEntry[]>;
}

/** One answer the bot gave: the knowledge base is improved from these and the feedback on them. */
export interface AnswerEntry {
  articleId: string;
  confidence: number;
  /** sha256 prefix of the message (never the message itself). */
  messageHash: string;
  platform: Platform;
  at: Date;
}

export interface ArticleStats {
  articleId: string;
  answers: number;
  helpful: number;
  notHelpful: number;
}

export interface AnswerLog {
  recordAnswer(entry: AnswerEntry): Promise<void>;
  /**
   * Answers and votes per article, most answered first. One vote per person and message:
   * voting again replaces the earlier vote. `since`: only answers and votes at or after it.
   */
  articleStats(since?: Date): Promise<ArticleStats[]>;
}

/**
 * A message someone asked the bot about, scrubbed of e-mails, tokens, account ids and ARNs and
 * bounded (scrub-text.ts), with what the bot did. Kept LEARNING_RETENTION_DAYS for `examples
 * export` and `report`; one row per message hash (the latest ask wins).
 */
export interface AskedMessage {
  messageHash: string;
  text: string;
  outcome: 'answer' | 'clarify' | 'undocumented' | 'silent';
  articleId?: string;
  confidence?: number;
  platform: Platform;
  at: Date;
}

/** Asked messages and signals are kept this long, then swept. */
export const LEARNING_RETENTION_DAYS = 90;

export interface LearningLog {
  recordAsked(message: AskedMessage): Promise<void>;
  /** Messages asked at or after `since` and every signal about them, oldest first. */
  learningData(since: Date): Promise<{ messages: AskedMessage[]; signals: LearningSignal[] }>;
}

/** What the bot last saw in a thread, so an escalation carries it. Expires (`ttlSeconds`). */
export interface ThreadContext {
  /** The pasted text, bounded (3,000 characters). */
  text: string;
  articleId?: string;
  confidence?: number;
  messageHash?: string;
  /** Check results, one short line each. */
  checks: string[];
  at: Date;
}

export interface ThreadStore {
  /** Replaces the thread's context; it expires `ttlSeconds` after `context.at`. */
  saveThreadContext(threadKey: string, context: ThreadContext, ttlSeconds: number): Promise<void>;
  getThreadContext(threadKey: string, now: Date): Promise<ThreadContext | undefined>;
  /** "Never twice in one thread": true only for the first caller within `ttlSeconds`. */
  markThreadAnswered(threadKey: string, ttlSeconds: number, now: Date): Promise<boolean>;
}

/** Platform data for proactive messages (a Teams conversation reference), opaque JSON by key. */
export interface PlatformRefStore {
  saveConversationRef(key: string, reference: unknown, at: Date): Promise<void>;
  getConversationRef(key: string): Promise<unknown>;
}

export interface NewEscalation {
  requester: Actor;
  origin: Conversation;
  /**
   * One escalation per thread: a second open for the same key returns the first. Undefined when
   * the origin has no thread (a slash command in a channel): such escalations are never merged.
   */
  originKey?: string;
  text: string;
  articleId?: string;
  confidence?: number;
  checks: string[];
  note?: string;
}

/** A conditional change of status: applied only when the current status is one of `from`. */
export interface EscalationChange {
  from: readonly EscalationStatus[];
  to: EscalationStatus;
  event: EscalationEvent;
  /** claim sets it; reopen clears it (null); undefined leaves it. */
  claimedBy?: Actor | null;
  resolution?: string | null;
}

export interface EscalationStore {
  /**
   * Opens an escalation with the next short id (ESC-1001, ESC-1002, …) and its "opened" event,
   * in one transaction; or returns the one that already exists for `draft.originKey`.
   */
  openEscalation(draft: NewEscalation, at: Date): Promise<{ escalation: Escalation; created: boolean }>;
  getEscalation(id: string): Promise<Escalation | undefined>;
  /** Atomic compare-and-set: the updated escalation, or undefined when the status did not match. */
  changeEscalation(id: string, change: EscalationChange): Promise<Escalation | undefined>;
  setSupportMessage(id: string, ref: MessageRef): Promise<void>;
  /** Oldest first. */
  listEscalations(filter: { status: readonly EscalationStatus[]; unposted?: boolean; limit: number }): Promise<Escalation[]>;
  /** How many escalations have one of these statuses (for the `idc_escalations_open` gauge). */
  countEscalations(status: readonly EscalationStatus[]): Promise<number>;
  /** Open (unclaimed) since before `openBefore` and not reminded in this open period; oldest first. */
  dueReminders(openBefore: Date, limit: number): Promise<Escalation[]>;
  /** Atomically takes the reminder and records the event: true for exactly one caller. */
  markReminded(id: string, event: EscalationEvent): Promise<boolean>;
}

export interface Store
  extends SeenEventStore,
    AuditLog,
    FeedbackStore,
    AnswerLog,
    LearningLog,
    ThreadStore,
    PlatformRefStore,
    EscalationStore,
    WatchStore,
    InboxStore {
  /** Resolves when the database answers (for /readyz); throws StoreError otherwise. */
  ping(): Promise<void>;
  /** Deletes expired seen ids, thread markers, thread contexts and inbox entries done a day ago. Returns rows removed. */
  sweep(now: Date): Promise<number>;
  close(): Promise<void>;
}

export type { InboxEntry, InboxStore } from './inbox-store';
