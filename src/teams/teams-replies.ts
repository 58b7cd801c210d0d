import { Activity } from '@microsoft/agents-activity';
import type { ConnectorClient, TurnContext } from '@microsoft/agents-hosting';
import type { Metrics } from '../core/ports/metrics';
import type { Logger } from '../core/ports/ports';
import { failureReply } from '../core/replies/failure-reply';
import type { Reply } from '../core/replies/reply';
import { baseConversationId } from './conversation-ref-store';
import { PRIVATE_FAILED, replyActivity, SENT_PRIVATELY, WORKING } from './reply-activity';
import { reportTeamsFailure } from './report-failure';
import { isPersonal } from './teams-input';
import { settleWithin } from './with-timeout';

export interface TeamsRepliesOptions {
  /**
   * Teams gives a bot 15 s to answer. Work that takes longer than this gets a "Working on it…"
   * message at once, updated in place when the work ends (in the background, after the turn).
   */
  firstReplyMs: number;
  logger: Logger;
  supportConversation?: string;
  metrics: Metrics;
}

/** Where a reply ended up. */
export type Delivery = 'thread' | 'private' | 'none' | 'later';

/**
 * Sends the core's replies into a turn: in the thread, or to the person's 1:1 chat when the reply
 * is private and the conversation is shared (Teams has no ephemeral messages). Slow work is
 * answered twice: a placeholder within the turn, then an update of that placeholder.
 */
export class TeamsReplies {
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly options: TeamsRepliesOptions) {}

  async deliver(ctx: TurnContext, work: Promise<Reply | null>): Promise<Delivery> {
    const expectReplies = ctx.activity.deliveryMode === 'expectReplies';
    const settled = expectReplies ? { done: true as const, value: await work } : await settleWithin(work, this.options.firstReplyMs);
    const client = ctx.turnState.get<ConnectorClient | undefined>(ctx.adapter.ConnectorClientKey);
    if (settled.done) {
      const reply = settled.value;
      if (!reply) return 'none';
      if (this.mustGoPrivate(ctx.activity, reply)) {
        const sent = client ? await this.sendPrivately(ctx.activity, client, reply) : false;
        await ctx.sendActivity(replyActivity(sent ? SENT_PRIVATELY : PRIVATE_FAILED));
        return sent ? 'private' : 'thread';
      }
      await ctx.sendActivity(replyActivity(reply));
      return 'thread';
    }
    const placeholder = await ctx.sendActivity(replyActivity(WORKING));
    if (!client || !placeholder?.id) {
      this.track(work.then(() => undefined));
      return 'later';
    }
    const activity = Activity.fromObject(ctx.activity);
    const conversationId = activity.conversation!.id;
    const placeholderId = placeholder.id;
    this.track(
      work
        .then(async (reply) => {
          let shown = reply ?? failureReply('public');
          if (reply && this.mustGoPrivate(activity, reply)) shown = (await this.sendPrivately(activity, client, reply)) ? SENT_PRIVATELY : PRIVATE_FAILED;
          await this.update(client, conversationId, placeholderId, shown);
        })
        .catch(async (err: unknown) => {
          reportTeamsFailure(this.options, err, 'finishing a slow reply failed', { conversationId });
          await this.update(client, conversationId, placeholderId, failureReply('public')).catch((e: unknown) =>
            reportTeamsFailure(this.options, e, 'could not update the placeholder either', { conversationId }),
          );
        }),
    );
    return 'later';
  }

  /** Resolves when every background update has finished (shutdown, tests). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  mustGoPrivate(activity: Activity, reply: Reply): boolean {
    if (reply.visibility !== 'private' || isPersonal(activity)) return false;
    const support = this.options.supportConversation;
    return !(support && baseConversationId(activity.conversation?.id ?? '') === baseConversationId(support));
  }

  private async update(client: ConnectorClient, conversationId: string, activityId: string, reply: Reply): Promise<void> {
    const activity = replyActivity(reply);
    activity.id = activityId;
    await client.updateActivity(conversationId, activityId, activity);
  }

  /** Opens (or reuses: Teams returns the existing one) the 1:1 chat with the sender and posts there. */
  private async sendPrivately(activity: Activity, client: ConnectorClient, reply: Reply): Promise<boolean> {
    const tenantId = activity.conversation?.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
    try {
      const created = await client.createConversation({
        isGroup: false,
        agent: activity.recipient,
        // The wire name of `agent` in the Bot Framework protocol.
        ...({ bot: activity.recipient } as object),
        members: [{ id: activity.from!.id }],
        tenantId,
        channelData: { tenant: { id: tenantId } },
      } as Parameters<ConnectorClient['createConversation']>[0]);
      if (!created?.id) return false;
      await client.sendToConversation(created.id, replyActivity(reply));
      return true;
    } catch (err) {
      this.options.logger.warn({ err: (err as Error).message }, 'teams: could not open a private chat with the sender');
      return false;
    }
  }

  private track(job: Promise<void>): void {
    const tracked = job.catch(() => undefined).finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
  }
}
