import type { App } from '@slack/bolt';
import { readMessageEvent } from '../read-message-event';
import type { SlackEdgeDeps } from '../slack-edge-deps';
import { type EventArgs, guard, tellInThread } from '../guard-listener';
import { inboxHooks } from '../inbox-bolt-app';
import { answerMessage } from './answer-message';

/** `@bot …` in a channel: always answered, in the thread. Commands work here ("@bot check user bob"). */
export function onAppMention(app: App, deps: SlackEdgeDeps): void {
  const tell = ({ event, client }: EventArgs<'app_mention'>) => {
    const message = readMessageEvent(event);
    return message ? tellInThread(client, message, deps) : undefined;
  };
  app.event('app_mention', guard<EventArgs<'app_mention'>>(deps, 'app_mention', async ({ event, body, context, client }) => {
    const message = readMessageEvent(event);
    if (!message) return;
    await answerMessage(deps, client, message, 'mention', { botUserId: context.botUserId, eventId: body.event_id, inbox: inboxHooks(context) });
  }, tell));
}
