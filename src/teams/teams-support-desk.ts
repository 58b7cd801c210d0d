import type { Reply } from '../core/replies/reply';
import type { CloudAdapter } from '@microsoft/agents-hosting';
import type { Escalation, MessageRef, SupportDesk } from '../core/escalations/escalation';
import type { Logger } from '../core/ports/ports';
import { baseConversationId, type TeamsReferenceStore, type TeamsReference } from './conversation-ref-store';
import type { Actor, Conversation } from '../core/input';
import { replyActivity } from './reply-activity';
import { TeamsError } from './teams-errors';
import { outgoing, TeamsProactive } from './teams-proactive';

export interface TeamsSupportDeskOptions {
  adapter: CloudAdapter;
  refs: TeamsReferenceStore;
  /** TEAMS_SUPPORT_CONVERSATION: the support channel's conversation id (19:…@thread.tacv2). */
  supportConversation: string;
  /** The bot's app id; undefined in anonymous mode (outgoing calls then carry no token). */
  appId?: string;
  logger: Logger;
  /** Shared with the watcher's digest poster (default: one of its own). */
  proactive?: TeamsProactive;
}

/**
 * The core's SupportDesk for Teams: posts escalations to the support channel proactively, from
 * the conversation reference saved when the app was added there (or first mentioned), updates
 * that card in place, and tells the asker in their own thread. Cards use Action.Execute, so a
 * claim from any member updates the one shared card.
 */
export class TeamsSupportDesk implements SupportDesk {
  readonly platform = 'teams' as const;

  private readonly proactive: TeamsProactive;

  constructor(private readonly options: TeamsSupportDeskOptions) {
    this.proactive = options.proactive ?? new TeamsProactive(options);
  }

  /**
   * Whoever acts in the support channel is a member of it: Teams signs every activity, and only the
   * team's members can post or click there. Elsewhere (a 1:1 chat) use SUPPORT_USERS.
   */
  async isSupportMember(actor: Actor, from?: Conversation): Promise<boolean> {
    return actor.platform === 'teams' && from?.platform === 'teams' && baseConversationId(from.channelId) === baseConversationId(this.options.supportConversation);
  }

  async post(escalation: Escalation, message: Reply): Promise<MessageRef> {
    const ref = await this.proactive.post(this.options.supportConversation, 'TEAMS_SUPPORT_CONVERSATION', message);
    this.options.logger.info({ escalation: escalation.id }, 'teams: escalation posted to the support channel');
    return ref;
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

  private reference(conversationId: string, what: string): Promise<TeamsReference> {
    return this.proactive.reference(conversationId, what);
  }

  private continueIn(...args: Parameters<TeamsProactive['continueIn']>): Promise<void> {
    return this.proactive.continueIn(...args);
  }
}

function isReference(value: unknown): value is TeamsReference {
  const v = value as TeamsReference | undefined;
  return !!v && typeof v.conversationId === 'string' && typeof v.serviceUrl === 'string' && typeof v.channelId === 'string';
}
