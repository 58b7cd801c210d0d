import type { Article } from '../knowledge/article';
import type { Example } from '../knowledge/example';
import { Matcher, type MatchResult } from '../match/index';
import { decodeAction } from './commands/action-payload';
import { DENY_ALL, type LookupPolicy } from './checks/authorize-lookup';
import { nobodyKnown, ownEmail, type People } from './ports/people';
import type { LiveChecks, OfflineChecks } from './checks/checks';
import { composeAnswer, composeArticle } from './replies/compose-answer';
import { composeClarify, composeOutside, composeUndocumented } from './replies/compose-not-answered';
import { SAML_PASTE_WARNING } from './replies/saml-paste-warning';
import { composeLintReport } from './replies/compose-lint-report';
import { composeHelp } from './replies/compose-help';
import { composeNotHelpful } from './escalations/compose-escalation';
import type { ConversationMemory } from './escalations/conversation-memory';
import { runEscalationAction, runEscalationCommand } from './escalations/escalation-commands';
import type { EscalationService } from './escalations/escalation-service';
import { isExplicit, type Actor, type Conversation, type Input } from './input';
import { messageHash } from './message-hash';
import { notice } from './replies/notice';
import { looksLikeCommand, parseCommand, type Command } from './commands/parse-command';
import { noMetrics, type Metrics } from './ports/metrics';
import { MemoryFeedbackStore, silentLogger, systemClock, type Clock, type FeedbackStore, type Logger } from './ports/ports';
import type { ActionId, Reply } from './replies/reply';
import { runLiveCheck } from './checks/run-live-check';
import { LIVE_CHECKS, liveCheck, type LiveCheckName } from './checks/live-check-registry';
import type { AuditLog } from './ports/store';
import { MemoryStore } from './ports/memory-store';

export interface AssistantDeps {
  articles: readonly Article[];
  /** Real example messages the matcher learns from (knowledge/examples); none: articles alone. */
  examples?: readonly Example[];
  /** A matcher already built from the same articles (the CLI's evaluation builds its own). */
  matcher?: Matcher;
  clock?: Clock;
  logger?: Logger;
  feedback?: FeedbackStore;
  /** AWS lookups; absent when AWS is not configured. */
  live?: LiveChecks;
  /** SAML / SCIM linters. */
  offline?: OfflineChecks;
  metrics?: Metrics;
  /** Who may run live lookups on whom (default: nobody but the CLI operator). */
  lookupPolicy?: LookupPolicy;
  /** What the chat platforms know about people: user groups (`lookupPolicy.allowedGroups`) and own e-mails (self-service). */
  people?: People;
  /** Every live lookup, allowed or denied, is recorded here. */
  audit?: AuditLog;
  /** Escalations to the support team; absent: escalate says it is not set up. */
  escalations?: EscalationService;
  /** Keeps each thread's last message and answer (for escalations and `report`). */
  memory?: ConversationMemory;
}

export interface ActionInput {
  id: ActionId;
  value: string;
  actor: Actor;
  conversation: Conversation;
}

/** What the assistant decided, with the match that led there (edges log it; metrics count it). */
export interface Outcome {
  reply: Reply | null;
  match?: MatchResult;
}

/**
 * The platform-free core: takes a neutral input, returns a neutral reply (or null to stay silent).
 * Never throws for bad input: every failure becomes a reply a person can act on.
 */
export class Assistant {
  readonly articles: ReadonlyMap<string, Article>;
  readonly matcher: Matcher;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly feedback: FeedbackStore;
  private readonly metrics: Metrics;
  private readonly audit: AuditLog;

  constructor(private readonly deps: AssistantDeps) {
    this.articles = new Map(deps.articles.map((a) => [a.id, a]));
    this.matcher = deps.matcher ?? new Matcher(deps.articles, deps.examples ?? []);
    this.clock = deps.clock ?? systemClock;
    this.logger = deps.logger ?? silentLogger;
    this.feedback = deps.feedback ?? new MemoryFeedbackStore();
    this.metrics = deps.metrics ?? noMetrics;
    this.audit = deps.audit ?? new MemoryStore();
  }

  async handle(input: Input): Promise<Reply | null> {
    return (await this.decide(input)).reply;
  }

