import { messageHash } from '../message-hash';
import { scrubText } from '../scrub-text';
import { resolutionArticle } from './resolution-article';
import type { ActionPayload } from '../commands/action-payload';
import type { Escalation, EscalationEvent, SupportDesk } from './escalation';
import type { Actor, Conversation, Platform } from '../input';
import { notice } from '../replies/notice';
import type { Clock, Logger } from '../ports/ports';
import type { Reply } from '../replies/reply';
import type { Metrics } from '../ports/metrics';
import type { People } from '../ports/people';
import type { AuditLog, EscalationChange, Store } from '../ports/store';
import { NO_SUPPORT_USERS, SupportTeam, type EscalationVerb, type SupportPolicy } from './support-team';
import { boundText, MAX_ESCALATION_TEXT, MAX_NOTE } from './bound-text';
import {
  composeEscalated,
  composeEscalationList,
  composeReminder,
  composeRequesterUpdate,
  composeSupportMessage,
  requesterUpdate,
} from './compose-escalation';
import type { ConversationMemory } from './conversation-memory';
import { threadKey } from './thread-key';

export interface EscalationServiceOptions {
  store: Store;
  memory: ConversationMemory;
  clock: Clock;
  logger: Logger;
  /** Remind the support team of escalations unclaimed this long (ESCALATION_REMIND_MINUTES); 0: never. */
  remindAfterMinutes: number;
  /** Article ids a resolution may name (`kb <article-id> …`); absent: any id is accepted. */
  articleIds?: ReadonlySet<string>;
  /** Who works escalations besides the support channel's members (default: the members only). */
  support?: SupportPolicy;
  /** Slack user groups, for `support.slackGroups`. */
  groups?: People;
  /** Refusals are recorded here (who tried what on which escalation). */
  audit?: AuditLog;
  /** `idc_escalations_open`: set at start, on every tick and whenever one opens, is claimed, resolved or reopened. */
  metrics?: Pick<Metrics, 'escalationsOpen'>;
}

export interface EscalateRequest {
  actor: Actor;
  conversation: Conversation;
  note?: string;
  /** From the button under an answer: the article and the hash of the answered message. */
  payload?: ActionPayload;
}

/** What one reminder pass did (for logs and tests). */
export interface TickResult {
  reposted: string[];
  reminded: string[];
  swept: number;
}

/** A retried post is leased for this long, so replicas do not post the same escalation twice. */
const POST_LEASE_SECONDS = 50;
/** Unposted escalations younger than this are still being posted by the request that opened them. */
const REPOST_AFTER_MS = 60_000;
const LIST_LIMIT = 25;

type Change = 'claim' | 'resolve' | 'reopen';

/**
 * The escalation lifecycle, platform-free: open (with everything the bot knew), post to the
 * support desk, claim / resolve / reopen (each stored with who and when, the support message
 * updated and the asker's thread told), list, remind. The store decides races (one claim wins,
 * one escalation per thread); the desks only display.
 *
 * Failure rules: nothing is posted before the escalation is recorded; if recording fails the
 * asker is told and nothing was written (one transaction). If the support desk fails after
 * recording, the escalation stays and `tick()` re-posts it; the asker is told it is pending.
 */
export class EscalationService {
  private readonly desks = new Map<Platform, SupportDesk>();
  private readonly o: EscalationServiceOptions;
  private readonly team: SupportTeam;

  constructor(options: EscalationServiceOptions) {
    this.o = options;
    this.team = new SupportTeam({
      policy: options.support ?? NO_SUPPORT_USERS,
      desks: () => [...this.desks.values()],
      groups: options.groups,
      audit: options.audit,
      clock: options.clock,
      logger: options.logger,
    });
  }

  /** Chat edges with a support channel register here (Slack: SLACK_SUPPORT_CHANNEL, Teams: TEAMS_SUPPORT_CONVERSATION). */
  addDesk(desk: SupportDesk): void {
    this.desks.set(desk.platform, desk);
  }

  /** The asker's own platform when it hosts a support channel, else the first configured one. */
  private deskFor(platform: Platform): SupportDesk | undefined {
    const hosts = [...this.desks.values()].filter((d) => d.hostsSupport !== false);
    return hosts.find((d) => d.platform === platform) ?? hosts[0];
  }

