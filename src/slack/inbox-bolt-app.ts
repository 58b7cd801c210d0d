import { App, type ReceiverEvent } from '@slack/bolt';
import type { DeliveryHooks, Inbox } from '../core/inbox';
import type { InboxEntry } from '../core/ports/inbox-store';

/** The inbox key of an Events API delivery (`event_callback` with an `event_id`), else undefined. */
export function slackInboxKey(body: Record<string, unknown>): string | undefined {
  return body.type === 'event_callback' && typeof body.event_id === 'string' ? `slack:event:${body.event_id}` : undefined;
}

/** Listeners find `inboxHooks` in their context and call them around the reply. */
function withHooks(event: ReceiverEvent, hooks: DeliveryHooks): ReceiverEvent {
  return { ...event, customProperties: { ...event.customProperties, inboxHooks: hooks } };
}

/** The context's inbox hooks (set for deliveries that came through the inbox), if any. */
export function inboxHooks(context: Record<string, unknown>): DeliveryHooks | undefined {
  return context.inboxHooks as DeliveryHooks | undefined;
}

interface StoredEvent {
  body: Record<string, unknown>;
  retryNum?: number;
  retryReason?: string;
}

/**
 * Bolt's App with the durable inbox in front of Events API deliveries: `processEvent` (what both
 * receivers, HTTP and Socket Mode, call before anything is acknowledged) writes the delivery to
 * the store first; Bolt then acks it as usual and runs our listeners, and the entry is marked done
 * when they finish. A delivery already in the inbox (a Slack retry) is only acknowledged. Commands
 * and interactions are not events: they are acked by their listeners and deduplicated by trigger id.
 */
export class InboxBoltApp extends App {
  inbox: Inbox | undefined;
  private botUserId: string | undefined;

  override async processEvent(event: ReceiverEvent): Promise<void> {
    const key = slackInboxKey(event.body);
    if (!this.inbox || !key) return super.processEvent(event);
    const stored: StoredEvent = { body: event.body, retryNum: event.retryNum, retryReason: event.retryReason };
    const accepted = await this.inbox.accept(key, 'slack', JSON.stringify(stored));
    if (accepted === 'duplicate') {
      this.logger.info(`duplicate Slack delivery ignored (${key}, retry ${event.retryNum ?? 0})`);
      await event.ack();
      return;
    }
    if (accepted === 'unrecorded') return super.processEvent(event);
    return this.inbox.work(key, (hooks) => super.processEvent(withHooks(event, hooks)));
  }

  /**
   * Works an entry recovered from the inbox; nobody waits for its ack any more. When the crash came
   * while the reply was being sent, the thread is read first: a reply of ours there means done.
   */
  async replay(entry: InboxEntry): Promise<void> {
    const stored = JSON.parse(entry.payload) as StoredEvent;
    await this.inbox!.work(entry.key, async (hooks) => {
      if (entry.answering && (await this.repliedTo(stored.body))) {
        this.logger.info(`inbox: ${entry.key} was answered before the crash; not answering again`);
        return;
      }
      await super.processEvent(withHooks({ ...stored, ack: async () => {} }, hooks));
    });
  }

  /** Did the bot post in the event's thread after the event? Unknown (an API error) counts as no: answering twice beats silence. */
  private async repliedTo(body: Record<string, unknown>): Promise<boolean> {
    const event = body.event as { channel?: string; ts?: string; thread_ts?: string } | undefined;
    if (!event?.channel || !event.ts) return false;
    try {
      this.botUserId ??= (await this.client.auth.test()).user_id;
      const { messages = [] } = await this.client.conversations.replies({ channel: event.channel, ts: event.thread_ts ?? event.ts, oldest: event.ts, limit: 100 });
      return messages.some((m) => m.user === this.botUserId && Number(m.ts) > Number(event.ts));
    } catch {
      return false;
    }
  }
}
