import type { Activity } from '@microsoft/agents-activity';
import { CoalescingCache } from '../core/coalescing-cache';
import type { Actor } from '../core/input';
import type { People } from '../core/ports/people';
import type { Clock, Logger } from '../core/ports/ports';
import { systemClock } from '../core/ports/ports';
import { WarnOnce } from '../core/ports/warn-once';
import type { TeamsReference } from './conversation-ref-store';
import type { TeamsProactive } from './teams-proactive';
import { referenceOf } from './teams-reference';
import { withTimeout } from './with-timeout';

/** An account's e-mail changes rarely; 10 minutes bounds how long a changed one is trusted. */
const TTL_MS = 10 * 60_000;
/** People whose latest conversation is remembered (the oldest is forgotten first). */
const MAX_PEOPLE = 5_000;

interface Where {
  /** The Teams user id (29:…) the conversation knows the person by. */
  memberId: string;
  reference: TeamsReference;
}

/**
 * What Teams knows about the person asking: their e-mail (or Entra UPN) from the conversation
 * member (Bot Connector `GET /v3/conversations/{id}/members/{memberId}`, the SDK's
 * `getConversationMember`). The edge remembers each person's latest conversation from the
 * activities it receives (`remember`); the lookup runs there, with a timeout, cached 10 minutes and
 * shared by concurrent asks. A failure is not cached and counts as "unknown": self-service lookups
 * then refuse (fail closed). E-mails are never logged. Teams has no user groups here.
 */
export class TeamsPeople implements People {
  private readonly where = new Map<string, Where>();
  private readonly emails: CoalescingCache<string | undefined>;
  private readonly warnings: WarnOnce;

  constructor(
    private readonly proactive: Pick<TeamsProactive, 'continueIn'>,
    logger: Logger,
    private readonly timeoutMs: number,
    clock: Clock = systemClock,
  ) {
    this.warnings = new WarnOnce(logger);
    this.emails = new CoalescingCache<string | undefined>(TTL_MS, () => clock.now().getTime(), MAX_PEOPLE);
  }

  /** Keeps where the sender of `activity` can be looked up (their latest conversation). */
  remember(activity: Activity): void {
    const from = activity.from;
    const reference = referenceOf(activity);
    if (!from?.id || !reference) return;
    const key = from.aadObjectId ?? from.id;
    this.where.delete(key);
    this.where.set(key, { memberId: from.id, reference });
    if (this.where.size > MAX_PEOPLE) this.where.delete(this.where.keys().next().value!);
  }

  async groupsOf(): Promise<readonly string[]> {
    return [];
  }

  async emailOf(actor: Actor): Promise<string | undefined> {
    if (actor.platform !== 'teams') return undefined;
    const where = this.where.get(actor.id);
    if (!where) return undefined;
    try {
      return await this.emails.get(actor.id, () => this.readEmail(where));
    } catch (err) {
      const e = err as { code?: string; message?: string };
      this.warnings.warn(
        e.code ?? 'error',
        { code: e.code, err: e.message },
        "could not read the asker's Teams member profile; treating the e-mail as unknown. Fix: check that the app is installed in the conversation and that the Bot Connector service URL is reachable",
      );
      return undefined;
    }
  }

  private async readEmail({ memberId, reference }: Where): Promise<string | undefined> {
    let member: { email?: string; userPrincipalName?: string } | undefined;
    let failure: unknown;
    const read = this.proactive.continueIn(reference, reference.conversationId, async (_ctx, client) => {
      // Caught here, not thrown: an error in the turn would reach the app's onError, which posts
      // "Something went wrong" into the asker's conversation.
      try {
        member = (await client.getConversationMember(memberId, reference.conversationId)) as typeof member;
      } catch (err) {
        failure = err;
      }
    });
    await withTimeout(read, this.timeoutMs, 'The Teams member lookup');
    if (failure) throw failure;
    return (member?.email || member?.userPrincipalName)?.trim() || undefined;
  }
}
