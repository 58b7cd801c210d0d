import { AgentApplication, type CloudAdapter, type TurnContext, type TurnState } from '@microsoft/agents-hosting';
import type { Assistant } from '../core/assistant';
import { notice } from '../core/replies/notice';
import type { Metrics } from '../core/ports/metrics';
import type { Logger } from '../core/ports/ports';
import { FAILURE_SENTENCE, failureReply } from '../core/replies/failure-reply';
import type { Reply } from '../core/replies/reply';
import type { TeamsReferenceStore } from './conversation-ref-store';
import { invokeResponse } from './invoke-response';
import { onMessageExtensions } from './message-extensions';
import { readSubmit, type Submit } from './read-submit';
import { replyActivity } from './reply-activity';
import { reportTeamsFailure } from './report-failure';
import { toInput } from './teams-input';
import { referenceOf } from './teams-reference';
import type { TeamsPeople } from './teams-people';
import type { TeamsReplies } from './teams-replies';
import { settleWithin } from './with-timeout';
import { truncateLine } from '../core/text/truncate';

export interface TeamsBotDeps {
  adapter: CloudAdapter;
  assistant: Assistant;
  replies: TeamsReplies;
  refs: TeamsReferenceStore;
  logger: Logger;
  firstReplyMs: number;
  supportConversation?: string;
  /** Learns where each sender can be looked up (their e-mail, for self-service lookups). */
  people?: Pick<TeamsPeople, 'remember'>;
  metrics: Metrics;
}

const MAX_TOAST_CHARS = 300;

/** Universal Actions answer: a short message Teams shows to the person who pressed the button only. */
function toast(text: string): unknown {
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: truncateLine(text, MAX_TOAST_CHARS) };
}

/**
 * The agent: thin listeners that translate Teams activities for the core and send back what it
 * says. Messages (personal chat, mentions) go to `Assistant.handle`; button presses, as Teams
 * really sends them (Action.Submit as a message with `value`, Action.Execute as an invoke), go
 * to `Assistant.act`. Every activity refreshes the stored conversation reference.
 */
export function createTeamsBot(deps: TeamsBotDeps): AgentApplication<TurnState> {
  const { assistant, replies, refs, logger } = deps;
  // Passing the adapter explicitly keeps the SDK from building its own from environment variables.
  const app = new AgentApplication<TurnState>({ adapter: deps.adapter, removeRecipientMention: false, startTypingTimer: false });

  /** Per-turn log context: ids and kinds only, never the text or names. */
  const turnLog = (ctx: TurnContext) =>
    logger.child({ activityId: ctx.activity.id, activityType: ctx.activity.type, activityName: ctx.activity.name, conversationType: ctx.activity.conversation?.conversationType });

  // The one failure path of a turn: counted, logged, and the person sees the same sentence as on Slack.
  app.onError(async (ctx, error) => {
    reportTeamsFailure({ metrics: deps.metrics, logger: turnLog(ctx) }, error, 'turn failed');
    try {
      if (ctx.activity.type === 'invoke') await invokeResponse(ctx, toast(FAILURE_SENTENCE));
      else await ctx.sendActivity(replyActivity(failureReply('public')));
    } catch (err) {
      logger.error({ err: (err as Error)?.message }, 'teams: could not tell the user about the failure');
    }
  });

  app.onTurn('beforeTurn', async (ctx) => {
    turnLog(ctx).debug({}, 'teams: activity received');
    const ref = referenceOf(ctx.activity);
    if (ref) await refs.saveReference(ref);
    deps.people?.remember(ctx.activity);
    return true;
  });

  const act = (ctx: TurnContext, submit: Extract<Submit, { ok: true }>): Promise<Reply | null> => {
    const input = toInput(ctx.activity, deps.supportConversation);
    return assistant.act({ id: submit.id, value: submit.value, actor: input.actor, conversation: input.conversation });
  };

  onMessageExtensions(app, { assistant, logger, supportConversation: deps.supportConversation });

  app.onActivity('message', async (ctx) => {
    const submit = readSubmit(ctx.activity);
    if (submit && !submit.ok) {
      await replies.deliver(ctx, Promise.resolve(notice('That button did not work', 'Ask again to get a fresh answer.', { detail: `Reason: ${submit.problem}.` })));
      return;
    }
    if (submit) {
      await replies.deliver(ctx, act(ctx, submit));
      return;
    }
    await replies.deliver(ctx, assistant.handle(toInput(ctx.activity, deps.supportConversation)));
  });

  app.onActivity('invoke', async (ctx) => {
    const submit = readSubmit(ctx.activity);
    if (!submit) return; // other invokes: the adapter answers 501 Not Implemented
    if (!submit.ok) {
      await invokeResponse(ctx, { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message: `That button did not work: ${submit.problem}.` } });
      return;
    }
    const work = act(ctx, submit);
    const settled = await settleWithin(work, deps.firstReplyMs);
    if (settled.done && settled.value?.kind === 'notice' && settled.value.visibility === 'private') {
      await invokeResponse(ctx, toast(settled.value.text));
      return;
    }
    const delivery = await replies.deliver(ctx, settled.done ? Promise.resolve(settled.value) : work);
    await invokeResponse(ctx, toast(delivery === 'later' ? 'Working on it…' : delivery === 'private' ? 'Sent to you privately.' : 'Done.'));
  });

  app.onActivity(['conversationUpdate', 'installationUpdate'], async () => {
    // Nothing to say: the reference was saved before the turn. Greeting every new member would be noise.
  });

  return app;
}
