import type { Article } from '../../knowledge/article';
import { authorizeLookup, lookupVisibility, type LookupPolicy } from './authorize-lookup';
import type { People } from '../ports/people';
import { runOn, type CheckReport, type LiveChecks } from './checks';
import { liveCheck, type LiveCheckName } from './live-check-registry';
import { composeCheckReport } from '../replies/compose-check-report';
import type { Actor, Conversation } from '../input';
import { notice } from '../replies/notice';
import type { Clock, Logger } from '../ports/ports';
import type { Reply } from '../replies/reply';
import type { AuditEntry, AuditLog } from '../ports/store';
import { hasNonTextChars } from '../text/detect-binary';
import { formatTime } from '../text/format-time';

export type { LiveCheckName } from './live-check-registry';

/** What one live check came to: the reply for the person, and the report when the check ran. */
export interface LiveCheckRun {
  reply: Reply;
  report?: CheckReport;
}

export interface LiveCheckDeps {
  live?: LiveChecks;
  policy: LookupPolicy;
  people: People;
  /** Every outcome, allowed or denied (the CLI writes it to stderr). */
  audit: Pick<AuditLog, 'recordLookup'>;
  clock: Clock;
  logger: Logger;
  articles: ReadonlyMap<string, Article>;
  /**
   * Told every outcome (metrics) and, for checks that ran, one summary line with finding codes
   * only (no names or e-mails), which escalations of the thread carry to the support team.
   */
  onOutcome?: (outcome: string, lines: string[]) => void;
}

/** User names are at most 128 characters and e-mails 254; anything longer is not a subject. */
export const MAX_SUBJECT_CHARS = 256;

/** What is wrong with the subject for this check (none needed: empty is fine), or undefined. */
export function checkSubjectProblem(check: LiveCheckName, subject: string): string | undefined {
  return liveCheck(check).needsSubject || subject.trim() ? subjectProblem(subject) : undefined;
}

/** Returns what is wrong with a subject, or undefined when it can be looked up. */
export function subjectProblem(subject: string): string | undefined {
  if (!subject.trim()) return 'needs a user name, e-mail or group name';
  if (subject.length > MAX_SUBJECT_CHARS) return `takes a user name, e-mail or group name of at most ${MAX_SUBJECT_CHARS} characters, not ${subject.length.toLocaleString('en-US')}`;
  if (hasNonTextChars(subject) || /[\t\n\r]/.test(subject)) return 'got control characters or binary data instead of a user name';
  return undefined;
}

function outcomeOf(report: CheckReport): string {
  return report.findings.some((f) => f.code === 'check-unavailable') ? 'unavailable' : 'allowed-ok';
}

async function record(deps: LiveCheckDeps, entry: AuditEntry): Promise<void> {
  try {
    await deps.audit.recordLookup(entry);
  } catch (err) {
    // The audit store failing must not lose the answer; the log keeps the entry's shape (no subject).
    deps.logger.error({ err, check: entry.check, outcome: entry.outcome, actor: entry.actor.id }, 'audit log write failed');
  }
}

/**
 * Authorise → audit → run → compose, for chat and the CLI alike (the CLI as the operator). Never
 * throws: every failure is a reply a person can act on; `report` is there when the check ran.
 */
export async function runLiveCheck(deps: LiveCheckDeps, check: LiveCheckName, rawSubject: string, actor: Actor, conversation: Conversation): Promise<LiveCheckRun> {
  const subject = rawSubject.trim();
  const problem = checkSubjectProblem(check, rawSubject);
  if (problem) return { reply: notice(`Cannot run the ${check} check`, `The ${check} check ${problem}.`, { kind: 'error' }) };
  if (!deps.live) {
    const how = 'Set `AWS_REGION`, `IDC_IDENTITY_STORE_ID` and `IDC_INSTANCE_ARN` to enable them. The knowledge base answers still work.';
    return { reply: notice('Live checks are not configured', how) };
  }
  const base = { at: deps.clock.now(), actor, check, subject };
  const decision = await authorizeLookup(deps.policy, actor, subject, deps.people);
  if (!decision.allowed) {
    await record(deps, { ...base, outcome: 'denied', detail: decision.reason });
    deps.onOutcome?.('denied', []);
    deps.logger.info({ check, actor: actor.id, platform: actor.platform, reason: decision.reason }, 'live lookup denied');
    const why =
      decision.reason === 'not-self'
        ? 'You may only look up yourself (the e-mail your chat account has). Ask the identity team to look up others.'
        : `You are not allowed to run live lookups. An operator can allow your id \`${actor.id.replace(/`/g, '')}\` in \`LOOKUP_ALLOWED_USERS\`.`;
    return { reply: notice('Not allowed', why) };
  }
  let report: CheckReport;
  try {
    report = await runOn(deps.live, check, subject);
  } catch (err) {
    await record(deps, { ...base, outcome: 'allowed-error', detail: (err as Error).name });
    deps.onOutcome?.('allowed-error', []);
    deps.logger.error({ err, check, actor: actor.id }, 'live check failed');
    return { reply: notice('The check failed', 'Something went wrong while reading AWS. The error is in the bot’s log; try again in a minute.', { kind: 'error' }) };
  }
  const outcome = outcomeOf(report);
  await record(deps, {
    ...base,
    outcome,
    detail: `${decision.reason}; found=${report.found}; ${report.findings.map((f) => f.code).join(',')}`.slice(0, 500),
  });
  deps.logger.info({ check, actor: actor.id, platform: actor.platform, outcome, findings: report.findings.length }, 'live lookup');
  const codes = report.findings.map((f) => `${f.code} (${f.severity})`).join(', ');
  deps.onOutcome?.(outcome, [`${check} check (${formatTime(deps.clock.now())}): ${report.found ? 'found' : 'not found'}${codes ? `; ${codes}` : ''}`]);
  // Every result says whether a person (or group) exists, even "not found" with no other data:
  // that is personal too, so it goes privately like the rest outside private support channels.
  return { reply: composeCheckReport(report, deps.articles, lookupVisibility(deps.policy, conversation, true)), report };
}
