import { createAwsWatchSource } from '../../../src/checks/aws/create-aws-live-checks';
import { TokenBucket } from '../../../src/checks/aws/token-bucket';
import { silentLogger } from '../../../src/core/ports/ports';
import type { Store } from '../../../src/core/ports/store';
import { Watcher } from '../../../src/core/watch/watcher';
import { createStore } from '../../../src/store/create-store';
import { STORE_ID, testClients } from '../../helpers/aws-seed';
import { startFakeAws, type FakeAws } from '../../helpers/fake-aws-json';
import { FakeClock } from '../../helpers/fake-clock';
import { describePostgres, freshSchema, type TestSchema } from '../../helpers/postgres';
import { RecordingPoster } from '../../helpers/recording-poster';
import { scimCreateGroupConflict, scimPatchUserRejected, trailHandler, type TrailRecord } from '../../helpers/watch-trail';

describePostgres('two watcher replicas on one PostgreSQL database', () => {
  let schema: TestSchema;
  let trail: FakeAws;
  let records: TrailRecord[] = [];
  const stores: Store[] = [];

  beforeAll(async () => {
    [schema, trail] = await Promise.all([freshSchema(), startFakeAws(trailHandler(() => records))]);
  });
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await Promise.all([schema?.drop(), trail?.close()]);
  });

  async function replica(clock: FakeClock, name: string) {
    const store = await createStore({ kind: 'postgres', url: schema.url }, silentLogger);
    stores.push(store);
    const poster = new RecordingPoster();
    // The Identity Store is not needed for these records (a failed SCIM create names nobody).
    const aws = { region: 'us-east-1', identityStoreId: STORE_ID, callTimeoutMs: 2_000, trailDays: 7 };
    const source = createAwsWatchSource(aws, { bucket: new TokenBucket({ ratePerSecond: 1000, burst: 100 }), deletions: store, signinThreshold: 5 }, testClients('http://127.0.0.1:9', trail.url));
    return { store, poster, watcher: new Watcher({ source, store, posters: [poster], clock, logger: silentLogger, intervalMinutes: 5, holder: name }) };
  }

  it('posts one digest between them, and the second takes over when the first stops renewing its lease', async () => {
    const clock = new FakeClock();
    const [a, b] = [await replica(clock, 'replica-a'), await replica(clock, 'replica-b')];
    records = [scimCreateGroupConflict(new Date(clock.now().getTime() - 120_000)), scimCreateGroupConflict(new Date(clock.now().getTime() - 60_000))];

    const first = await Promise.all([a.watcher.runOnce(), b.watcher.runOnce()]);
    expect(first.map((p) => p.outcome).sort()).toEqual(['not-leader', 'posted']);
    expect(a.poster.posted.length + b.poster.posted.length).toBe(1);
    const leader = first[0]!.outcome === 'posted' ? a : b;
    const follower = leader === a ? b : a;
    expect(leader.poster.posted[0]!.text).toMatch(/SCIM provisioning failed: a group being created .*\(2×/);

    clock.advance(5);
    const second = await Promise.all([a.watcher.runOnce(), b.watcher.runOnce()]);
    expect(second.map((p) => p.outcome).sort()).toEqual(['not-leader', 'quiet']);

    // The leader dies without releasing its lease (kill -9). New trouble arrives meanwhile.
    records.push(scimPatchUserRejected('9a6725b4-0000-4000-8000-000000000001', new Date(clock.now().getTime() + 60_000)));
    clock.advance(5);
    expect((await follower.watcher.runOnce()).outcome).toBe('not-leader'); // lease still valid (two intervals and a minute)
    clock.advance(7);
    const takeover = await follower.watcher.runOnce();
    expect(takeover.outcome).toBe('posted');
    expect(takeover.reported.map((r) => r.subject)).toEqual(['user id 9a6725b4-0000-4000-8000-000000000001']);
    expect(a.poster.posted.length + b.poster.posted.length).toBe(2);
    expect(follower.poster.posted.at(-1)!.text).not.toMatch(/group being created/);
  });
});
