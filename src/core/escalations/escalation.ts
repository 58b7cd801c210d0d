/**
 * Escalations: a hard case handed to the support team with everything the bot knew.
 * The lifecycle (open → claimed → resolved, reopen) lives in the core; each chat platform
 * implements `SupportDesk` to show it in its support channel and in the asker's thread.
 */
import type { Actor, Conversation } from '../input';
import type { Reply } from '../replies/reply';

export type EscalationStatus = 'open' | 'claimed' | 'resolved';

export interface EscalationEvent {
  at: Date;
  actor: Actor;
  action: 'opened' | 'claimed' | 'resolved' | 'reopened' | 'reminded';
  note?: string;
}

/** Where a message lives on a platform, so it can be updated in place. */
export interface MessageRef {
  platform: Actor['platform'];
  channelId: string;
  messageId: string;
  /** Platform data needed to send proactively (Teams conversation reference), opaque to the core. */
  reference?: unknown;
  /** Link to the message, shown to the asker. */
  permalink?: string;
}

export interface Escalation {
  /** Short, human-friendly id, e.g. ESC-1042. */
  id: string;
  status: EscalationStatus;
  createdAt: Date;
  updatedAt: Date;
  requester: Actor;
  /** The thread that was escalated (one escalation per thread). */
  origin: Conversation;
  /** The pasted text, bounded (first 3,000 characters). */
  text: string;
  articleId?: string;
  confidence?: number;
  /** Check results known at the time, one line each. */
  checks: string[];
  note?: string;
  claimedBy?: Actor;
  resolution?: string;
  /** The message in the support channel. */
  supportMessage?: MessageRef;
  history: EscalationEvent[];
  /** When the support team was last reminded of it (cleared when it is reopened). */
  remindedAt?: Date;
}

/**
 * Implemented by each chat edge that can host the support team. The core composes every message
 * as a neutral `Reply` (see `src/core/escalations/compose-escalation.ts`); the edge renders it.
 * Throwing means "not delivered": the core logs it and, for `post`, retries later.
 */
export interface SupportDesk {
  readonly platform: Actor['platform'];
  /** false: this platform has no support channel; the desk only mirrors updates into askers' threads. */
  readonly hostsSupport?: boolean;
  /** Posts the escalation to the support channel; returns where it landed. */
  post(escalation: Escalation, message: Reply): Promise<MessageRef>;
  /** Updates the support message (`escalation.supportMessage`) in place after a change of status. */
  update(escalation: Escalation, message: Reply): Promise<void>;
  /** Mirrors a change into the asker's thread (`escalation.origin`); `text` is plain text. */
  notifyRequester(escalation: Escalation, text: string, message: Reply): Promise<void>;
  /** Posts a reminder (in the support message's thread). Without it the support message is updated. */
  remind?(escalation: Escalation, message: Reply): Promise<void>;
  /**
   * Whether `actor` is a member of this platform's support channel (`from`: where they acted).
   * Members work escalations; without this method nobody counts as a member through this desk.
   */
  isSupportMember?(actor: Actor, from?: Conversation): Promise<boolean>;
}
