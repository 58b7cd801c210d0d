import type { AllMiddlewareArgs, App, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { deliverReply, respondWith } from '../deliver-reply';
import { guard } from '../guard-listener';
import { readBlockAction } from '../read-block-action';
import { KB_SEARCH_OPEN_ACTION_ID, renderModal } from '../render-view';
import { slackConversation } from '../slack-conversation';
import type { SlackEdgeDeps } from '../slack-edge-deps';
import { isSlowAction, withReaction } from '../with-reaction';

/** Elements the Slack edge handles itself (not the core): their own listeners answer them. */
const EDGE_ACTION_IDS = new Set([KB_SEARCH_OPEN_ACTION_ID]);

/**
 * Buttons from the reply model (action_id = our ActionId, value = its payload) and Slack's native
 * feedback buttons go to `assistant.act`. On a message, public results go into the thread of the
 * message holding the button, private ones back to the clicker through `response_url`. On a view
 * (Home tab, modal) there is no thread and no response_url: the result opens in a modal, and the
 * Home tab is published again so it shows the change (a claimed escalation).
 */
export function onBlockAction(app: App, deps: SlackEdgeDeps): void {
  app.action<BlockAction>({ type: 'block_actions' }, guard<SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs>(deps, 'action', async ({ body, action, ack, client, respond }) => {
    await ack();
    const log = deps.logger.child({ action: action.action_id, channel: body.channel?.id });
    if (EDGE_ACTION_IDS.has(action.action_id)) return;
    const clicked = readBlockAction(action as { type: string; action_id: string; value?: string });
    if (!clicked) {
      log.warn({ type: action.type }, 'unknown block action ignored');
      return;
    }
    const { id } = clicked;
    const view = body.container?.type === 'view' ? body.view : undefined;
    const channel = body.channel?.id ?? body.container?.channel_id;
    const message = body.message as { ts?: string; thread_ts?: string } | undefined;
    const threadTs = message?.thread_ts ?? message?.ts ?? body.container?.thread_ts;
    const where = channel && message?.ts && isSlowAction(id, clicked.value) ? { channel, timestamp: message.ts } : undefined;
    await withReaction(client, where, log, async () => {
      const reply = await deps.assistant.act({
        id,
        value: clicked.value,
        actor: { platform: 'slack', id: body.user.id, name: body.user.name },
        conversation: slackConversation(deps, channel ?? '', { threadId: threadTs }),
      });
      log.info({ kind: reply?.kind ?? 'silent', native: clicked.native, surface: view?.type ?? 'message' }, 'action handled');
      if (view) {
        if (reply) {
          const modal = renderModal(reply, 'IDC assistant');
          if (view.type === 'modal') await client.views.push({ trigger_id: body.trigger_id, view: modal });
          else await client.views.open({ trigger_id: body.trigger_id, view: modal });
        }
        if (view.type === 'home' && deps.home) await deps.home.publish(client, body.user.id);
        return;
      }
      if (!reply) return;
      if (reply.visibility === 'private' || !channel) return respondWith(respond, reply, log);
      await deliverReply(client, reply, { channel, user: body.user.id, threadTs, respond }, log);
    });
  }));
}
