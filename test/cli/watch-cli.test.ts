import { runCli } from '../../src/cli/run-cli';
import { cli, memoryIo } from '../helpers/cli-process';
import { parseSince } from '../../src/cli/run-watch-cli';
import { awsCliEnv, Seeder, STORE_ID, testClients } from '../helpers/aws-seed';
import { startFakeAws, type FakeAws } from '../helpers/fake-aws-json';
import { describeMoto, startMoto, type Moto } from '../helpers/moto';
import { passwordRejected, scimCreateGroupConflict, scimPatchUserRejected, trailHandler, type TrailRecord } from '../helpers/watch-trail';


describe('watch CLI: usage and configuration errors', () => {
  const aws = { AWS_REGION: 'us-east-1', IDC_IDENTITY_STORE_ID: STORE_ID };
  it.each([
    [['watch'], aws, /watch runs one pass with --once/],
    [['watch', '--once', '--every', '5'], aws, /Unknown argument "--every"/],
    [['watch', '--once', '--since'], aws, /--since needs an ISO-8601 time, like 2026-12-01T09:00:00Z/],
    [['watch', '--once', '--since', 'yesterday'], aws, /--since needs an ISO-8601 time.*\(got "yesterday"\)/],
    [['watch', '--once', '--since', '2999-01-01T00:00:00Z'], aws, /--since is in the future/],
    [['watch', '--once', '--since', '2001-01-01'], aws, /more than 90 days ago: CloudTrail LookupEvents keeps 90 days/],
    [['watch', '--once'], {}, /The watcher reads CloudTrail: set AWS_REGION and IDC_IDENTITY_STORE_ID/],
    [['watch', '--once'], { ...aws, WATCH_INTERVAL_MINUTES: 'often' }, /WATCH_INTERVAL_MINUTES: must be a whole number from 0 to 1440/],
  ])('case %# exits 2 with a clear message', async (args, env, message) => {
    const io = memoryIo(env);
    expect(await runCli([...args, '--json'], io)).toBe(2);
    expect(io.stderr).toMatch(message);
    expect(io.stdout).toBe('');
  });

  it('accepts dates, times and offsets for --since', () => {
    const now = new Date('2026-12-01T12:00:00Z');
    expect(parseSince('2026-12-01', now)).toEqual(new Date('2026-12-01T00:00:00Z'));
    expect(parseSince('2026-12-01T10:30:00+01:00', now)).toEqual(new Date('2026-12-01T09:30:00Z'));
    expect(parseSince('2026-02-30T10:00:00Z', now)).toMatch(/not a valid time|more than 90 days/);
  });

  it('is in the usage', async () => {
    const io = memoryIo();
    await runCli(['help'], io);
    expect(io.stdout).toMatch(/watch --once \[--since <ISO-8601>\] \[--json\]/);
  });
});

describeMoto('watch --once against moto and a loopback CloudTrail (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_CLOUDTRAIL)', () => {
  let moto: Moto;
  let trail: FakeAws;
  let records: TrailRecord[] = [];
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    [moto, trail] = await Promise.all([startMoto(), startFakeAws(trailHandler(() => records))]);
    const seed = new Seeder(testClients(moto.url, trail.url));
    const alice = await seed.user({ UserName: 'alice@example.com' });
    const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000);
    records = [
      scimPatchUserRejected(alice, ago(2)),
      scimPatchUserRejected(alice, ago(3)),
      ...[1, 2, 3, 4, 5].map((m) => passwordRejected('carol@example.com', ago(m))),
      scimCreateGroupConflict(ago(3 * 60)), // outside the default window (the last interval)
    ];
    env = awsCliEnv(moto.url, trail.url);
  });
  afterAll(async () => {
    await Promise.all([moto?.stop(), trail?.close()]);
  });

  it('--json prints { alerts: [{ kind, subject, article, count, first, last, detail }] } and exits 1 on findings', async () => {
    const out = await cli(['watch', '--once', '--json'], env);
    expect(out.code).toBe(1);
    const { alerts } = JSON.parse(out.stdout) as { alerts: Array<Record<string, unknown>> };
    for (const a of alerts) expect(Object.keys(a)).toEqual(['kind', 'subject', 'article', 'count', 'first', 'last', 'detail']);
    expect(alerts).toEqual([
      expect.objectContaining({ kind: 'scim-failure', subject: 'user alice@example.com', article: 'scim-sync-user-fails', count: 2 }),
      expect.objectContaining({ kind: 'signin-failures', subject: 'carol@example.com', article: null, count: 5 }),
    ]);
    expect(new Date(alerts[0]!.first as string) < new Date(alerts[0]!.last as string)).toBe(true);
  });

  it('--since reaches further back; without --json it prints a readable digest', async () => {
    const since = new Date(Date.now() - 4 * 3_600_000).toISOString();
    const out = await cli(['watch', '--once', '--since', since], env);
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(/IAM Identity Center: what CloudTrail shows/);
    expect(out.stdout).toMatch(/SCIM provisioning failed: a group being created \(CloudTrail hides the name\)/);
    expect(out.stdout).toMatch(/Repeated sign-in failures: carol@example.com/);
  });

  it('says so, and exits 0, when nothing is wrong', async () => {
    const saved = records;
    records = [];
    const out = await cli(['watch', '--once'], env);
    records = saved;
    expect(out).toMatchObject({ code: 0 });
    expect(out.stdout).toMatch(/^Nothing wrong in CloudTrail since \S+ \(0 events read\)\.$/m);
  });
});
