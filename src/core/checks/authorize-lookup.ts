import type { Actor, Conversation } from '../input';
import { nobodyKnown, ownEmail, type People } from '../ports/people';
import type { Reply } from '../replies/reply';

/**
 * Who may run live lookups (Identity Store, CloudTrail, assignments) on whom. Default deny: an
 * empty policy allows nobody but the CLI operator.
 */
export interface LookupPolicy {
  /**
   * Chat user ids allowed to look up anyone: Slack user ids (U…), Teams AAD object ids, `console`
   * for the local console. An entry may carry a platform prefix (`slack:U123`, `teams:<guid>`).
   */
  allowedUsers: readonly string[];
  /** Slack user group ids (S…) whose members may look up anyone; answered by `People.groupsOf`. */
  allowedGroups: readonly string[];
  /** Anyone may look up themselves: the subject must equal the e-mail their chat platform gave us. */
  selfService: boolean;
  /** Channel / conversation ids where personal data may be shown to everyone present. */
  privateSupportChannels: readonly string[];
}

export const DENY_ALL: LookupPolicy = { allowedUsers: [], allowedGroups: [], selfService: false, privateSupportChannels: [] };

export type LookupDecision =
  | { allowed: true; reason: 'operator' | 'allowed-user' | 'allowed-group' | 'self' }
  | { allowed: false; reason: 'not-allowed' | 'not-self' };

function listed(list: readonly string[], actor: Actor): boolean {
  return list.some((entry) => entry === actor.id || entry === `${actor.platform}:${actor.id}`);
}

/** Decides whether `actor` may look up `subject`. A failing group or e-mail lookup counts as none. */
export async function authorizeLookup(
  policy: LookupPolicy,
  actor: Actor,
  subject: string,
  people: People = nobodyKnown,
): Promise<LookupDecision> {
  if (actor.platform === 'cli') return { allowed: true, reason: 'operator' };
  if (listed(policy.allowedUsers, actor)) return { allowed: true, reason: 'allowed-user' };
  if (policy.allowedGroups.length > 0) {
    const mine = await people.groupsOf(actor).catch(() => [] as readonly string[]);
    if (mine.some((g) => policy.allowedGroups.includes(g))) return { allowed: true, reason: 'allowed-group' };
  }
  if (policy.selfService) {
    const own = (await ownEmail(people, actor))?.toLowerCase();
    if (own && own === subject.trim().toLowerCase()) return { allowed: true, reason: 'self' };
    return { allowed: false, reason: 'not-self' };
  }
  return { allowed: false, reason: 'not-allowed' };
}

/** Personal data goes only to the requester, unless the conversation is a private support channel. */
export function lookupVisibility(policy: LookupPolicy, conversation: Conversation, personalData: boolean): Reply['visibility'] {
  if (!personalData) return 'public';
  if (conversation.privateSupport || policy.privateSupportChannels.includes(conversation.channelId)) return 'public';
  return 'private';
}
