/**
 * `npm run bench -- watch`: what a CloudTrail watcher pass costs.
 * 1. A busy interval: 200 records per event source (the page bound: 4 pages of 50), through the
 *    real 2 requests/s limiter, on a SQLite store: pass duration, LookupEvents calls, records.
 * 2. The same pass again (everything already seen): what a quiet interval costs.
 * 3. A chat check's CloudTrail lookup while a pass holds the shared limiter, against idle.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudTrailLookup } from '../src/checks/aws/cloudtrail-lookup';
import { createAwsWatchSource, createTrailBucket } from '../src/checks/aws/create-aws-live-checks';
import { silentLogger } from '../src/core/ports/ports';
import { Watcher } from '../src/core/watch/watcher';
import { createStore } from '../src/store/create-store';
import { STORE_ID, testClients } from '../test/helpers/aws-seed';
import { startFakeAws } from '../test/helpers/fake-aws-json';
import { assignmentFailed, passwordRejected, scimCreateGroupConflict, trailHandler, type TrailRecord } from '../test/helpers/watch-trail';

async function main(): Promise<void> {
  const now = Date.now();
  const at = (i: number) => new Date(now - 60_000 - i * 1_000);
  const records: TrailRecord[] = [];
  for (let i = 0; i < 200; i++) {
    records.push(scimCreateGroupConflict(at(i)), passwordRejected(`user${i % 40}@example.com`, at(i)), assignmentFailed(`arn:aws:sso:::permissionSet/ssoins-1/ps-${i % 7}`, '111122223333', at(i)));
  }
  const trail = await startFakeAws(trailHandler(() => records));
  const dir = mkdtempSync(join(tmpdir(), 'watch-bench-'));
  const store = await createStore({ kind: 'sqlite', file: join(dir, 'bench.sqlite') }, silentLogger);
  const aws = { region: 'us-east-1', identityStoreId: STORE_ID, callTimeoutMs: 5_000, trailDays: 7 };
  const clients = testClients('http://127.0.0.1:9', trail.url);
  const bucket = createTrailBucket();
  const clock = { now: () => new Date() };
  const watcher = new Watcher({ source: createAwsWatchSource(aws, { bucket, deletions: store, signinThreshold: 5 }, clients), store, posters: [], clock, logger: silentLogger, intervalMinutes: 5 });

  let t = Date.now();
  const busy = await watcher.runOnce();
  console.log(`busy pass : ${((Date.now() - t) / 1000).toFixed(2)} s, ${busy.events.calls} LookupEvents calls, ${busy.events.read} records read (${busy.events.fresh} new${busy.events.truncated ? ', truncated at the page bound' : ''}), ${busy.found.length} findings`);
  t = Date.now();
  const quiet = await watcher.runOnce();
  console.log(`quiet pass: ${((Date.now() - t) / 1000).toFixed(2)} s, ${quiet.events.calls} calls, ${quiet.events.fresh} new records, ${quiet.found.length} findings`);

  const lookup = new CloudTrailLookup(clients.cloudtrail, { timeoutMs: 5_000, bucket, cacheTtlMs: 0 });
  await new Promise((r) => setTimeout(r, 1_000)); // let the limiter refill
  /** Five lookups one after another (distinct, so none is served from the cache); milliseconds each. */
  const timeLookups = async (name: string) => {
    const ms: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = Date.now();
      await lookup.lookup({ key: 'EventName', value: `${name}${i}`, days: 1 });
      ms.push(Date.now() - start);
    }
    return ms;
  };
  const idle = await timeLookups('Idle');
  await new Promise((r) => setTimeout(r, 1_000));
  const pass = watcher.runOnce();
  await new Promise((r) => setTimeout(r, 1_200)); // the pass is reading
  const during = await timeLookups('Busy');
  await pass;
  const fmt = (xs: number[]) => `median ${[...xs].sort((a, b) => a - b)[2]} ms, max ${Math.max(...xs)} ms`;
  console.log(`chat lookup, limiter idle      : ${fmt(idle)} (back to back: 500 ms apart by design)`);
  console.log(`chat lookup, during a watch pass: ${fmt(during)}`);

  await store.close();
  await trail.close();
  rmSync(dir, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
