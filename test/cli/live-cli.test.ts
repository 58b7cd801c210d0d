import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run-cli';
import { cli, memoryIo } from '../helpers/cli-process';
import { awsCliEnv, Seeder, testClients } from '../helpers/aws-seed';
import { fixturesDir } from '../helpers/builders';
import { lookupEventsHandler, startFakeAws, storedEvent, type FakeAws } from '../helpers/fake-aws-json';
import { describeMoto, startMoto, type Moto } from '../helpers/moto';


describe('live check CLI: usage and configuration errors', () => {
  it.each([
    [['check', 'user'], {}, /check user needs a user name, e-mail or group name/],
    [['trail', 'x'.repeat(300)], {}, /at most 256 characters/],
    [['check', 'user', 'alice@example.com'], {}, /Live checks are not configured: set AWS_REGION and IDC_IDENTITY_STORE_ID/],
    [['check', 'assignments', 'admins'], { IDC_IDENTITY_STORE_ID: 'd-1234567890' }, /AWS_REGION: required/],
    [['trail', 'alice'], { AWS_REGION: 'us-east-1', IDC_IDENTITY_STORE_ID: 'nope' }, /IDC_IDENTITY_STORE_ID: must look like d-1234567890/],
  ])('case %# exits 2 with a clear message', async (args, env, message) => {
    const io = memoryIo(env);
    expect(await runCli([...args, '--json'], io)).toBe(2);
    expect(io.stderr).toMatch(message);
    expect(io.stdout).toBe('');
  });

  it('lists the live checks in its usage', async () => {
    const io = memoryIo();
    await runCli(['help'], io);
    expect(io.stdout).toMatch(/check user <name\|email> \[--json\][\s\S]*check assignments <user\|group>[\s\S]*trail <user>/);
  });
});

describeMoto('live check CLI against moto through AWS_ENDPOINT_URL', () => {
  let moto: Moto;
  let trail: FakeAws;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    [moto, trail] = await Promise.all([startMoto(), startFakeAws(lookupEventsHandler([]))]);
    const record = readFileSync(join(fixturesDir, 'cloudtrail', 'awsdocs_signin_CredentialVerification_password_FAILURE.json'), 'utf8');
    trail.handler = lookupEventsHandler([storedEvent(record.replace('"userName":"user1"', '"userName":"alice@example.com"'))]);
    const seed = new Seeder(testClients(moto.url, trail.url));
    await seed.user({ UserName: 'alice@example.com', Emails: [{ Value: 'alice@example.com', Primary: true }, { Value: 'a@home.example' }] });
    const { instanceArn } = await seed.instance();
    env = awsCliEnv(moto.url, trail.url, { IDC_INSTANCE_ARN: instanceArn });
  });
  afterAll(async () => {
    await Promise.all([moto?.stop(), trail?.close()]);
  });

  it('check user --json prints the stable shape, audits to stderr, and exits by what it found', async () => {
    const [found, missing, text] = await Promise.all([
      cli(['check', 'user', 'alice@example.com', '--json'], env),
      cli(['check', 'user', 'nobody@example.com', '--json'], env),
      cli(['check', 'assignments', 'alice@example.com'], env),
    ]);

    const report = JSON.parse(found.stdout) as { subject: string; found: boolean; findings: Array<Record<string, unknown>> };
    expect(report).toMatchObject({ subject: 'alice@example.com', found: true });
    expect(report.findings.map((f) => f.code)).toEqual(['user-found', 'multi-valued-attribute', 'credential-verification-failed']);
    for (const f of report.findings) expect(Object.keys(f).slice(0, 4)).toEqual(['code', 'article', 'severity', 'detail']);
    expect(report.findings[1]).toMatchObject({ article: 'scim-sync-user-fails', severity: 'warning' });
    expect(found.code).toBe(0);
    const audit = JSON.parse(found.stderr.trim().split('\n').pop()!) as { audit: Record<string, unknown> };
    expect(audit.audit).toMatchObject({ actor: 'operator', check: 'user', subject: 'alice@example.com', outcome: 'allowed-ok' });
    expect(trail.requests.length).toBeGreaterThan(0);

    const none = JSON.parse(missing.stdout) as { found: boolean; findings: Array<{ code: string; article: string | null }> };
    expect(none.found).toBe(false);
    expect(none.findings[0]).toMatchObject({ code: 'user-not-found', article: 'invalid-mfa-credentials' });
    expect(missing.code).toBe(1);

    expect(text.stdout).toMatch(/== Assignment check ==/);
    expect(text.stdout).toMatch(/No account assignment for this user/);
    expect(text.code).toBe(0);
  });
});
