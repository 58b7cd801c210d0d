/** Platform-neutral description of who said what, where. Each chat edge builds these. */

export type Platform = 'slack' | 'teams' | 'console' | 'cli';

export interface Actor {
  platform: Platform;
  /** Platform user id (Slack U…, Teams AAD object id); "operator" for the CLI. */
  id: string;
  name?: string;
  /** The actor's own e-mail, when the platform told us (used for "check myself"). */
  email?: string;
}

export interface Conversation {
  platform: Platform;
  channelId: string;
  /** Thread the reply belongs in (Slack thread_ts, Teams reply-chain id). */
  threadId?: string;
  /** The message being answered. */
  messageId?: string;
  /** Link to the message, for escalations. */
  permalink?: string;
  /** Channel marked as private support: personal data may be shown in it. */
  privateSupport?: boolean;
  /**
   * How people type a command here, set by the edge: `/idc ` on Slack; absent for bare words
   * (Teams, the console, the CLI). Help and hints quote commands with it.
   */
  commandPrefix?: string;
}

/**
 * How the message reached us. `mention`, `dm`, `command`, `shortcut` and `console` are explicit
 * asks and always get an answer; `watched` is a message nobody addressed to the bot.
 */
export type Trigger = 'mention' | 'dm' | 'command' | 'shortcut' | 'watched' | 'console';

export interface Attachment {
  name: string;
  /** Decoded text content, already bounded by the edge. */
  text: string;
}

export interface Input {
  text: string;
  trigger: Trigger;
  actor: Actor;
  conversation: Conversation;
  attachments?: Attachment[];
}

export function isExplicit(trigger: Trigger): boolean {
  return trigger !== 'watched';
}