  async escalate(req: EscalateRequest): Promise<Reply> {
    const desk = this.deskFor(req.conversation.platform);
    if (!desk) {
      return notice(
        'Escalations have no support channel',
        'Nobody would receive it: the operator needs to set `SLACK_SUPPORT_CHANNEL` (a Slack channel id) or `TEAMS_SUPPORT_CONVERSATION` (a Teams channel conversation id) and restart the bot.',
      );
    }
    const now = this.o.clock.now();
    let escalation: Escalation;
    let created: boolean;
    try {
      const context = await this.o.memory.recall(req.conversation);
      // A button under an older answer in this thread: the kept text belongs to a later message.
      const sameMessage = !req.payload?.h || !context?.messageHash || context.messageHash === req.payload.h;
      const note = req.note?.trim() ? boundText(req.note, MAX_NOTE) : undefined;
      ({ escalation, created } = await this.o.store.openEscalation(
        {
          requester: req.actor,
          origin: req.conversation,
          originKey: threadKey(req.conversation),
          text: sameMessage && context ? boundText(context.text, MAX_ESCALATION_TEXT) : '',
          articleId: (sameMessage ? context?.articleId : undefined) ?? req.payload?.a,
          confidence: sameMessage ? context?.confidence : undefined,
          checks: context?.checks ?? [],
          note,
        },
        now,
      ));
      if (!created && escalation.status === 'resolved') {
        const reopened = await this.change('reopen', escalation.id, req.actor, note);
        if (reopened) return composeEscalated(reopened, 'reopened');
      }
    } catch (err) {
      return this.storeDown(err, 'Could not record the escalation', 'Nothing was saved and the support team was not told.');
    }
    if (!created) return composeEscalated(escalation, 'existing');
    await this.countOpen();
    const posted = await this.post(desk, escalation);
    return composeEscalated(posted ?? escalation, posted ? 'opened' : 'unposted');
  }

  /** `from`: where the actor acted (decides support-channel membership on some platforms). */
  claim(id: string, actor: Actor, from?: Conversation): Promise<Reply> {
    return this.act('claim', id, actor, undefined, from);
  }

  /** Resolution text is required: the asker and the next person with the same problem read it. */
  async resolve(id: string, actor: Actor, resolution: string, prefix = '', from?: Conversation): Promise<Reply> {
    const refused = await this.refusal('resolve', id, actor, from);
    if (refused) return refused;
    if (!resolution.trim()) {
      return Promise.resolve(
        notice(`Resolving ${id} needs a resolution`, `Say in a sentence what fixed it: \`${prefix}escalation resolve ${id} <what fixed it>\`. The asker sees it in their thread.`),
      );
    }
    const named = resolutionArticle(resolution);
    if (named.articleId && this.o.articleIds && !this.o.articleIds.has(named.articleId)) {
      return Promise.resolve(notice(`There is no article "${named.articleId.slice(0, 60)}"`, `Name an article from \`${prefix}kb\`, or write \`no-article\` when none covers it.`));
    }
    return this.act('resolve', id, actor, boundText(resolution, MAX_NOTE), from, named.articleId);
  }

  reopen(id: string, actor: Actor, note?: string, from?: Conversation): Promise<Reply> {
    return this.act('reopen', id, actor, note?.trim() ? boundText(note, MAX_NOTE) : undefined, from);
  }

  async show(id: string, actor: Actor, from?: Conversation): Promise<Reply> {
    try {
      const refused = await this.refusal('show', id, actor, from);
      if (refused) return refused;
      const e = await this.o.store.getEscalation(id);
      return e ? { ...composeSupportMessage(e), visibility: 'private' } : this.unknown(id);
    } catch (err) {
      return this.storeDown(err, `Could not read ${id.slice(0, 20)}`, '');
    }
  }

  async listOpen(actor: Actor, from?: Conversation): Promise<Reply> {
    try {
      const refused = await this.refusal('list', undefined, actor, from);
      if (refused) return refused;
      const list = await this.o.store.listEscalations({ status: ['open', 'claimed'], limit: LIST_LIMIT + 1 });
      return composeEscalationList(list.slice(0, LIST_LIMIT), this.o.clock.now(), list.length > LIST_LIMIT);
    } catch (err) {
      return this.storeDown(err, 'Could not read the escalations', '');
    }
  }

