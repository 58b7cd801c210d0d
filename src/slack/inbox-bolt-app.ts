import { App, type ReceiverEvent } from '@slack/bolt';
import type { Inbox } from '../core/inbox';
import type { InboxEntry } from '../core/inbox-store';

/** The inbox key of an Events API delivery (`event_callback` with an `event_id`), else undefined. */
export function slackInboxKey(body: Record<string, unknown>): string | undefined {
  return body.type === 'event_callback' && typeof body.event_id === 'string' ? `slack:event:${body.event_id}` : undefined;
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
    return this.inbox.work(key, () => super.processEvent(event));
  }

  /** Works an entry recovered from the inbox; nobody waits for its ack any more. */
  replay(entry: InboxEntry): Promise<void> {
    const stored = JSON.parse(entry.payload) as StoredEvent;
    return this.inbox!.work(entry.key, () => super.processEvent({ ...stored, ack: async () => {} }));
  }
}
