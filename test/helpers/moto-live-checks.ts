import { createAwsLiveChecks } from '../../src/checks/aws/create-aws-live-checks';
import { TokenBucket } from '../../src/checks/aws/token-bucket';
import type { LiveChecks } from '../../src/core/checks/checks';
import type { Metrics } from '../../src/core/ports/metrics';
import { Seeder, STORE_ID, testClients } from './aws-seed';
import { lookupEventsHandler, startFakeAws, type FakeAws } from './fake-aws-json';
import { startMoto, type Moto } from './moto';

export interface MotoWorld {
  moto: Moto;
  /** CloudTrail LookupEvents (moto lacks it), empty. */
  trail: FakeAws;
  seed: Seeder;
  /** Real AwsLiveChecks on moto; `metrics` receives every AWS call. */
  live(metrics?: Metrics): LiveChecks;
  stop(): Promise<void>;
}

/** Identity Store on moto and an empty CloudTrail on loopback, for chat tests that run real live checks. */
export async function startMotoWorld(): Promise<MotoWorld> {
  const [moto, trail] = await Promise.all([startMoto(), startFakeAws(lookupEventsHandler([]))]);
  const clients = testClients(moto.url, trail.url);
  return {
    moto,
    trail,
    seed: new Seeder(clients),
    live: (metrics) =>
      createAwsLiveChecks({ region: 'us-east-1', identityStoreId: STORE_ID, callTimeoutMs: 2_000, trailDays: 7 }, clients, {
        trailBucket: new TokenBucket({ ratePerSecond: 1_000, burst: 100 }),
        metrics,
      }),
    stop: async () => {
      await Promise.all([moto.stop(), trail.close()]);
    },
  };
}

/**
 * Points the app's own AWS clients (default chain, AWS_ENDPOINT_URL) at the world: Identity Store
 * and sso-admin on moto, CloudTrail on the loopback fake. Returns a function that restores the env.
 */
export function useAwsEnv(world: MotoWorld): () => void {
  const set: Record<string, string> = {
    AWS_ENDPOINT_URL: world.moto.url,
    AWS_ENDPOINT_URL_CLOUDTRAIL: world.trail.url,
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
  };
  const before = Object.fromEntries(Object.keys(set).map((k) => [k, process.env[k]]));
  Object.assign(process.env, set);
  return () => {
    for (const [k, v] of Object.entries(before)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
}
