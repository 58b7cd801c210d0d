/**
 * idc_aws_call_seconds{operation,outcome}: every AWS call the live checks and the watcher make is
 * observed once, with its outcome: ok on moto, error / timeout / throttled on endpoints that fail.
 */
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { IdentitystoreClient } from '@aws-sdk/client-identitystore';
import { createAwsLiveChecks, createAwsWatchSource, type AwsClients } from '../../../src/checks/aws/create-aws-live-checks';
import { TokenBucket } from '../../../src/checks/aws/token-bucket';
import { MemoryWatchStore } from '../../../src/core/watch/memory-watch-store';
import { PrometheusMetrics } from '../../../src/metrics/prometheus-metrics';
import { STORE_ID, testClients } from '../../helpers/aws-seed';
import { awsError, startFakeAws, type FakeAws } from '../../helpers/fake-aws-json';
import { describeMoto, TEST_CREDENTIALS } from '../../helpers/moto';
import { startMotoWorld, type MotoWorld } from '../../helpers/moto-live-checks';

/** The observation counts at /metrics, as "operation outcome" → count. */
async function awsCalls(metrics: PrometheusMetrics): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const m of (await metrics.render()).matchAll(/^idc_aws_call_seconds_count\{operation="([^"]+)",outcome="([^"]+)"\} (\d+)$/gm)) out[`${m[1]} ${m[2]}`] = Number(m[3]);
  return out;
}

const config = (callTimeoutMs = 2_000) => ({ region: 'us-east-1', identityStoreId: STORE_ID, callTimeoutMs, trailDays: 7 });
const fastBucket = () => new TokenBucket({ ratePerSecond: 1_000, burst: 100 });

describeMoto('idc_aws_call_seconds for every AWS call', () => {
  let world: MotoWorld;
  let identity: FakeAws;
  beforeAll(async () => {
    [world, identity] = await Promise.all([startMotoWorld(), startFakeAws(() => ({ body: {} }))]);
    await world.seed.user({ UserName: 'alice@example.com' });
  });
  afterAll(async () => {
    await Promise.all([world?.stop(), identity?.close()]);
  });

  /** The moto clients with the Identity Store replaced by `endpoint`. */
  const withIdentityStore = (endpoint: string): AwsClients => ({
    ...testClients(world.moto.url, world.trail.url),
    identitystore: new IdentitystoreClient({ region: 'us-east-1', credentials: TEST_CREDENTIALS, maxAttempts: 1, endpoint }),
  });

  it('counts each call of a user check on moto as ok, CloudTrail pages included', async () => {
    const metrics = new PrometheusMetrics();
    world.trail.requests.length = 0;
    const report = await world.live(metrics).checkUser('alice@example.com');
    expect(report.found).toBe(true);
    const calls = await awsCalls(metrics);
    expect(calls).toMatchObject({ 'identitystore:GetUserId ok': 1, 'identitystore:DescribeUser ok': 1, 'identitystore:ListGroupMembershipsForMember ok': 1 });
    expect(calls['cloudtrail:LookupEvents ok']).toBe(world.trail.requests.length);
    expect(Object.keys(calls).every((k) => k.endsWith(' ok'))).toBe(true);
  });

  it('counts "no such user" as an answer (ok), not an error: a lookup by e-mail tries the user name first', async () => {
    const metrics = new PrometheusMetrics();
    await world.seed.user({ UserName: 'dana', Emails: [{ Value: 'dana@example.com', Primary: true }] });
    const report = await world.live(metrics).checkUser('dana@example.com');
    expect(report.found).toBe(true);
    expect(await awsCalls(metrics)).toMatchObject({ 'identitystore:GetUserId ok': 2 });
    expect(Object.keys(await awsCalls(metrics)).filter((k) => !k.endsWith(' ok'))).toEqual([]);
  });

  it('counts a refused connection as error, a slow answer as timeout, and throttling as throttled', async () => {
    const closed = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const { port } = s.address() as AddressInfo;
        s.close(() => resolve(port));
      });
    });
    const metrics = new PrometheusMetrics();
    const run = (clients: AwsClients, timeoutMs?: number) => createAwsLiveChecks(config(timeoutMs), clients, { trailBucket: fastBucket(), metrics }).checkUser('bob').catch(() => undefined);

    await run(withIdentityStore(`http://127.0.0.1:${closed}`));
    expect(await awsCalls(metrics)).toMatchObject({ 'identitystore:GetUserId error': 1 });

    identity.handler = () => ({ body: {}, delayMs: 1_000 });
    await run(withIdentityStore(identity.url), 200);
    expect(await awsCalls(metrics)).toMatchObject({ 'identitystore:GetUserId timeout': 1 });

    identity.handler = () => awsError('ThrottlingException', 'Rate exceeded');
    await run(withIdentityStore(identity.url));
    expect(await awsCalls(metrics)).toMatchObject({ 'identitystore:GetUserId throttled': 1, 'identitystore:GetUserId error': 1 });
  });

  it('counts the watcher’s CloudTrail reads too', async () => {
    const metrics = new PrometheusMetrics();
    world.trail.requests.length = 0;
    const source = createAwsWatchSource(config(), { bucket: fastBucket(), deletions: new MemoryWatchStore(), signinThreshold: 3, metrics }, testClients(world.moto.url, world.trail.url));
    const read = await source.read({ start: new Date(Date.now() - 600_000), end: new Date() });
    expect(read.failure).toBeUndefined();
    expect(world.trail.requests.length).toBeGreaterThan(0);
    expect(await awsCalls(metrics)).toEqual({ 'cloudtrail:LookupEvents ok': world.trail.requests.length });
  });
});
