import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../core/ports/ports';
import type { SeenEventStore } from '../core/ports/store';
import type { InFlight } from '../server/in-flight';
import { yieldToIo } from './yield-to-io';

/** Slack retries an event three times within about an hour; a day covers retries and replays. */
export const SEEN_DELIVERY_TTL_SECONDS = 24 * 3600;

/**
 * Global middleware: each `event_id` (Events API) and each `trigger_id` (slash commands, buttons,
 * shortcuts) is handled once, whether it comes back as a retry (`X-Slack-Retry-Num`, Bolt's
 * `context.retryNum`) or as a replayed request. HTTP acks happen before this runs (Bolt acks
 * events before middleware; duplicates of commands and actions are acked here), so Slack stops
 * retrying either way. A retry of an event we never saw is handled: its first delivery was lost.
 */
export function dedupeDeliveries(seen: SeenEventStore, logger: Logger, inFlight?: InFlight, o: { events: boolean } = { events: true }): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const body = args.body as { event_id?: unknown; trigger_id?: unknown };
    // Events are acked before middleware runs: let waiting requests in before this one's work.
    if (typeof body.event_id === 'string') await yieldToIo();
    // With the durable inbox, events are deduplicated before their ack (InboxBoltApp); here only when it is off.
    const eventId = typeof body.event_id === 'string' ? `event:${body.event_id}` : undefined;
    const id = eventId ? (o.events ? eventId : undefined) : typeof body.trigger_id === 'string' ? `trigger:${body.trigger_id}` : undefined;
    if (id) {
      let first = true;
      try {
        first = await seen.firstSeen(`slack:${id}`, SEEN_DELIVERY_TTL_SECONDS);
      } catch (err) {
        // The store being down must not silence the bot: answering twice beats never answering.
        logger.error({ err: (err as Error).message, delivery: id }, 'seen-event store failed; handling the delivery anyway');
      }
      if (!first) {
        logger.info({ delivery: id, retryNum: args.context.retryNum, retryReason: args.context.retryReason }, 'duplicate Slack delivery ignored');
        if ('ack' in args && typeof args.ack === 'function') await (args.ack as () => Promise<void>)();
        return;
      }
    }
    await (inFlight ? inFlight.track(args.next()) : args.next());
  };
}
