import type { Reply } from '../core/reply';
import type { Activity } from '@microsoft/agents-activity';
import type { CloudAdapter, ConnectorClient, TurnContext } from '@microsoft/agents-hosting';
import type { Escalation, MessageRef, SupportDesk } from '../core/escalation';
import type { Logger } from '../core/ports';
import { baseConversationId, type ConversationRefStore, type TeamsReference } from './conversation-ref-store';
import type { Actor, Conversation } from '../core/input';
import { replyActivity } from './reply-activity';
import { TeamsError } from './teams-errors';
import { sdkReference } from './teams-reference';

export interface TeamsSupportDeskOptions {
  adapter: CloudAdapter;
  refs: ConversationRefStore;
  /** TEAMS_SUPPORT_CONVERSATION: the support channel's conversation id (19:…@thread.tacv2). */
  supportConversation: string;
  /** The bot's app id; undefined in anonymous mode (outgoing calls then carry no token). */
  appId?: string;
  logger: Logger;
}

/**
 * The core's SupportDesk for Teams: posts escalations to the support channel proactively, from
 * the conversation reference saved when the app was added there (or first mentioned), updates
 * that card in place, and tells the asker in their own thread. Cards use Action.Execute, so a
 * claim from any member updates the one shared card.
 */
export class TeamsSupportDesk implements SupportDesk {
  readonly platform = 'teams' as const;

  constructor(private readonly options: TeamsSupportDeskOptions) {}

  /**
   * Whoever acts in the support channel is a member of it: Teams signs every activity, and only the
   * team's members can post or click there. Elsewhere (a 1:1 chat) use SUPPORT_USERS.
   */
  async isSupportMember(actor: Actor, from?: Conversation): Promise<boolean> {
    return actor.platform === 'teams' && from?.platform === 'teams' && baseConversationId(from.channelId) === baseConversationId(this.options.supportConversation);
  }

  async post(escalation: Escalation, message: Reply): Promise<MessageRef> {
    const ref = await this.reference(this.options.supportConversation, 'TEAMS_SUPPORT_CONVERSATION');
    let messageId: string | undefined;
    await this.continueIn(ref, ref.conversationId, async (ctx, client) => {
      messageId = (await client.sendToConversation(ref.conversationId, outgoing(ctx, replyActivity(message))))?.id;
    });
    if (!messageId) throw new TeamsError('connector_failed', `Teams accepted escalation ${escalation.id} but returned no message id`, 'Check the Bot Connector service URL stored for the support channel.');
    this.options.logger.info({ escalation: escalation.id }, 'teams: escalation posted to the support channel');
    return { platform: 'teams', channelId: ref.conversationId, messageId, reference: ref };
  }

  async update(escalation: Escalation, reply: Reply): Promise<void> {
    const message = escalation.supportMessage;
    if (!message || message.platform !== 'teams') {
      throw new TeamsError('wrong_platform', `Escalation ${escalation.id} has no Teams support message to update`, 'Update it through the desk of the platform it was posted to.');
    }
    const ref = isReference(message.reference) ? message.reference : await this.reference(message.channelId, 'the support message');
    await this.continueIn(ref, ref.conversationId, async (ctx, client) => {
      const activity = outgoing(ctx, replyActivity(reply));
      activity.id = message.messageId;
      await client.updateActivity(ref.conversationId, message.messageId, activity);
    });
  }

  async notifyRequester(escalation: Escalation, _text: string, message: Reply): Promise<void> {
    const origin = escalation.origin;
    if (origin.platform !== 'teams') {
      throw new TeamsError('wrong_platform', `Escalation ${escalation.id} was raised on ${origin.platform}, not Teams`, 'Notify the asker through that platform’s desk.');
    }
    const ref = await this.reference(origin.channelId, 'the asker’s conversation');
    const conversationId = origin.threadId ?? ref.conversationId;
    await this.continueIn(ref, conversationId, async (ctx, client) => {
      await client.sendToConversation(conversationId, outgoing(ctx, replyActivity(message)));
    });
  }

  private async reference(conversationId: string, what: string): Promise<TeamsReference> {
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
  private async continueIn(ref: TeamsReference, conversationId: string, logic: (ctx: TurnContext, client: ConnectorClient) => Promise<void>): Promise<void> {
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
function outgoing(ctx: TurnContext, activity: Activity): Activity {
  if (ctx.activity.channelId) activity.channelId = ctx.activity.channelId;
  activity.serviceUrl = ctx.activity.serviceUrl;
  activity.conversation = ctx.activity.conversation;
  if (ctx.activity.recipient) activity.from = ctx.activity.recipient;
  return activity;
}

function isReference(value: unknown): value is TeamsReference {
  const v = value as TeamsReference | undefined;
  return !!v && typeof v.conversationId === 'string' && typeof v.serviceUrl === 'string' && typeof v.channelId === 'string';
}
