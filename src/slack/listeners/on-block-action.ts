import type { App, BlockAction } from '@slack/bolt';
import { isActionId } from '../../core/reply';
import { deliverReply, respondWith } from '../deliver-reply';
import { failureReply } from '../failure-reply';
import type { SlackEdgeDeps } from '../slack-edge-deps';
import { ACTION_ID_SUFFIX } from '../render-blocks';
import { isSlowAction, withReaction } from '../with-reaction';

/**
 * Buttons from the reply model (action_id = our ActionId, value = its payload) go to
 * `assistant.act`. Public results go into the thread of the message holding the button; private
 * ones (feedback thanks, notices) go back to the clicker only, through `response_url`.
 */
export function onBlockAction(app: App, deps: SlackEdgeDeps): void {
  app.action<BlockAction>({ type: 'block_actions' }, async ({ body, action, ack, client, respond }) => {
    await ack();
    const log = deps.logger.child({ action: action.action_id, channel: body.channel?.id });
    const id = action.action_id.split(ACTION_ID_SUFFIX)[0];
    if (action.type !== 'button' || !isActionId(id)) {
      log.warn({ type: action.type }, 'unknown block action ignored');
      return;
    }
    const channel = body.channel?.id ?? body.container?.channel_id;
    const message = body.message as { ts?: string; thread_ts?: string } | undefined;
    const threadTs = message?.thread_ts ?? message?.ts ?? body.container?.thread_ts;
    const where = channel && message?.ts && isSlowAction(id) ? { channel, timestamp: message.ts } : undefined;
    try {
      await withReaction(client, where, log, async () => {
        const reply = await deps.assistant.act({
          id,
          value: action.value ?? '',
          actor: { platform: 'slack', id: body.user.id, name: body.user.name },
          conversation: { platform: 'slack', channelId: channel ?? '', threadId: threadTs, privateSupport: channel === deps.supportChannel },
        });
        log.info({ kind: reply?.kind ?? 'silent' }, 'action handled');
        if (!reply) return;
        if (reply.visibility === 'private' || !channel) return respondWith(respond, reply, log);
        await deliverReply(client, reply, { channel, user: body.user.id, threadTs, respond }, log);
      });
    } catch (err) {
      log.error({ err: (err as Error).message }, 'action failed');
      await respondWith(respond, failureReply(), log);
    }
  });
}
