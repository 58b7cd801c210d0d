import type { AllMiddlewareArgs, App, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { decodeSlackText } from '../decode-slack-text';
import { respondWith } from '../deliver-reply';
import { escapeMrkdwn } from '../escape-mrkdwn';
import { guard } from '../guard-listener';
import { IDC_COMMAND, slackConversation } from '../slack-conversation';
import type { SlackEdgeDeps } from '../slack-edge-deps';
import { isSlowText } from '../with-reaction';

export { IDC_COMMAND };

/**
 * `/idc <subcommand>`: acked at once (with a "working" line when live checks will run), answered
 * through `response_url`, which works in channels the bot is not in. Private replies are
 * ephemeral; answers are in_channel. The core parses the subcommand and answers help/unknown.
 */
export function onIdcCommand(app: App, deps: SlackEdgeDeps): void {
  // One listener for every command: only /idc is in the manifest, but another command pointed at
  // this URL gets a clear answer instead of a timeout.
  app.command(/.*/, guard<SlackCommandMiddlewareArgs & AllMiddlewareArgs>(deps, 'command', async ({ command, ack, respond }) => {
    if (command.command !== IDC_COMMAND) {
      await ack({ response_type: 'ephemeral', text: `This app only knows ${IDC_COMMAND}; ${escapeMrkdwn(command.command.slice(0, 40))} is not one of its commands. Try \`${IDC_COMMAND} help\`.` });
      return;
    }
    const text = decodeSlackText(command.text ?? '');
    await ack(isSlowText(text) ? { response_type: 'ephemeral', text: 'Running the check…' } : undefined);
    const log = deps.logger.child({ command: IDC_COMMAND, channel: command.channel_id });
    const { reply, match } = await deps.assistant.decide({
      text,
      trigger: 'command',
      actor: { platform: 'slack', id: command.user_id, name: command.user_name },
      conversation: slackConversation(deps, command.channel_id),
    });
    log.info({ kind: reply?.kind ?? 'silent', article: match?.matches[0]?.articleId }, 'command handled');
    if (reply) await respondWith(respond, reply, log);
  }));
}
