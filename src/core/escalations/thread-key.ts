import type { Conversation } from '../input';

/**
 * The key of the thread a conversation belongs to: `platform:channel:thread`. Edges set
 * `threadId` to the thread's root (Slack `thread_ts ?? ts`, Teams reply-chain id), so the
 * message, the bot's answer and a button under it all map to one key.
 * Undefined when there is no thread (a slash command in a channel): nothing is kept for it.
 */
export function threadKey(conversation: Conversation): string | undefined {
  const thread = conversation.threadId ?? conversation.messageId;
  return thread ? `${conversation.platform}:${conversation.channelId}:${thread}` : undefined;
}
