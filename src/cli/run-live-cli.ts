import type { AwsConfig } from '../config/load-config';
import { loadCliConfig } from './load-cli-config';
import { DENY_ALL } from '../core/checks/authorize-lookup';
import type { CheckReport } from '../core/checks/checks';
import { LIVE_CHECKS, liveCheck, matchLiveCheck, usageOf, type LiveCheckSpec } from '../core/checks/live-check-registry';
import type { LiveChecks } from '../core/checks/checks';
import { nobodyKnown } from '../core/ports/people';
import { silentLogger, systemClock } from '../core/ports/ports';
import { checkSubjectProblem, runLiveCheck } from '../core/checks/run-live-check';
import { loadKnowledge } from '../knowledge/load-knowledge';
import { renderText } from '../render/render-text';
import { operator, type CliIo } from './cli-io';

/** The live checks' lines of the CLI usage, from the registry (`check me` has no CLI form: the operator has no chat e-mail). */
export const LIVE_USAGE = LIVE_CHECKS.map((c: LiveCheckSpec) => `  ${`${usageOf(c)} [--json]`.padEnd(38)} ${c.summary}\n`).join('');

/** `check user …`, `check assignments …`, `trail …`, `check me`: the registry's live checks, as CLI arguments. */
export function isLiveCheckCommand(args: readonly string[]): boolean {
  return matchLiveCheck(args.join(' ')) !== undefined;
}

/** The `--json` shape: stable keys; `article` is null when a finding has none. */
export function reportJson(report: CheckReport): object {
  return {
    check: report.check,
    subject: report.subject,
    found: report.found,
    findings: report.findings.map((f) => ({ code: f.code, article: f.article ?? null, severity: f.severity, detail: f.detail, ...(f.fix ? { fix: f.fix } : {}) })),
    lines: report.lines ?? [],
  };
}

/**
 * Runs a live check as the operator through the same path as chat (authorise → audit → run →
 * compose); the audit entry goes to stderr as one JSON line. Exit codes: 0 nothing wrong, 1 the
 * check found a problem or could not run fully, 2 bad usage or configuration.
 */
export async function runLiveCli(
  args: readonly string[],
  json: boolean,
  io: CliIo,
  makeChecks: (config: AwsConfig) => Promise<LiveChecks> = async (config) => (await import('../checks/aws/create-aws-live-checks')).createAwsLiveChecks(config),
): Promise<number> {
  const line = matchLiveCheck(args.join(' '));
  if (!line) {
    io.err(`"${args.join(' ').slice(0, 60)}" is not a live check.\n${LIVE_USAGE}`);
    return 2;
  }
  const spec = liveCheck(line.check);
  if ('self' in line && line.self) {
    io.err(`${spec.self?.words ?? spec.words} runs on your chat account's e-mail; the CLI runs as the operator, who has none. Name the user: npm run --silent cli -- ${spec.words} alice@example.com\n${LIVE_USAGE}`);
    return 2;
  }
  const subject = 'subject' in line ? line.subject : '';
  const problem = checkSubjectProblem(line.check, subject);
  if (problem) {
    io.err(`${spec.words} ${problem}: npm run --silent cli -- ${spec.words} alice@example.com\n`);
    return 2;
  }
  const config = loadCliConfig(io);
  if (!config) return 2;
  if (!config.aws) {
    io.err('Live checks are not configured: set AWS_REGION and IDC_IDENTITY_STORE_ID (and IDC_INSTANCE_ARN for assignments). Credentials come from the AWS default chain.\n');
    return 2;
  }
  const run = await runLiveCheck(
    {
      live: await makeChecks(config.aws),
      policy: DENY_ALL,
      people: nobodyKnown,
      audit: { recordLookup: async (entry) => io.err(`${JSON.stringify({ audit: { ...entry, actor: entry.actor.id } })}\n`) },
      clock: systemClock,
      logger: silentLogger,
      articles: new Map(loadKnowledge(config.knowledgeDirs).map((a) => [a.id, a])),
    },
    line.check,
    subject,
    operator,
    { platform: 'cli', channelId: 'cli' },
  );
  const { report } = run;
  if (!report) {
    io.err(`${renderText(run.reply)}\n`);
    return 1;
  }
  io.out(json ? `${JSON.stringify(reportJson(report), null, 2)}\n` : `${renderText(run.reply)}\n`);
  const unavailable = report.findings.some((f) => f.code === 'check-unavailable');
  return unavailable || report.findings.some((f) => f.severity === 'error') ? 1 : 0;
}
