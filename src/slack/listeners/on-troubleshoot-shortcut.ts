import type { AllMiddlewareArgs, App, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { decodeSlackText } from '../decode-slack-text';
import { deliverReply } from '../deliver-reply';
import { guard } from '../guard-listener';
import { slackConversation } from '../slack-conversation';
import type { SlackEdgeDeps } from '../slack-edge-deps';

/** The message shortcut's callback_id, as in manifest/slack.yml. */
export const TROUBLESHOOT_CALLBACK_ID = 'troubleshoot_message';

/**
 * "Troubleshoot this" on any message: runs the assistant on that message's text, as an explicit
 * ask, and answers in its thread (privately when the bot is not in the channel).
 */
export function onTroubleshootShortcut(app: App, deps: SlackEdgeDeps): void {
  // One listener for every shortcut: ones this app does not define are acked, so Slack shows no timeout error.
  app.shortcut(/.*/, guard<SlackShortcutMiddlewareArgs & AllMiddlewareArgs>(deps, 'shortcut', async ({ shortcut: received, ack, client, respond, context }) => {
    await ack();
    if (received.type !== 'message_action' || received.callback_id !== TROUBLESHOOT_CALLBACK_ID) {
      deps.logger.warn({ callbackId: received.callback_id }, 'unknown shortcut ignored');
      return;
    }
    const shortcut: MessageShortcut = received;
    const channel = shortcut.channel.id;
    const threadTs = shortcut.message.thread_ts ?? shortcut.message.ts;
    const log = deps.logger.child({ shortcut: TROUBLESHOOT_CALLBACK_ID, channel });
    const { reply, match } = await deps.assistant.decide({
      text: decodeSlackText(shortcut.message.text ?? '', context.botUserId),
      trigger: 'shortcut',
      actor: { platform: 'slack', id: shortcut.user.id, name: shortcut.user.name },
      conversation: slackConversation(deps, channel, { threadId: threadTs, messageId: shortcut.message.ts }),
    });
    log.info({ kind: reply?.kind ?? 'silent', article: match?.matches[0]?.articleId }, 'shortcut handled');
    if (!reply) return;
    const posted = await deliverReply(client, reply, { channel, user: shortcut.user.id, threadTs, respond }, log);
    if (posted) await deps.threads.markAnswered(channel, threadTs);
  }));
}
