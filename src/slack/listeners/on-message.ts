import type { App } from '@slack/bolt';
import { readMessageEvent } from '../read-message-event';
import type { SlackEdgeDeps } from '../slack-edge-deps';
import { type EventArgs, guard, tellInThread } from '../guard-listener';
import { inboxHooks } from '../inbox-bolt-app';
import { answerMessage } from './answer-message';

/**
 * `message.im`, `message.channels`, `message.groups`. DMs are always answered; channel messages
 * only in watched channels and only when confident. A channel message that mentions the bot is
 * left to `app_mention` (Slack sends both), so it is answered once. A failure is told in DMs only:
 * in a watched channel nobody asked.
 */
export function onMessage(app: App, deps: SlackEdgeDeps): void {
  const tell = ({ event, client }: EventArgs<'message'>) => {
    const message = readMessageEvent(event);
    return message?.channelType === 'im' ? tellInThread(client, message, deps) : undefined;
  };
  app.event('message', guard<EventArgs<'message'>>(deps, 'message', async ({ event, body, context, client }) => {
    const message = readMessageEvent(event);
    if (!message) return;
    const meta = { botUserId: context.botUserId, eventId: body.event_id, inbox: inboxHooks(context) };
    if (message.channelType === 'im') return answerMessage(deps, client, message, 'dm', meta);
    if (context.botUserId && message.text.includes(`<@${context.botUserId}`)) return;
    if (!deps.watchChannels.has(message.channel)) return;
    return answerMessage(deps, client, message, 'watched', meta);
  }, tell));
}
