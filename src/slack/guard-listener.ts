import type { AllMiddlewareArgs, RespondFn, SlackEventMiddlewareArgs, webApi } from '@slack/bolt';
import { failureReply } from '../core/replies/failure-reply';
import type { EdgeErrorKind } from '../server/chat-edge';
import { deliverReply, respondWith, slackErrorCode } from './deliver-reply';
import type { SlackMessageEvent } from './read-message-event';
import type { SlackEdgeDeps } from './slack-edge-deps';

/** What an event listener gets, for `guard<EventArgs<'message'>>`. */
export type EventArgs<E extends string> = SlackEventMiddlewareArgs<E> & AllMiddlewareArgs;

/** How to tell the person a listener failed; absent: through `respond` when Bolt gave one, else nobody. */
type Tell<A> = (args: A) => Promise<unknown> | undefined;

/** A Web API error (`data.error`) is the platform refusing; anything else failed on our side. */
export function slackFailureKind(err: unknown): EdgeErrorKind {
  return slackErrorCode(err) ? 'platform_api' : 'listener';
}

/**
 * The Slack edge's one failure path. Every listener is registered through this: a listener that
 * throws is logged (message and Slack error code only: WebClient errors can carry the request,
 * token included), counted as `idc_edge_errors_total{platform="slack",kind}`, and the person who
 * asked is told the same sentence as on Teams (`failureReply`): through `response_url` for
 * commands, buttons and shortcuts, or `tell` (a message's thread). Nobody asked in a watched
 * channel, so nobody is told there.
 */
export function guard<A extends object>(deps: Pick<SlackEdgeDeps, 'logger' | 'metrics'>, listener: string, run: (args: A) => Promise<void>, tell?: Tell<A>): (args: A) => Promise<void> {
  return async (args) => {
    try {
      await run(args);
    } catch (err) {
      const kind = slackFailureKind(err);
      deps.metrics.edgeError('slack', kind);
      const log = deps.logger.child({ listener });
      log.error({ kind, code: slackErrorCode(err), err: (err as Error)?.message ?? String(err) }, `Slack ${listener} failed`);
      const respond = (args as { respond?: RespondFn }).respond;
      try {
        if (tell) await tell(args);
        else if (typeof respond === 'function') await respondWith(respond, failureReply(), log);
      } catch (e) {
        log.warn({ code: slackErrorCode(e), err: (e as Error)?.message }, 'could not tell the person about the failure');
      }
    }
  };
}

/** Tells the asker in the message's thread (privately; in a DM, as a message). */
export function tellInThread(client: webApi.WebClient, message: SlackMessageEvent, deps: Pick<SlackEdgeDeps, 'logger'>): Promise<boolean> {
  return deliverReply(client, failureReply(), { channel: message.channel, user: message.user, threadTs: message.threadTs ?? message.ts, isIm: message.channelType === 'im' }, deps.logger);
}
