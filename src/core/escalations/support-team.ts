import { nobodyKnown, type People } from '../ports/people';
import type { Escalation, SupportDesk } from './escalation';
import type { Actor, Conversation } from '../input';
import { notice } from '../replies/notice';
import type { Clock, Logger } from '../ports/ports';
import type { Reply } from '../replies/reply';
import type { AuditLog } from '../ports/store';

/** Who works escalations besides the members of the support channel (SUPPORT_USERS, SUPPORT_SLACK_GROUPS). */
export interface SupportPolicy {
  /** Chat user ids, optionally platform-prefixed (`slack:U123`, `teams:<aad id>`); `console` for the local console. */
  users: readonly string[];
  /** Slack user group ids (S…) whose members work escalations. */
  slackGroups: readonly string[];
}

export const NO_SUPPORT_USERS: SupportPolicy = { users: [], slackGroups: [] };

export type EscalationVerb = 'list' | 'show' | 'claim' | 'resolve' | 'reopen';

export type SupportDecision =
  | { allowed: true; reason: 'operator' | 'support-user' | 'support-group' | 'support-channel' | 'asker' }
  | { allowed: false; reason: 'not-support' };

/**
 * Who may do what with an escalation. The support team (the support channel's members, who see
 * every escalation there anyway, plus SUPPORT_USERS and SUPPORT_SLACK_GROUPS) may list, show,
 * claim, resolve and reopen; the asker may show and reopen their own; nobody else may do anything.
 * Unset lists mean the support channel's members only, never "anyone". A failing membership
 * lookup counts as "not a member": refusing is recoverable, leaking a private thread is not.
 */
export interface SupportTeamOptions {
  policy: SupportPolicy;
  /** The desks registered so far (each may tell who is in its support channel). */
  desks: () => readonly SupportDesk[];
  groups?: People;
  /** Refusals are recorded here: who tried what on which escalation. */
  audit?: AuditLog;
  clock: Clock;
  logger: Logger;
}

export class SupportTeam {
  private readonly policy: SupportPolicy;
  private readonly groups: People;

  constructor(private readonly o: SupportTeamOptions) {
    this.policy = o.policy;
    this.groups = o.groups ?? nobodyKnown;
  }

  /**
   * undefined when `actor` may do `verb`; otherwise the refusal they read, audited and logged.
   * Refusals do not say whether the escalation exists: ids are sequential, the text is not.
   */
  async refusal(verb: EscalationVerb, id: string | undefined, actor: Actor, from: Conversation | undefined, load: () => Promise<Escalation | undefined>): Promise<Reply | undefined> {
    const decision = await this.decide(verb, actor, from, load);
    if (decision.allowed) return undefined;
    this.o.logger.info({ verb, escalation: id, actor: `${actor.platform}:${actor.id}` }, 'escalation action refused: not on the support team');
    await this.o.audit
      ?.recordLookup({ at: this.o.clock.now(), actor, check: `escalation.${verb}`, subject: id ?? '', outcome: 'denied', detail: decision.reason })
      .catch((err: unknown) => this.o.logger.warn({ err: (err as Error).message }, 'could not audit a refused escalation action'));
    return composeRefusal(verb, id);
  }

  /** `load` reads the escalation, only when the asker rule needs it (show, reopen by a non-member). */
  async decide(verb: EscalationVerb, actor: Actor, from: Conversation | undefined, load: () => Promise<Escalation | undefined>): Promise<SupportDecision> {
    const member = await this.membership(actor, from);
    if (member) return { allowed: true, reason: member };
    if (verb === 'show' || verb === 'reopen') {
      const escalation = await load();
      if (escalation && sameActor(escalation.requester, actor)) return { allowed: true, reason: 'asker' };
    }
    return { allowed: false, reason: 'not-support' };
  }

  /** Whether the actor is on the support team, and why (undefined: not on it). */
  async membership(actor: Actor, from: Conversation | undefined): Promise<Exclude<SupportDecision['reason'], 'asker' | 'not-support'> | undefined> {
    if (actor.platform === 'cli') return 'operator';
    if (this.policy.users.some((entry) => entry === actor.id || entry === `${actor.platform}:${actor.id}`)) return 'support-user';
    if (actor.platform === 'slack' && this.policy.slackGroups.length > 0) {
      const mine = await this.groups.groupsOf(actor).catch(() => [] as readonly string[]);
      if (mine.some((g) => this.policy.slackGroups.includes(g))) return 'support-group';
    }
    for (const desk of this.o.desks()) {
      if (desk.platform !== actor.platform || !desk.isSupportMember) continue;
      if (await desk.isSupportMember(actor, from).catch(() => false)) return 'support-channel';
    }
    return undefined;
  }
}

function sameActor(a: Actor, b: Actor): boolean {
  return a.platform === b.platform && a.id === b.id;
}

/** The refusal a person reads: what they cannot do, who can, and what to do instead. */
export function composeRefusal(verb: EscalationVerb, id: string | undefined): Reply {
  const what = id ? id.slice(0, 20) : 'escalations';
  switch (verb) {
    case 'list':
      return notice('Only the support team can list escalations', 'Escalations are worked by the members of the support channel. Ask there, or ask the operator to add you to the support team.', { kind: 'error' });
    case 'show':
    case 'reopen':
      return notice(`You cannot ${verb} ${what}`, 'Only the support team and the person who asked can do that. Ask in the support channel.', { kind: 'error' });
    case 'claim':
    case 'resolve':
      return notice(`Only the support team can ${verb} ${what}`, 'Escalations are worked by the members of the support channel. Ask there, or ask the operator to add you to the support team.', { kind: 'error' });
  }
}
