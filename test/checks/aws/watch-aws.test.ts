import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAwsLiveChecks, createAwsWatchSource, createTrailBucket } from '../../../src/checks/aws/create-aws-live-checks';
import { TokenBucket } from '../../../src/checks/aws/token-bucket';
import type { AwsConfig } from '../../../src/config/load-config';
import { decodeAction } from '../../../src/core/commands/action-payload';
import type { Store } from '../../../src/core/ports/store';
import type { DigestPoster } from '../../../src/core/watch/watch-ports';
import { Watcher } from '../../../src/core/watch/watcher';
import { createStore } from '../../../src/store/create-store';
import { silentLogger } from '../../../src/core/ports/ports';
import { Seeder, STORE_ID, testClients } from '../../helpers/aws-seed';
import { awsError, startFakeAws, type FakeAws } from '../../helpers/fake-aws-json';
import { FakeClock } from '../../helpers/fake-clock';
import { describeMoto, startMoto, type Moto } from '../../helpers/moto';
import { recordingLogger } from '../../teams/recording-logger';
import { RecordingPoster } from '../../helpers/recording-poster';
import {
  assignmentFailed,
  externalIdpRejected,
  passwordRejected,
  scimCreateGroupConflict,
  scimCreateUser,
  scimDeleteUser,
  scimPatchUserRejected,
  trailHandler,
  type TrailRecord,
} from '../../helpers/watch-trail';

const minutesBefore = (clock: FakeClock, m: number) => new Date(clock.now().getTime() - m * 60_000);

