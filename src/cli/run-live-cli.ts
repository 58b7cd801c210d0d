import type { AwsConfig } from '../config/load-config';
import { loadCliConfig } from './load-cli-config';
import type { CheckReport, LiveChecks } from '../core/checks/checks';
import { composeCheckReport } from '../core/replies/compose-check-report';
import type { Actor } from '../core/input';
import { subjectProblem, type LiveCheckName } from '../core/checks/run-live-check';
import type { AuditEntry } from '../core/ports/store';
import { loadKnowledge } from '../knowledge/load-knowledge';
import { renderText } from '../render/render-text';
import type { CliIo } from './cli-io';

export const LIVE_USAGE = `  check user <name|email> [--json]       look the user up in the Identity Store and CloudTrail
  check assignments <user|group> [--json] find account assignments that point at deleted principals
  trail <user> [--json]                   the story of the user's recent sign-ins from CloudTrail
`;

const operator: Actor = { platform: 'cli', id: 'operator', name: 'CLI operator' };

/** `check user …`, `check assignments …` and `trail …`: the CLI's live checks. */
export function isLiveCheckCommand(args: readonly string[]): boolean {
  return args[0] === 'trail' || (args[0] === 'check' && (args[1] === 'user' || args[1] === 'assignments'));
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
 * Runs a live check as the operator (no chat authorisation) and writes the audit entry as one
 * JSON line to stderr. Exit codes: 0 nothing wrong, 1 the check found a problem or could not
 * run fully, 2 bad usage or configuration.
 */
export async function runLiveCli(
  args: readonly string[],
  json: boolean,
  io: CliIo,
  makeChecks: (config: AwsConfig) => Promise<LiveChecks> = async (config) => (await import('../checks/aws/create-aws-live-checks')).createAwsLiveChecks(config),
): Promise<number> {
  const check: LiveCheckName = args[0] === 'trail' ? 'trail' : args[1] === 'user' ? 'user' : 'assignments';
  const subject = (args[0] === 'trail' ? args.slice(1) : args.slice(2)).join(' ').trim();
  const problem = subjectProblem(subject);
  if (problem) {
    io.err(`${args[0] === 'trail' ? 'trail' : `check ${check}`} ${problem}: npm run --silent cli -- ${args[0] === 'trail' ? 'trail' : `check ${check}`} alice@example.com\n`);
    return 2;
  }
  const config = loadCliConfig(io);
  if (!config) return 2;
  if (!config.aws) {
    io.err('Live checks are not configured: set AWS_REGION and IDC_IDENTITY_STORE_ID (and IDC_INSTANCE_ARN for assignments). Credentials come from the AWS default chain.\n');
    return 2;
  }
  const live = await makeChecks(config.aws);
  const report = check === 'user' ? await live.checkUser(subject) : check === 'trail' ? await live.trail(subject) : await live.checkAssignments(subject);
  const unavailable = report.findings.some((f) => f.code === 'check-unavailable');
  const audit: AuditEntry = {
    at: new Date(),
    actor: operator,
    check,
    subject,
    outcome: unavailable ? 'unavailable' : 'allowed-ok',
    detail: `operator; found=${report.found}; ${report.findings.map((f) => f.code).join(',')}`,
  };
  io.err(`${JSON.stringify({ audit: { ...audit, actor: operator.id } })}\n`);
  if (json) io.out(`${JSON.stringify(reportJson(report), null, 2)}\n`);
  else {
    const articles = new Map(loadKnowledge(config.knowledgeDirs).map((a) => [a.id, a]));
    io.out(`${renderText(composeCheckReport(report, articles, 'private'))}\n`);
  }
  return unavailable || report.findings.some((f) => f.severity === 'error') ? 1 : 0;
}
