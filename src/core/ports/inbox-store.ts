import type { Platform } from '../input';

/** One delivery (a Slack event, a Teams activity) as the inbox keeps it until it is answered. */
export interface InboxEntry {
  /** Delivery id, unique per platform: `slack:event:Ev…`, `teams:<conversation>:<activity id>`. */
  key: string;
  platform: Platform;
  /** What is needed to work the delivery again after a crash (the platform's JSON), opaque here. */
  payload: string;
  receivedAt: Date;
  /** Times it was claimed (1 on arrival); recovery gives up on an entry after a few. */
  attempts: number;
  /** A reply was being sent when the worker stopped: the edge checks whether it arrived before replaying. */
  answering?: boolean;
}

/**
 * The durable inbox: a delivery is written before the platform gets its 200, worked, and marked
 * done. A claim is a lease (`owner` until `leaseUntil`) that the worker renews; an entry whose lease
 * ran out (its process died) is claimed again by exactly one caller, here or on another replica.
 */
export interface InboxStore {
  /** Writes the entry already claimed by `owner`; false (nothing written) when `key` is in the inbox. */
  acceptDelivery(entry: Omit<InboxEntry, 'attempts' | 'answering'>, owner: string, leaseUntil: Date): Promise<boolean>;
  /** Extends the owner's lease; false when the entry is no longer the owner's (or done). */
  renewDelivery(key: string, owner: string, leaseUntil: Date): Promise<boolean>;
  /** Records that the reply is about to be sent (see `InboxEntry.answering`). */
  markAnswering(key: string, owner: string, now: Date): Promise<void>;
  /** Marks it done (the payload is dropped: only the key stays, for dedupe). */
  finishDelivery(key: string, owner: string, now: Date): Promise<void>;
  /**
   * Claims up to `limit` unfinished entries, oldest first, whose lease ended before `now` (all
   * unfinished ones with `ignoreLeases`, for a single-process store at start) and that were tried
   * fewer than `maxAttempts` times. Each claim is one conditional update: two callers never get
   * the same entry.
   */
  claimStaleDeliveries(o: { owner: string; now: Date; leaseUntil: Date; limit: number; maxAttempts: number; ignoreLeases?: boolean }): Promise<InboxEntry[]>;
}

/** Done entries are kept this long as "seen" keys (Slack retries for about an hour), then swept. */
export const INBOX_DONE_TTL_MS = 24 * 3600 * 1000;
