/**
 * What the core needs from the outside world. Each port has an in-memory or no-op implementation
 * in the core (tests use those); `src/main.ts` wires the real ones.
 */
import type { Actor } from '../input';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** The subset of pino's logger the core uses; pino satisfies it. */
export interface Logger {
  debug(obj: object | string, msg?: string): void;
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
  child(bindings: Record<string, unknown>): Logger;
}

export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child() {
    return silentLogger;
  },
};

export interface FeedbackEntry {
  articleId: string;
  /** sha256 of the message that was answered (never the message itself). */
  messageHash: string;
  helpful: boolean;
  actor: Actor;
  at: Date;
}

/**
 * What people told the bot about a message, for `examples export`: a vote, the article they
 * chose when asked "Which one looks like your problem?", or the article that resolved an
 * escalation (null: resolved, and no article covers it).
 */
export interface LearningSignal {
  messageHash: string;
  kind: 'helpful' | 'not_helpful' | 'clarify' | 'resolved';
  articleId: string | null;
  actor: Actor;
  at: Date;
}

export interface FeedbackStore {
  recordFeedback(entry: FeedbackEntry): Promise<void>;
  recordSignal(signal: LearningSignal): Promise<void>;
}

export class MemoryFeedbackStore implements FeedbackStore {
  readonly entries: FeedbackEntry[] = [];
  readonly signals: LearningSignal[] = [];
  async recordFeedback(entry: FeedbackEntry): Promise<void> {
    this.entries.push(entry);
  }
  async recordSignal(signal: LearningSignal): Promise<void> {
    this.signals.push(signal);
  }
}
