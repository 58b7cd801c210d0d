import type { Activity } from '@microsoft/agents-activity';
import type { CloudAdapter, ConnectorClient, TurnContext } from '@microsoft/agents-hosting';
import type { MessageRef } from '../core/escalations/escalation';
import type { Reply } from '../core/replies/reply';
import type { TeamsReferenceStore, TeamsReference } from './conversation-ref-store';
import { replyActivity } from './reply-activity';
import { TeamsError } from './teams-errors';
import { sdkReference } from './teams-reference';

export interface TeamsProactiveOptions {
  adapter: CloudAdapter;
  refs: TeamsReferenceStore;
  /** The bot's app id; undefined in anonymous mode (outgoing calls then carry no token). */
  appId?: string;
}

/**
 * Proactive messages (escalations, the watcher's digest): Teams only allows them where the app is
 * installed, from the conversation reference saved when it was added there or first mentioned.
 */
export class TeamsProactive {
  constructor(private readonly options: TeamsProactiveOptions) {}

  /** Posts `message` as a new message (in a channel: a new thread); `what` names the setting in errors. */
  async post(conversationId: string, what: string, message: Reply): Promise<MessageRef> {
    const ref = await this.reference(conversationId, what);
    let messageId: string | undefined;
    await this.continueIn(ref, ref.conversationId, async (ctx, client) => {
      messageId = (await client.sendToConversation(ref.conversationId, outgoing(ctx, replyActivity(message))))?.id;
    });
    if (!messageId) throw new TeamsError('connector_failed', `Teams accepted the message to ${what} but returned no message id`, 'Check the Bot Connector service URL stored for that conversation.');
    return { platform: 'teams', channelId: ref.conversationId, messageId, reference: ref };
  }

  async reference(conversationId: string, what: string): Promise<TeamsReference> {
    const ref = await this.options.refs.getReference(conversationId);
    if (!ref) {
      throw new TeamsError(
        'no_reference',
        `No Teams conversation reference stored for ${what} (${conversationId.slice(0, 80)})`,
        'Teams only allows proactive messages where the app is installed: add the app to that team or chat, or mention it there once, then try again.',
      );
    }
    return ref;
  }

  /**
   * Runs `logic` with the conversation's connector client. Posting goes through the client, not
   * `ctx.sendActivity`: a continuation turn would make the post a reply to its own made-up
   * activity id; a proactive post is a new message (in a channel: a new thread).
   */
  async continueIn(ref: TeamsReference, conversationId: string, logic: (ctx: TurnContext, client: ConnectorClient) => Promise<void>): Promise<void> {
    // Anonymous mode: an identity without audience makes the SDK send without a token.
    const identity = this.options.appId ?? {};
    try {
      await this.options.adapter.continueConversation(identity, sdkReference(ref, conversationId), (ctx) =>
        logic(ctx, ctx.turnState.get<ConnectorClient>(ctx.adapter.ConnectorClientKey)),
      );
    } catch (err) {
      if (err instanceof TeamsError) throw err;
      throw new TeamsError('connector_failed', `Teams did not accept the message: ${(err as Error).message}`, 'Check that the app is still installed in that conversation and that TEAMS_APP_ID / TEAMS_APP_PASSWORD are valid.', { cause: err });
    }
  }
}

/** Addressed like the SDK addresses replies (from the bot, in this conversation), minus the reply-to. */
export function outgoing(ctx: TurnContext, activity: Activity): Activity {
  if (ctx.activity.channelId) activity.channelId = ctx.activity.channelId;
  activity.serviceUrl = ctx.activity.serviceUrl;
  activity.conversation = ctx.activity.conversation;
  if (ctx.activity.recipient) activity.from = ctx.activity.recipient;
  return activity;
}
