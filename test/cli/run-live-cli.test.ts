import type { CheckReport } from '../../src/core/checks/checks';
import { LIVE_CHECKS, type LiveCheckName } from '../../src/core/checks/live-check-registry';
import { runCli } from '../../src/cli/run-cli';
import { runLiveCli } from '../../src/cli/run-live-cli';
import { memoryIo } from '../helpers/cli-process';
import { stubLiveChecks } from '../helpers/stub-live-checks';

const env = { AWS_REGION: 'us-east-1', IDC_IDENTITY_STORE_ID: 'd-1234567890' };

const checks = stubLiveChecks;

const ok = async (check: LiveCheckName, subject: string): Promise<CheckReport> => ({
  check,
  subject,
  found: true,
  personalData: true,
  findings: [{ code: 'user-found', severity: 'ok', detail: `Found ${subject}.` }],
});

const auditOf = (stderr: string) => (JSON.parse(stderr.trim().split('\n').pop()!) as { audit: Record<string, unknown> }).audit;

describe('CLI live checks: from the registry, through the same path as chat', () => {
  it.each(LIVE_CHECKS.map((c) => [c.words, c.name]))('"%s" runs as the operator, prints the report and audits it on stderr', async (words, name) => {
    const { live, calls } = checks(ok);
    const io = memoryIo(env);
    expect(await runLiveCli([...words.split(' '), 'Domain', 'Guests'], true, io, async () => live)).toBe(0);
    expect(calls).toEqual([`${name}:Domain Guests`]);
    expect(JSON.parse(io.stdout)).toMatchObject({ check: name, subject: 'Domain Guests', found: true, findings: [{ code: 'user-found', article: null }] });
    expect(auditOf(io.stderr)).toMatchObject({ actor: 'operator', check: name, subject: 'Domain Guests', outcome: 'allowed-ok', detail: 'operator; found=true; user-found' });
  });

  it('renders text without --json, and exits 1 when the check found an error', async () => {
    const { live } = checks(async (check, subject) => ({ ...(await ok(check, subject)), findings: [{ code: 'user-not-found', severity: 'error', detail: 'No user "bob".' }] }));
    const io = memoryIo(env);
    expect(await runLiveCli(['trail', 'bob'], false, io, async () => live)).toBe(1);
    expect(io.stdout).toMatch(/No user "bob"\./);
  });

  it('turns a failing check into the chat path\'s message and exit 1, and audits the error', async () => {
    const { live } = checks(async () => Promise.reject(new Error('socket hang up')));
    const io = memoryIo(env);
    expect(await runLiveCli(['check', 'user', 'bob'], true, io, async () => live)).toBe(1);
    expect(io.stdout).toBe('');
    expect(io.stderr).toMatch(/The check failed/);
    expect(io.stderr).toContain('"outcome":"allowed-error"');
  });

  it.each([[['check', 'me']], [['check', 'user', 'me']]])('%j is a usage error: the operator has no chat e-mail', async (args) => {
    const io = memoryIo(env);
    expect(await runCli([...args, '--json'], io)).toBe(2);
    expect(io.stderr).toMatch(/check me runs on your chat account's e-mail; the CLI runs as the operator, who has none/);
    expect(io.stderr).toMatch(/check user <name\|email> \[--json\]/);
    expect(io.stdout).toBe('');
  });

  it('answers a check this version does not have with exit 2, the checks it has, and the usage', async () => {
    const io = memoryIo(env);
    expect(await runCli(['check', 'permissions', 'bob'], io)).toBe(2);
    expect(io.stderr).toMatch(/^check needs one of: user, assignments, saml, scim; "permissions" is not a check this version has\./);
    expect(io.stderr).toMatch(/Usage: npm run --silent cli/);
  });
});
