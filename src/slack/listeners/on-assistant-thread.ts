import { Assistant as BoltAssistant, type App, type AssistantThreadStartedMiddleware, type AssistantUserMessageMiddleware } from '@slack/bolt';
import { guard, tellInThread } from '../guard-listener';
import { suggestedPrompts } from '../../core/surfaces/suggested-prompts';
import { readMessageEvent } from '../read-message-event';
import type { SlackEdgeDeps } from '../slack-edge-deps';
import { threadSurface } from '../thread-surface';
import { answerMessage } from './answer-message';

export const SUGGESTED_PROMPTS_TITLE = 'Try one of these';

/**
 * Slack's assistant container (the "Agents & AI Apps" feature), through Bolt's Assistant helper.
 * A new thread gets suggested prompts; a message in it takes the same path as a DM (answers,
 * clarify, checks, escalation) with a live status while the core works and the matched article
 * as the thread title. Bolt routes only `assistant_thread_started` and threaded IM messages here;
 * top-level DMs, mentions and channel messages keep their listeners, so workspaces without the
 * feature behave as before. `assistant_thread_context_changed` is not subscribed: the answers do
 * not depend on the channel the person is looking at.
 */
export function onAssistantThread(app: App, deps: SlackEdgeDeps): void {
  const prompts = suggestedPrompts(deps.assistant.articles.values());
  app.assistant(
    new BoltAssistant({
      threadStarted: guard<Parameters<AssistantThreadStartedMiddleware>[0]>(deps, 'assistant_thread_started', async ({ setSuggestedPrompts }) => {
        await setSuggestedPrompts({ title: SUGGESTED_PROMPTS_TITLE, prompts });
      }),
      userMessage: guard<Parameters<AssistantUserMessageMiddleware>[0]>(
        deps,
        'assistant_message',
        async ({ message, body, context, client, setStatus, setTitle }) => {
          const read = readMessageEvent(message);
          if (!read) return;
          const log = deps.logger.child({ surface: 'assistant' });
          const surface = threadSurface({ setStatus, setTitle }, log);
          await answerMessage(deps, client, read, 'dm', { botUserId: context.botUserId, eventId: (body as { event_id?: string }).event_id, surface });
        },
        ({ message, client }) => {
          const read = readMessageEvent(message);
          return read ? tellInThread(client, read, deps) : undefined;
        },
      ),
    }),
  );
}
