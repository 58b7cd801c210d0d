import type { MessageRef } from '../escalations/escalation';
import type { Reply } from '../replies/reply';
import type { WatchAlert } from './watch-alert';

/** The CloudTrail window one pass reads: [start, end). */
export interface WatchWindow {
  start: Date;
  end: Date;
}

/** A CloudTrail record the source read, reduced to what deduplication needs. */
export interface WatchEvent {
  /** Unique per record (the eventID, or a hash of the record). */
  key: string;
}

/** Why a read stopped: an AWS failure with a code, a cause and a fix. */
export interface WatchFailure {
  /** throttled | rate-limited | unreachable | timeout | access-denied | credentials | … */
  code: string;
  message: string;
  fix: string;
}

export interface WatchRead<E extends WatchEvent> {
  events: E[];
  /** More pages were available than the bound allows: the oldest events of the window were not read. */
  truncated: boolean;
  /** AWS calls made. */
  calls: number;
  /** Set when the read failed: nothing of the window may be taken as read. */
  failure?: WatchFailure;
}

/** Where findings come from (CloudTrail, the Identity Store, sso-admin): `src/checks/aws` implements it. */
export interface WatchSource<E extends WatchEvent = WatchEvent> {
  read(window: WatchWindow): Promise<WatchRead<E>>;
  /** Findings from events not seen before. Never throws for AWS failures (it reports what it could). */
  findings(events: readonly E[], now: Date): Promise<WatchAlert[]>;
}

/** A chat edge that posts the digest (Slack: WATCH_CHANNEL; Teams: WATCH_TEAMS_CONVERSATION). */
export interface DigestPoster {
  readonly platform: MessageRef['platform'];
  /** Posts a new message; returns where it landed. Throwing means "not delivered". */
  post(digest: Reply): Promise<MessageRef>;
}

/** The watcher's state in the store. One replica at a time holds the lease and moves the cursor. */
export interface WatchStore {
  /**
   * Takes or renews the named lease for `holder` until `now + ttlSeconds`: true when the lease was
   * free, expired or already held by `holder`. Atomic across replicas.
   */
  takeLease(name: string, holder: string, ttlSeconds: number, now: Date): Promise<boolean>;
  releaseLease(name: string, holder: string): Promise<void>;
  getWatchCursor(name: string): Promise<Date | undefined>;
  setWatchCursor(name: string, at: Date): Promise<void>;
  /** Adds each alert's count to its key's pending summary (first/last widened, text replaced). */
  addWatchAlerts(alerts: readonly WatchAlert[], now: Date): Promise<void>;
  /** Pending summaries (count > 0) never reported, or last reported at or before `reportedBefore`; oldest first. */
  dueWatchAlerts(reportedBefore: Date, limit: number): Promise<WatchAlert[]>;
  /** The summaries went out: counts restart from zero, `reported` is remembered. */
  markWatchReported(keys: readonly string[], at: Date): Promise<void>;
  /** A user or group deletion seen in CloudTrail, kept a week to pair with a later re-creation. */
  recordDeletion(principal: DeletedPrincipal): Promise<void>;
  /** Deletions at or after `since`, oldest first. */
  recentDeletions(since: Date): Promise<DeletedPrincipal[]>;
}

export interface DeletedPrincipal {
  type: 'USER' | 'GROUP';
  id: string;
  at: Date;
}