  /**
   * One maintenance pass: re-post escalations the support desk did not take, remind the support
   * team of unclaimed ones (once per open period), and sweep expired keys. Safe to run on every
   * replica: each step is leased or decided atomically in the store.
   */
  async tick(): Promise<TickResult> {
    const now = this.o.clock.now();
    const result: TickResult = { reposted: [], reminded: [], swept: 0 };
    const unposted = await this.o.store.listEscalations({ status: ['open', 'claimed'], unposted: true, limit: 20 });
    for (const e of unposted) {
      if (now.getTime() - e.createdAt.getTime() < REPOST_AFTER_MS) continue;
      const desk = this.deskFor(e.origin.platform);
      if (!desk || !(await this.o.store.firstSeen(`escalation-post:${e.id}`, POST_LEASE_SECONDS, now))) continue;
      const posted = await this.post(desk, e);
      if (posted) {
        result.reposted.push(e.id);
        await this.tellRequester(posted, requesterUpdate(posted, 'posted', e.requester));
      }
    }
    if (this.o.remindAfterMinutes > 0) {
      const due = await this.o.store.dueReminders(new Date(now.getTime() - this.o.remindAfterMinutes * 60_000), 20);
      for (const e of due) {
        const desk = e.supportMessage && this.desks.get(e.supportMessage.platform);
        if (!desk) continue;
        const event: EscalationEvent = { at: now, actor: { platform: desk.platform, id: 'idc-assistant', name: 'idc-assistant' }, action: 'reminded' };
        if (!(await this.o.store.markReminded(e.id, event))) continue;
        const reminded = { ...e, remindedAt: now, history: [...e.history, event] };
        try {
          if (desk.remind) await desk.remind(reminded, composeReminder(reminded, now));
          else await desk.update(reminded, composeSupportMessage(reminded));
          result.reminded.push(e.id);
        } catch (err) {
          this.o.logger.warn({ escalation: e.id, err: (err as Error).message }, 'could not post the escalation reminder');
        }
      }
    }
    result.swept = await this.o.store.sweep(now);
    await this.countOpen(); // other replicas open and resolve too
    return result;
  }

  /** Runs `tick()` every `everyMs` (unref'd: never keeps the process alive). Returns stop(). */
  start(everyMs = 60_000): () => void {
    void this.countOpen();
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      this.tick()
        .then((r) => {
          if (r.reposted.length || r.reminded.length) this.o.logger.info(r, 'escalation maintenance');
        })
        .catch((err: unknown) => this.o.logger.warn({ err: (err as Error).message }, 'escalation maintenance failed; retrying at the next tick'))
        .finally(() => {
          running = false;
        });
    }, everyMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  private refusal(verb: EscalationVerb, id: string | undefined, actor: Actor, from?: Conversation): Promise<Reply | undefined> {
    return this.team.refusal(verb, id, actor, from, async () => (id ? this.o.store.getEscalation(id) : undefined));
  }

  private async act(kind: Change, id: string, actor: Actor, text?: string, from?: Conversation, articleId?: string | null): Promise<Reply> {
    let updated: Escalation | undefined;
    try {
      const refused = kind === 'resolve' ? undefined : await this.refusal(kind, id, actor, from);
      if (refused) return refused;
      updated = await this.change(kind, id, actor, text);
      if (updated && kind === 'resolve' && articleId !== undefined) await this.learn(updated, articleId, actor);
      if (!updated) {
        const current = await this.o.store.getEscalation(id);
        if (!current) return this.unknown(id);
        return notice(`${id} is ${current.status}`, alreadyDone(kind, current), { detail: current.claimedBy ? `Claimed by ${current.claimedBy.name ?? current.claimedBy.id}.` : undefined });
      }
    } catch (err) {
      return this.storeDown(err, `Could not record the ${kind}`, `${id} was not changed.`);
    }
    const done = { claim: 'You claimed', resolve: 'You resolved', reopen: 'You reopened' }[kind];
    return notice(`${done} ${id}`, 'The support message is updated and the asker’s thread is told.');
  }

  /** A resolution that names its article (or none) becomes a candidate example (`examples export`). */
  private async learn(escalation: Escalation, articleId: string | null, actor: Actor): Promise<void> {
    const at = this.o.clock.now();
    const hash = messageHash(escalation.text);
    try {
      await this.o.store.recordAsked({ messageHash: hash, text: scrubText(escalation.text), outcome: escalation.articleId ? 'answer' : 'undocumented', articleId: escalation.articleId, confidence: escalation.confidence, platform: escalation.requester.platform, at });
      await this.o.store.recordSignal({ messageHash: hash, kind: 'resolved', articleId, actor, at });
    } catch (err) {
      this.o.logger.warn({ escalation: escalation.id, err: (err as Error).message }, 'could not record what resolved the escalation; the resolution itself is recorded');
    }
  }

