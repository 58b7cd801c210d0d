/**
 * Escalations: a hard case handed to the support team with everything the bot knew.
 * The lifecycle (open → claimed → resolved, reopen) lives in the core; each chat platform
 * implements `SupportDesk` to show it in its support channel and in the asker's thread.
 */
import type { Actor, Conversation } from './input';

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
}

/** Implemented by each chat edge that can host the support team. */
export interface SupportDesk {
  readonly platform: Actor['platform'];
  /** Posts the escalation to the support channel; returns where it landed. */
  post(escalation: Escalation): Promise<MessageRef>;
  /** Updates the support message in place after a change of status. */
  update(escalation: Escalation): Promise<void>;
  /** Mirrors a change into the asker's thread (origin). */
  notifyRequester(escalation: Escalation, text: string): Promise<void>;
}
