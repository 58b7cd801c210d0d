import type { SeenEventStore } from '../core/ports/store';

/** A thread stays "answered" this long: watched channels get at most one unasked answer per thread. */
export const ANSWERED_THREAD_TTL_SECONDS = 14 * 24 * 3600;

/**
 * Which Slack threads the bot has already answered in. Kept in the `SeenEventStore` (under
 * `slack:thread:` keys), so it is in memory with `MemoryStore` and persists across restarts and
 * replicas as soon as the store does, with no port of its own to implement.
 */
export class AnsweredThreads {
  constructor(
    private readonly seen: SeenEventStore,
    private readonly ttlSeconds = ANSWERED_THREAD_TTL_SECONDS,
  ) {}

  /** True for the first caller only: an unasked answer may go into this thread. */
  claim(channel: string, threadTs: string): Promise<boolean> {
    return this.seen.firstSeen(key(channel, threadTs), this.ttlSeconds);
  }

  /** After an asked-for answer: later unasked answers in the same thread stay away. */
  async markAnswered(channel: string, threadTs: string): Promise<void> {
    await this.seen.firstSeen(key(channel, threadTs), this.ttlSeconds);
  }
}

const key = (channel: string, threadTs: string) => `slack:thread:${channel}:${threadTs}`;