describeMoto('the CloudTrail watcher on moto (Identity Store, sso-admin) and a loopback CloudTrail', () => {
  let moto: Moto;
  let trail: FakeAws;
  let records: TrailRecord[];
  let seed: Seeder;
  let instance: { instanceArn: string; accountId: string };
  let dir: string;
  let store: Store;
  let clock: FakeClock;
  let aws: AwsConfig;

  const source = (s: Store) =>
    createAwsWatchSource(aws, { bucket: new TokenBucket({ ratePerSecond: 1000, burst: 100 }), deletions: s, signinThreshold: 5 }, testClients(moto.url, trail.url));
  const watcher = (s: Store, poster: DigestPoster, logger = silentLogger) => new Watcher({ source: source(s), store: s, posters: [poster], clock, logger, intervalMinutes: 5 });

  beforeAll(async () => {
    [moto, trail] = await Promise.all([startMoto(), startFakeAws(trailHandler(() => records))]);
    dir = mkdtempSync(join(tmpdir(), 'watch-aws-'));
  });
  afterAll(async () => {
    await Promise.all([moto?.stop(), trail?.close()]);
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await moto.reset();
    seed = new Seeder(testClients(moto.url, trail.url));
    instance = await seed.instance();
    aws = { region: 'us-east-1', identityStoreId: STORE_ID, instanceArn: instance.instanceArn, callTimeoutMs: 3_000, trailDays: 7 };
    records = [];
    trail.handler = trailHandler(() => records);
    trail.requests.length = 0;
    clock = new FakeClock();
    store = await createStore({ kind: 'sqlite', file: join(dir, `${Date.now()}-${Math.random()}.sqlite`) }, silentLogger);
  });
  afterEach(async () => {
    await store.close();
  });

  it('finds each kind, posts one digest with a line and buttons per finding, and reports nothing new on the next pass', async () => {
    const alice = await seed.user({ UserName: 'alice@example.com' });
    const oldBob = await seed.user({ UserName: 'bob@example.com' });
    const setArn = await seed.assign(instance.instanceArn, instance.accountId, 'Admins', 'USER', oldBob);
    await seed.deleteUser(oldBob);
    const newBob = await seed.user({ UserName: 'bob@example.com' });
    records = [
      scimPatchUserRejected(alice, minutesBefore(clock, 9)),
      scimPatchUserRejected(alice, minutesBefore(clock, 4)),
      scimCreateGroupConflict(minutesBefore(clock, 8)),
      scimDeleteUser(oldBob, minutesBefore(clock, 7)),
      scimCreateUser(newBob, minutesBefore(clock, 6)),
      ...[1, 2, 3, 4, 5].map((m) => passwordRejected('carol@example.com', minutesBefore(clock, m))),
      ...[1, 2].map((m) => passwordRejected('dave@example.com', minutesBefore(clock, m))),
      externalIdpRejected(minutesBefore(clock, 3)),
      assignmentFailed(setArn, instance.accountId, minutesBefore(clock, 2)),
    ];
    const poster = new RecordingPoster();
    const w = watcher(store, poster);

    const pass = await w.runOnce();
    expect(pass.outcome).toBe('posted');
    const byKind = (k: string) => pass.found.filter((a) => a.kind === k);
    expect(byKind('scim-failure')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ subject: 'user alice@example.com', count: 2, article: 'scim-sync-user-fails', check: { name: 'user', subject: 'alice@example.com' } }),
        expect.objectContaining({ subject: expect.stringMatching(/group being created/), count: 1, article: 'scim-duplicate-conflict' }),
      ]),
    );
    expect(byKind('scim-failure')[0]!.detail).toMatch(/List attribute emails exceeds allowed limit of 1/);
    const [recreated] = byKind('recreated-principal');
    expect(recreated).toMatchObject({ subject: 'user bob@example.com', article: 'stale-principal-after-recreate', check: { name: 'assignments', subject: 'bob@example.com' } });
    expect(recreated!.detail).toContain(oldBob);
    expect(recreated!.detail).toContain(newBob);
    const [stale] = byKind('stale-assignment');
    expect(stale!.subject).toBe(`account ${instance.accountId}, permission set Admins`);
    expect(stale!.detail).toContain(`user id ${oldBob}, which no longer exists`);
    expect(stale!.detail).toContain(`created again as ${newBob}`);
    expect(stale!.fix).toContain(`delete-account-assignment --instance-arn ${instance.instanceArn}`);
    expect(stale!.fix).toContain(`--principal-id ${oldBob}`);
    expect(stale!.fix).toContain(`create-account-assignment --instance-arn ${instance.instanceArn} --target-id ${instance.accountId} --target-type AWS_ACCOUNT --permission-set-arn ${setArn} --principal-type USER --principal-id ${newBob}`);
    expect(byKind('signin-failures')).toEqual([expect.objectContaining({ subject: 'carol@example.com', count: 5, check: { name: 'user', subject: 'carol@example.com' } })]);
    expect(byKind('provisioning-failure')).toEqual([
      expect.objectContaining({ subject: `permission set Admins, account ${instance.accountId}`, article: 'account-assignment-failed', detail: expect.stringMatching(/CreateAccountAssignment failed: ValidationException/) }),
    ]);
    expect(pass.found).toHaveLength(6);
    expect(pass.found.every((a) => a.first <= a.last)).toBe(true);

    // One digest: a finding line and a row of buttons for each, then the exact fix.
    expect(poster.posted).toHaveLength(1);
    const digest = poster.posted[0]!;
    const lines = digest.blocks.filter((b) => b.type === 'findings');
    const rows = digest.blocks.filter((b) => b.type === 'actions');
    expect(lines).toHaveLength(6);
    expect(rows).toHaveLength(6);
    rows.forEach((row, i) => {
      const line = lines[i]!;
      if (row.type !== 'actions' || line.type !== 'findings') throw new Error('not a line and its buttons');
      expect(row.actions.map((a) => a.id)).toEqual([...(line.items[0]!.article ? ['kb.show'] : []), ...row.actions.filter((a) => a.id === 'check.run').map(() => 'check.run'), 'escalate']);
    });
    expect(rows.filter((r) => r.type === 'actions' && r.actions.some((a) => a.id === 'kb.show'))).toHaveLength(5);
    const aliceRow = rows[lines.findIndex((b) => b.type === 'findings' && b.items[0]!.title.includes('alice@example.com'))]!;
    if (aliceRow.type !== 'actions') throw new Error('not actions');
    expect(aliceRow.actions.map((a) => [a.id, decodeAction(a.value)])).toEqual([
      ['kb.show', { a: 'scim-sync-user-fails' }],
      ['check.run', { c: 'user', s: 'alice@example.com' }],
      ['escalate', { a: 'scim-sync-user-fails' }],
    ]);
    expect(digest.blocks.some((b) => b.type === 'code' && b.text.includes(newBob))).toBe(true);
    expect(digest.text).toMatch(/SCIM provisioning failed: user alice@example.com \(2×/);

    // The next interval re-reads the overlap, but every record was seen: quiet, nothing posted.
    clock.advance(5);
    const again = await w.runOnce();
    expect(again.events.read).toBeGreaterThan(0);
    expect(again.events.fresh).toBe(0);
    expect(again).toMatchObject({ outcome: 'quiet', found: [], reported: [] });
    expect(poster.posted).toHaveLength(1);
  });

  it('pairs a deletion from an earlier interval with a later re-creation (SCIM re-creates at its next cycle)', async () => {
    const oldGroupUser = await seed.user({ UserName: 'erin@example.com' });
    await seed.assign(instance.instanceArn, instance.accountId, 'ReadOnly', 'USER', oldGroupUser);
    await seed.deleteUser(oldGroupUser);
    records = [scimDeleteUser(oldGroupUser, minutesBefore(clock, 2))];
    const poster = new RecordingPoster();
    const w = watcher(store, poster);
    expect((await w.runOnce()).outcome).toBe('quiet'); // a deletion alone is not a problem

    clock.advance(40);
    const newId = await seed.user({ UserName: 'erin@example.com' });
    records.push(scimCreateUser(newId, minutesBefore(clock, 1)));
    const pass = await w.runOnce();
    expect(pass.found.map((a) => a.kind)).toEqual(['recreated-principal', 'stale-assignment']);
    expect(pass.found[0]).toMatchObject({ subject: 'user erin@example.com' });
    expect(pass.found[1]!.fix).toContain(`--principal-id ${newId}`);
    expect(pass.found[1]!.fix).toContain(`--principal-id ${oldGroupUser}`);
  });

  it('resumes from the stored cursor after a restart, without reporting the first run again', async () => {
    const alice = await seed.user({ UserName: 'alice@example.com' });
    const file = join(dir, 'restart.sqlite');
    records = [scimPatchUserRejected(alice, minutesBefore(clock, 3))];
    const first = await createStore({ kind: 'sqlite', file }, silentLogger);
    const poster = new RecordingPoster();
    expect((await watcher(first, poster).runOnce()).outcome).toBe('posted');
    const cursor = clock.now();
    await first.close(); // killed: the lease is not released

    // Down for an hour; then a new SCIM failure and a restart.
    clock.advance(60);
    records.push(scimCreateGroupConflict(minutesBefore(clock, 1)));
    const second = await createStore({ kind: 'sqlite', file }, silentLogger);
    trail.requests.length = 0;
    const pass = await watcher(second, poster).runOnce();
    await second.close();
    expect(pass.window!.start.toISOString()).toBe(new Date(cursor.getTime() - 15 * 60_000).toISOString());
    expect(Number(trail.requests[0]!.body.StartTime) * 1000).toBe(cursor.getTime() - 15 * 60_000);
    expect(pass.found.map((a) => a.article)).toEqual(['scim-duplicate-conflict']);
    expect(poster.posted).toHaveLength(2);
    expect(poster.posted[1]!.text).not.toContain('alice');
  });

  it('backs off while CloudTrail throttles, and keeps the cursor so the window is read later', async () => {
    const log = recordingLogger();
    const poster = new RecordingPoster();
    const w = watcher(store, poster, log.logger);
    expect((await w.runOnce()).outcome).toBe('quiet');
    const cursor = clock.now();
    trail.handler = () => awsError('ThrottlingException', 'Rate exceeded');
    clock.advance(5);
    const throttled = await w.runOnce();
    expect(throttled).toMatchObject({ outcome: 'failed', failure: { code: 'throttled' } });
    expect(w.nextDelayMs()).toBe(10 * 60_000);
    clock.advance(10);
    await w.runOnce();
    expect(w.nextDelayMs()).toBe(20 * 60_000);
    expect(log.entries.filter((e) => e.level === 'warn')).toHaveLength(2);
    expect(log.entries[0]!.msg).toMatch(/CloudTrail could not be read: AWS throttled cloudtrail:LookupEvents/);

    records = [scimCreateGroupConflict(new Date(cursor.getTime() + 60_000))];
    trail.handler = trailHandler(() => records);
    trail.requests.length = 0;
    clock.advance(20);
    const back = await w.runOnce();
    expect(Number(trail.requests[0]!.body.StartTime) * 1000).toBe(cursor.getTime() - 15 * 60_000);
    expect(back.found.map((a) => a.kind)).toEqual(['scim-failure']);
    expect(w.nextDelayMs()).toBe(5 * 60_000);
  });

  it('AWS down is one log line per interval, not a crash', async () => {
    const down = await startFakeAws(() => ({ body: {} }));
    await down.close(); // nothing listens there now
    const log = recordingLogger();
    const w = new Watcher({
      source: createAwsWatchSource(aws, { bucket: new TokenBucket({ ratePerSecond: 1000, burst: 100 }), deletions: store, signinThreshold: 5 }, testClients(moto.url, down.url)),
      store,
      posters: [new RecordingPoster()],
      clock,
      logger: log.logger,
      intervalMinutes: 5,
    });
    for (let i = 0; i < 3; i++) {
      const pass = await w.runOnce();
      expect(pass).toMatchObject({ outcome: 'failed', failure: { code: 'unreachable' } });
      clock.advance(5);
    }
    expect(log.entries).toHaveLength(3);
    expect(log.entries.every((e) => e.level === 'warn' && /Could not reach AWS/.test(e.msg))).toBe(true);
    expect(w.nextDelayMs()).toBe(5 * 60_000);
  });

  it('shares the 2 requests/s LookupEvents limiter with the chat checks', async () => {
    await seed.user({ UserName: 'alice@example.com' });
    const bucket = createTrailBucket();
    const clients = testClients(moto.url, trail.url);
    const live = createAwsLiveChecks(aws, clients, { trailBucket: bucket });
    const w = new Watcher({ source: createAwsWatchSource(aws, { bucket, deletions: store, signinThreshold: 5 }, clients), store, posters: [], clock, logger: silentLogger, intervalMinutes: 5 });
    await Promise.all([w.runOnce(), live.trail('alice@example.com')]);
    const times = trail.requests.map((r) => r.at).sort((a, b) => a - b);
    expect(times.length).toBeGreaterThanOrEqual(8);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(400); // 500 ms apart nominally (2 a second); without the limiter they come at once
  });
});
