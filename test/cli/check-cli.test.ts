import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, type CliIo } from '../../src/cli/run-cli';
import { projectRoot } from '../../src/paths';
import { fixturesDir } from '../helpers/builders';

function io(env: NodeJS.ProcessEnv = {}, stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), readFile: (p) => (p === '-' ? stdin : readFileSync(p, 'utf8')), env };
  return { cli, out: () => out.join(''), err: () => err.join('') };
}

const saml = (file: string) => join(fixturesDir, 'saml', file);
const scim = (file: string) => join(fixturesDir, 'scim', file);

describe('npm run cli -- check saml|scim', () => {
  it('prints the JSON verdict and exits 0 for a failing response', async () => {
    const t = io();
    expect(await runCli(['check', 'saml', saml('py3saml_two_assertions.xml.base64'), '--json'], t.cli)).toBe(0);
    const json = JSON.parse(t.out()) as { verdict: string; rules: Array<Record<string, unknown>> };
    expect(json.verdict).toBe('fail');
    expect(json.rules).toHaveLength(12);
    expect(Object.keys(json.rules[0]!).sort()).toEqual(['article', 'evidence', 'id', 'status']);
    expect(json.rules.find((r) => r.id === 'saml-assertion-count')).toEqual({
      id: 'saml-assertion-count',
      status: 'fail',
      evidence: expect.stringMatching(/^2 top-level assertions/),
      article: 'external-idp-unexpected-error',
    });
  });

  it('exits 0 for a pass, and renders text without --json', async () => {
    const t = io();
    expect(await runCli(['check', 'scim', scim('awsdocs_idc_scim_devguide_CreateUser_request_reference.http')], t.cli)).toBe(0);
    expect(t.out()).toMatch(/^== SCIM payload: no problems found ==/);
  });

  it('takes --abac and --acs, and IDC_ACS_URL from the environment', async () => {
    const file = saml('py3saml_simplesamlphp_email_nameid_clean.xml');
    const acs = 'https://us-east-1.signin.aws.amazon.com/platform/saml/acs/x';
    const verdict = async (args: string[], env = {}) => {
      const t = io(env);
      await runCli(['check', 'saml', file, '--json', ...args], t.cli);
      return (JSON.parse(t.out()) as { verdict: string }).verdict;
    };
    expect(await verdict([])).toBe('pass');
    expect(await verdict(['--acs', acs])).toBe('fail');
    expect(await verdict([], { IDC_ACS_URL: acs })).toBe('fail');
    expect(await verdict(['--acs', 'https://example.hello.com/access/saml'])).toBe('pass');
    const dup = io();
    await runCli(['check', 'saml', saml('py3saml_duplicate_attribute_names.xml.base64'), '--json', '--abac'], dup.cli);
    expect((JSON.parse(dup.out()) as { verdict: string }).verdict).toBe('fail');
  });

  it('exits 2 for unusable input, with the reason', async () => {
    const t = io({}, 'not json at all');
    expect(await runCli(['check', 'scim', '-', '--json'], t.cli)).toBe(2);
    expect(JSON.parse(t.out())).toEqual({ verdict: 'error', rules: [], error: expect.stringMatching(/No JSON found/) });
    const bomb = io();
    expect(await runCli(['check', 'saml', saml('rubysaml_billion_laughs_doctype_entities.xml')], bomb.cli)).toBe(2);
    expect(bomb.out()).toMatch(/DOCTYPE or ENTITY/);
  });

  it.each([
    [['check', 'saml'], /needs one file, or - to read stdin/],
    [['check', 'saml', 'a.xml', 'b.xml'], /needs one file/],
    [['check', 'scim', 'x.json', '--frob'], /Unknown option "--frob"/],
    [['check', 'saml', 'x.xml', '--acs', 'nope'], /--acs needs the ACS URL/],
    [['check', 'saml', '/nonexistent/response.xml'], /File not found: \/nonexistent\/response\.xml/],
  ])('exits 2 for %j', async (argv, message) => {
    const t = io();
    expect(await runCli(argv, t.cli)).toBe(2);
    expect(t.err()).toMatch(message);
  });

  it('reads stdin with "-" as a real process', () => {
    const run = (args: string[], input: string) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: projectRoot, input, encoding: 'utf8', timeout: 20_000 });
    const ok = run(['check', 'saml', '-', '--json'], readFileSync(saml('crewjam_okta_signed_response_encrypted_assertion.base64'), 'utf8'));
    expect(ok.status).toBe(0);
    expect((JSON.parse(ok.stdout) as { verdict: string }).verdict).toBe('fail');
    const bad = run(['check', 'scim', '-'], '\u0000\u0001binary');
    expect(bad.status).toBe(2);
    expect(bad.stdout).toMatch(/binary data/);
  });
});