  /** Records the change, then updates the support message and tells the asker (best effort). */
  private async change(kind: Change, id: string, actor: Actor, text?: string): Promise<Escalation | undefined> {
    const at = this.o.clock.now();
    const changes: Record<Change, EscalationChange> = {
      claim: { from: ['open'], to: 'claimed', claimedBy: actor, event: { at, actor, action: 'claimed' } },
      resolve: { from: ['open', 'claimed'], to: 'resolved', resolution: text, event: { at, actor, action: 'resolved', note: text } },
      reopen: { from: ['resolved'], to: 'open', claimedBy: null, resolution: null, event: { at, actor, action: 'reopened', note: text } },
    };
    const updated = await this.o.store.changeEscalation(id, changes[kind]);
    if (!updated) return undefined;
    await this.countOpen();
    const desk = updated.supportMessage && this.desks.get(updated.supportMessage.platform);
    if (desk) {
      await desk.update(updated, composeSupportMessage(updated)).catch((err: unknown) =>
        this.o.logger.warn({ escalation: id, err: (err as Error).message }, 'could not update the support message; the change is recorded'),
      );
    }
    await this.tellRequester(updated, requesterUpdate(updated, changes[kind].event.action, actor));
    return updated;
  }

  /** Posts to the support desk and stores where it landed; undefined when the desk failed. */
  private async post(desk: SupportDesk, e: Escalation): Promise<Escalation | undefined> {
    let ref;
    try {
      ref = await desk.post(e, composeSupportMessage(e));
    } catch (err) {
      this.o.logger.warn({ escalation: e.id, desk: desk.platform, err: (err as Error).message }, 'could not post the escalation to the support channel; will retry');
      return undefined;
    }
    try {
      await this.o.store.setSupportMessage(e.id, ref);
    } catch (err) {
      // Posted but not linked: the next tick would post it again. Rare (the store answered a
      // moment ago); logged loudly so the operator can tell why a duplicate appeared.
      this.o.logger.error({ escalation: e.id, err: (err as Error).message }, 'posted the escalation but could not store where; it may be posted again');
    }
    return { ...e, supportMessage: ref };
  }

  private async tellRequester(e: Escalation, text: string): Promise<void> {
    const desk = this.desks.get(e.origin.platform);
    if (!desk) return;
    await desk.notifyRequester(e, text, composeRequesterUpdate(text)).catch((err: unknown) =>
      this.o.logger.warn({ escalation: e.id, err: (err as Error).message }, 'could not tell the asker’s thread'),
    );
  }

  /** Sets the open-escalations gauge from the store (open or claimed), so every replica reports the same number. */
  private async countOpen(): Promise<void> {
    if (!this.o.metrics) return;
    try {
      this.o.metrics.escalationsOpen(await this.o.store.countEscalations(['open', 'claimed']));
    } catch (err) {
      this.o.logger.debug({ err: (err as Error).message }, 'could not count open escalations; the gauge keeps its last value');
    }
  }

  private unknown(id: string): Reply {
    return notice(`No escalation ${id.slice(0, 20)}`, 'Check the id: `escalations` lists the open ones.');
  }

  /** One failure path, two audiences: the log gets code, fix and cause; the person a sentence. */
  private storeDown(err: unknown, title: string, consequence: string): Reply {
    const e = err as { code?: string; fix?: string; message?: string };
    this.o.logger.error({ err: e.message, code: e.code, fix: e.fix }, title.toLowerCase());
    const sentence = ['The database did not answer.', consequence, 'Try again in a few minutes; if it is urgent, post in the support channel yourself.'].filter(Boolean).join(' ');
    return notice(title, sentence, { kind: 'error' });
  }
}

function alreadyDone(kind: Change, e: Escalation): string {
  switch (kind) {
    case 'claim':
      return e.status === 'claimed' ? 'Someone claimed it first.' : 'It is resolved; **Reopen** it first.';
    case 'resolve':
      return 'It is already resolved.';
    case 'reopen':
      return 'Only resolved escalations can be reopened.';
  }
}