  async decide(input: Input): Promise<Outcome> {
    const command = this.commandFor(input);
    const prefix = input.conversation.commandPrefix ?? '';
    switch (command.name) {
      case 'ask':
        return this.ask(command.text, input);
      case 'help':
        return { reply: composeHelp(prefix) };
      case 'unknown':
        return { reply: composeHelp(prefix, command.problem) };
      case 'kb':
        return { reply: this.kb(command.articleId) };
      case 'check':
        return { reply: await this.check(command, input) };
      case 'live':
        return { reply: await this.live(command, input, prefix) };
      case 'escalate':
      case 'escalations':
      case 'escalation':
        return { reply: await runEscalationCommand(this.deps.escalations, command, input, prefix) };
    }
  }

  async act(action: ActionInput): Promise<Reply | null> {
    const payload = decodeAction(action.value);
    switch (action.id) {
      case 'feedback.helpful':
      case 'feedback.not_helpful': {
        if (!payload.a || !payload.h) return notice('That button has expired', 'Ask again to get a fresh answer.');
        const helpful = action.id === 'feedback.helpful';
        try {
          const at = this.clock.now();
          await this.feedback.recordFeedback({ articleId: payload.a, messageHash: payload.h, helpful, actor: action.actor, at });
          await this.feedback.recordSignal({ messageHash: payload.h, kind: helpful ? 'helpful' : 'not_helpful', articleId: payload.a, actor: action.actor, at });
        } catch (err) {
          this.logger.warn({ err: (err as Error).message }, 'could not record feedback');
          return notice('Could not record your feedback', 'The database did not answer. Thanks for trying; the answer itself is unaffected.');
        }
        return helpful ? notice('Thanks, noted.', 'Glad it helped.') : composeNotHelpful(payload);
      }
      case 'check.run':
        if (payload.unknownCheck !== undefined) {
          const known = LIVE_CHECKS.map((c) => `\`${c.words}\``).join(', ');
          const why = `The button asks for “${payload.unknownCheck}”, which this version of the bot does not have (the button may come from another version). I can run ${known}.`;
          return notice('That button runs a check this version does not have', why, { kind: 'error' });
        }
        if (!payload.c || !payload.s) return notice('That button has expired', 'Run the check as a command instead.');
        return this.runLive(payload.c, payload.s, action.actor, action.conversation);
      case 'kb.show':
        return this.kb(payload.a ?? '');
      case 'clarify.choose':
        return this.choose(payload.a, payload.h, action.actor);
      case 'escalate':
      case 'escalation.claim':
      case 'escalation.resolve':
      case 'escalation.reopen':
        return runEscalationAction(this.deps.escalations, { ...action, id: action.id }, payload, action.conversation.commandPrefix ?? '');
    }
  }

