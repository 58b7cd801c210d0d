/**
 * Part of `npm run bench -- fuzz`: the hostile shapes that were quadratic (thousands of nested or
 * cross-referenced assertions and signatures), each as large as the 256 KB limit allows. For each:
 * how long the linter takes on one thread (now linear), how long it holds the event loop through
 * the offline checks (the worker), and the Slack ack p99 of the real app while it checks such
 * files. Goals: event loop < 100 ms per input, ack p99 < 50 ms.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createApp } from '../src/app';
import { createOfflineChecks } from '../src/checks/create-offline-checks';
import { MAX_DOCUMENT_BYTES } from '../src/checks/lint-result';
import { lintSaml } from '../src/checks/saml/lint-saml';
import { lintScim } from '../src/checks/scim/lint-scim';
import { loadConfig } from '../src/config/load-config';
import { silentLogger } from '../src/core/ports';
import { nestedAssertions, nestedSignatures, referencedAssertions, wideScimPatch } from '../test/checks/hostile-shapes';
import { FakeSlack, textsOf } from '../test/helpers/fake-slack';
import { appMention, eventCallback } from '../test/helpers/slack-payloads';
import { SIGNING_SECRET, sendSigned } from '../test/helpers/slack-requests';

/** The largest n whose document fits the size limit (binary search over n). */
function atLimit(make: (n: number) => string, cap = 4000): { n: number; text: string } {
  let lo = 1;
  let hi = cap;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (Buffer.byteLength(make(mid)) <= MAX_DOCUMENT_BYTES - 1024) lo = mid;
    else hi = mid - 1;
  }
  return { n: lo, text: make(lo) };
}

export const SHAPES = [
  { name: 'nested signatures', kind: 'saml' as const, ...atLimit(nestedSignatures) },
  { name: 'referenced assertions', kind: 'saml' as const, ...atLimit(referencedAssertions) },
  { name: 'nested assertions', kind: 'saml' as const, ...atLimit(nestedAssertions) },
  { name: 'SCIM wide PATCH', kind: 'scim' as const, ...atLimit(wideScimPatch) },
];

/** Longest event-loop stall (ms) while `work` runs. */
async function loopStall(work: () => Promise<unknown>): Promise<number> {
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  await work();
  h.disable();
  return h.max / 1e6;
}

export async function benchHostileShapes(): Promise<boolean> {
  const offline = createOfflineChecks();
  let ok = true;
  console.log('\nHostile shapes at the size limit (one thread = the linter alone; loop = event-loop stall through the offline checks)');
  for (const s of SHAPES) {
    const lint = s.kind === 'saml' ? (t: string) => lintSaml(t) : (t: string) => lintScim(t);
    lint(s.text); // warm-up
    const t0 = performance.now();
    const report = lint(s.text);
    const oneThread = performance.now() - t0;
    await (s.kind === 'saml' ? offline.lintSaml(s.text) : offline.lintScim(s.text)); // worker warm-up
    const stall = await loopStall(() => (s.kind === 'saml' ? offline.lintSaml(s.text) : offline.lintScim(s.text)));
    const pass = stall < 100 && report.verdict === 'fail';
    ok &&= pass;
    console.log(`${s.name.padEnd(22)} n=${String(s.n).padStart(4)} ${(s.text.length / 1024).toFixed(0).padStart(4)} KB  one thread ${oneThread.toFixed(1).padStart(6)} ms  loop ${stall.toFixed(1).padStart(5)} ms  ${report.verdict}  ${pass ? 'ok' : 'FAIL'}`);
  }
  await offline.close();
  return ok && (await ackWhileLinting());
}

/** Slack acks at 100/s for 5 s while the app is sent one hostile SAML paste every 250 ms. */
async function ackWhileLinting(): Promise<boolean> {
  const fake = await new FakeSlack().start();
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl });
  const app = await createApp({ config, logger: silentLogger });
  const url = `http://127.0.0.1:${await app.listen()}/slack/events`;
  const latencies: number[] = [];
  const pending: Promise<unknown>[] = [];
  // Slack escapes &, < and > in message text; the bot unescapes them.
  const hostile = SHAPES.filter((s) => s.kind === 'saml').map((s) => s.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
  const start = performance.now();
  for (let i = 0; i < 500; i++) {
    const wait = start + i * 10 - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (i % 25 === 0) pending.push(sendSigned(url, eventCallback(appMention(hostile[(i / 25) % hostile.length]!)).body));
    const t0 = performance.now();
    pending.push(sendSigned(url, eventCallback(appMention('hello')).body).then(() => latencies.push(performance.now() - t0)));
  }
  await Promise.all(pending);
  await new Promise((r) => setTimeout(r, 2000));
  const linted = fake.calls.filter((c) => c.method === 'chat.postMessage' && /assertion/i.test(textsOf(c.args))).length;
  await app.close();
  await fake.close();
  const sorted = latencies.sort((a, b) => a - b);
  const p99 = sorted[Math.floor(sorted.length * 0.99)]!;
  const pass = p99 < 50;
  console.log(`Slack ack while linting 20 hostile SAML pastes (100/s, 5 s): p50 ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${sorted[sorted.length - 1]!.toFixed(1)} ms; lint replies ${linted}: ${pass ? 'PASS' : 'FAIL'}`);
  return pass;
}
