import { lintSaml, type SamlLintOptions } from '../checks/saml/lint-saml';
import { lintScim } from '../checks/scim/lint-scim';
import { composeLintReport } from '../core/replies/compose-lint-report';
import { renderText } from '../render/render-text';
import type { CliIo } from './cli-io';

export const LINT_USAGE = `  check saml <file|-> [--json] [--abac|--no-abac] [--acs <url>]
                               lint a SAML response (XML, base64, URL-encoded; - reads stdin)
  check scim <file|-> [--json] lint a SCIM user, group or PATCH body (JSON or an .http request)
`;

/**
 * `check saml|scim <file|->`: exit 0 with a verdict (pass or fail), 2 when the input is unusable
 * or the command is wrong. `--json` prints {verdict, rules: [{id, status, evidence, article}]}.
 */
export async function runLintCommand(args: string[], json: boolean, io: CliIo): Promise<number> {
  const [kind, ...rest] = args;
  const options: SamlLintOptions = {};
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--abac') options.abac = true;
    else if (arg === '--no-abac') options.abac = false;
    else if (arg === '--acs') options.acsUrl = rest[++i];
    else if (arg.startsWith('--') && arg !== '-') {
      io.err(`Unknown option "${arg}" for check ${kind}.\n${LINT_USAGE}`);
      return 2;
    } else files.push(arg);
  }
  options.acsUrl ??= io.env.IDC_ACS_URL || undefined;
  if (files.length !== 1) {
    io.err(`check ${kind} needs one file, or - to read stdin: npm run --silent cli -- check ${kind} response.xml\n`);
    return 2;
  }
  if ('acsUrl' in options && options.acsUrl !== undefined && !/^https?:\/\//.test(options.acsUrl)) {
    io.err('--acs needs the ACS URL, like https://us-east-1.signin.aws.amazon.com/platform/saml/acs/…\n');
    return 2;
  }
  const text = io.readFile(files[0]!);
  const report = kind === 'saml' ? lintSaml(text, options) : lintScim(text);
  if (json) {
    const rules = report.rules.map(({ id, status, evidence, article }) => ({ id, status, evidence, article: article ?? null }));
    io.out(`${JSON.stringify({ verdict: report.verdict, rules, ...(report.error ? { error: report.error } : {}) }, null, 2)}\n`);
  } else {
    io.out(`${renderText(composeLintReport(report, new Map()))}\n`);
  }
  return report.verdict === 'error' ? 2 : 0;
}
