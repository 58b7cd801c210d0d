import type { AgentApplication, ConnectorClient, TurnContext, TurnState } from '@microsoft/agents-hosting';
import type { Assistant } from '../core/assistant';
import type { Logger } from '../core/ports/ports';
import { invokeResponse } from './invoke-response';
import { answerConversationId, messageActionInput, replyDialog, type SubmitActionValue } from './message-action';
import { SEARCH_COMMAND_ID, TROUBLESHOOT_COMMAND_ID } from './message-extension-ids';
import { replyActivity } from './reply-activity';
import { extensionMessage, queryText, searchResults, type QueryValue } from './search-extension';

export interface MessageExtensionDeps {
  assistant: Assistant;
  logger: Logger;
  supportConversation?: string;
}

const isInvoke = (name: string) => async (ctx: TurnContext) => ctx.activity.type === 'invoke' && ctx.activity.name === name;

/**
 * Teams message extensions. The Agents SDK's hosting package has no message extension helpers
 * (they live in a separate Teams extension package), so these are plain invoke routes: each
 * answers with the `invokeResponse` Teams waits for (about 5 s for message extensions).
 *
 * - `composeExtension/query` (search, compose box and command bar): matching articles as cards.
 * - `composeExtension/submitAction` ("Troubleshoot this" on a message): the core answers the
 *   message as an explicit ask; the answer is posted in the message's thread (as the Slack
 *   shortcut does). Where the bot may not post (a chat it is not in) or the answer is private,
 *   it is shown in a dialog to the person who ran the action instead.
 */
export function onMessageExtensions(app: AgentApplication<TurnState>, deps: MessageExtensionDeps): void {
  app.addRoute(
    isInvoke('composeExtension/query'),
    async (ctx) => {
      const value = ctx.activity.value as QueryValue | undefined;
      if (value?.commandId !== SEARCH_COMMAND_ID) {
        await invokeResponse(ctx, extensionMessage(`Unknown search command "${String(value?.commandId).slice(0, 40)}": update the app package.`));
        return;
      }
      const query = queryText(value);
      deps.logger.info({ chars: query.length }, 'teams: knowledge base searched');
      await invokeResponse(ctx, searchResults(deps.assistant, query));
    },
    true,
  );

  app.addRoute(
    isInvoke('composeExtension/submitAction'),
    async (ctx) => {
      const value = (ctx.activity.value ?? {}) as SubmitActionValue;
      if (value.commandId !== TROUBLESHOOT_COMMAND_ID) {
        await invokeResponse(ctx, extensionMessage(`Unknown action "${String(value.commandId).slice(0, 40)}": update the app package.`));
        return;
      }
      const input = messageActionInput(ctx.activity, value, deps.supportConversation);
      if (!input.text) {
        await invokeResponse(ctx, { task: { type: 'message', value: 'That message has no text I can read. Copy the error text into a message to me instead.' } });
        return;
      }
      const { reply, match } = await deps.assistant.decide(input);
      const log = deps.logger.child({ command: TROUBLESHOOT_COMMAND_ID });
      log.info({ kind: reply?.kind ?? 'silent', article: match?.matches[0]?.articleId }, 'teams: message action handled');
      if (!reply) {
        await invokeResponse(ctx, undefined);
        return;
      }
      if (reply.visibility === 'private' || !(await post(ctx, answerConversationId(ctx.activity, value), reply, log))) {
        await invokeResponse(ctx, replyDialog(reply));
        return;
      }
      await invokeResponse(ctx, undefined); // posted: close the action, nothing to show
    },
    true,
  );
}

/** Posts into the conversation through the Bot Connector; false when Teams refused (the bot is not in that chat). */
async function post(ctx: TurnContext, conversationId: string, reply: Parameters<typeof replyActivity>[0], log: Logger): Promise<boolean> {
  const client = ctx.turnState.get<ConnectorClient | undefined>(ctx.adapter.ConnectorClientKey);
  if (!client || !conversationId) return false;
  try {
    await client.sendToConversation(conversationId, replyActivity(reply));
    return true;
  } catch (err) {
    log.warn({ err: (err as Error).message }, 'teams: could not post the answer in the conversation; showing it in a dialog');
    return false;
  }
}