  /** A "Which one looks like your problem?" button: open that article as the answer, and record the choice. */
  private async choose(articleId: string | undefined, hash: string | undefined, actor: Actor): Promise<Reply> {
    const article = articleId ? this.articles.get(articleId) : undefined;
    if (!article || !hash) return notice('That button has expired', 'Ask again to get a fresh answer.');
    try {
      await this.feedback.recordSignal({ messageHash: hash, kind: 'clarify', articleId: article.id, actor, at: this.clock.now() });
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'could not record the clarify choice');
    }
    const empty: MatchResult = { matches: [], outcome: 'answer', clarify: [], unasked: null, idcProbability: 1, entities: this.matcher.match('').entities, truncated: false, inputChars: 0 };
    return composeAnswer(article, empty, this.articles, hash, true);
  }

  private commandFor(input: Input): Command {
    switch (input.trigger) {
      case 'command':
        return parseCommand(input.text, 'line');
      case 'mention':
      case 'dm':
      case 'console':
        return looksLikeCommand(input.text) ? parseCommand(input.text, 'message') : { name: 'ask', text: input.text };
      case 'shortcut':
      case 'watched':
        return { name: 'ask', text: input.text };
    }
  }

  private async ask(text: string, input: Input): Promise<Outcome> {
    const lint = await this.lintPasted(text, input);
    if (lint) return { reply: lint };
    const started = process.hrtime.bigint();
    const match = this.matcher.match(text);
    const best = match.matches[0];
    const explicit = isExplicit(input.trigger);
    this.logger.debug(
      { article: best?.articleId, confidence: best?.confidence, outcome: match.outcome, unasked: match.unasked, micros: Number(process.hrtime.bigint() - started) / 1000 },
      'matched',
    );
    const hash = messageHash(text);
    const answeredId = explicit ? (match.outcome === 'answer' ? best?.articleId : undefined) : (match.unasked ?? undefined);
    this.metrics.answered(answeredId ?? null, best?.confidence ?? 0, input.trigger);
    if (answeredId || explicit) {
      this.deps.memory?.rememberAsk({ input, text, messageHash: hash, articleId: best?.articleId, confidence: best?.confidence, answered: !!answeredId, outcome: answeredId ? 'answer' : match.outcome });
    }
    if (answeredId) return { reply: composeAnswer(this.articles.get(answeredId)!, match, this.articles, hash), match };
    if (!explicit) return { reply: null, match };
    switch (match.outcome) {
      case 'clarify':
        return { reply: composeClarify(match, this.articles, hash), match };
      case 'undocumented':
        return { reply: composeUndocumented(match, hash, !!this.deps.live), match };
      default:
        return { reply: composeOutside(match, this.articles, hash), match };
    }
  }

  /**
   * A pasted SAML response or SCIM payload (in the message or an attached file) gets the lint report.
   * Unasked (watched channels) only when something fails: a passing report nobody asked for is noise.
   */
  private async lintPasted(text: string, input: Input): Promise<Reply | undefined> {
    const offline = this.deps.offline;
    if (!offline) return undefined;
    for (const candidate of [text, ...(input.attachments ?? []).map((a) => a.text)]) {
      const kind = offline.detect(candidate);
      if (!kind) continue;
      const report = await (kind === 'saml' ? offline.lintSaml(candidate) : offline.lintScim(candidate));
      this.logger.debug({ lint: kind, verdict: report.verdict, failed: report.rules.filter((r) => r.status === 'fail').map((r) => r.id) }, 'linted a paste');
      if (isExplicit(input.trigger) || report.verdict === 'fail') return composeLintReport(report, this.articles);
      return undefined;
    }
    return undefined;
  }

  private kb(id: string): Reply {
    const article = this.articles.get(id);
    if (article) return composeArticle(article);
    const list = [...this.articles.values()].map((a) => `- \`${a.id}\`: ${a.title}`).join('\n');
    return {
      kind: 'help',
      text: `${id ? `No article "${id}". ` : ''}Articles:\n${[...this.articles.keys()].join('\n')}`,
      blocks: [
        ...(id ? [{ type: 'text' as const, text: `There is no article "${id.slice(0, 80)}".` }] : []),
        { type: 'heading', text: 'Knowledge base' },
        { type: 'markdown', text: list },
      ],
      visibility: 'private',
    };
  }

  private async check(command: Extract<Command, { name: 'check' }>, input: Input): Promise<Reply> {
    const text = command.subject || input.attachments?.[0]?.text || '';
    if (!this.deps.offline) return notice('SAML and SCIM linting is not available yet', 'This installation has no offline checks.');
    if (!text.trim()) {
      const what = command.kind === 'saml' ? 'SAML response (XML or base64)' : 'SCIM JSON payload';
      return notice(`Nothing to check`, `Paste the ${what} after \`check ${command.kind}\`, or attach it as a file.${command.kind === 'saml' ? ` ${SAML_PASTE_WARNING}` : ''}`);
    }
    return composeLintReport(await (command.kind === 'saml' ? this.deps.offline.lintSaml(text) : this.deps.offline.lintScim(text)), this.articles);
  }

  /** A typed live check; `check me` runs on the asker's own e-mail, as their chat platform reports it. */
  private async live(command: Extract<Command, { name: 'live' }>, input: Input, prefix: string): Promise<Reply> {
    if (!command.self) return this.runLive(command.check, command.subject, input.actor, input.conversation);
    const spec = liveCheck(command.check);
    const own = await ownEmail(this.deps.people ?? nobodyKnown, input.actor);
    if (!own) {
      return notice(
        'I do not know your e-mail',
        `Your chat platform did not tell me the e-mail of your account, so \`${spec.self?.words ?? spec.words}\` cannot tell who you are. Type \`${prefix}${spec.words} <your e-mail>\` instead.`,
      );
    }
    return this.runLive(command.check, own, input.actor, input.conversation);
  }

  private async runLive(check: LiveCheckName, subject: string, actor: Actor, conversation: Conversation): Promise<Reply> {
    const run = await runLiveCheck(
      {
        live: this.deps.live,
        policy: this.deps.lookupPolicy ?? DENY_ALL,
        people: this.deps.people ?? nobodyKnown,
        audit: this.audit,
        clock: this.clock,
        logger: this.logger,
        articles: this.articles,
        onOutcome: (outcome, lines) => {
          this.metrics.checked(check, outcome);
          this.deps.memory?.rememberChecks(conversation, lines);
        },
      },
      check,
      subject,
      actor,
      conversation,
    );
    return run.reply;
  }
}
