/**
 * `npm run bench -- load`: Slack events at 200/s for 60 s (LOAD_SECONDS, LOAD_RATE override) into
 * the real app with live checks against loopback AWS endpoints (moto + a CloudTrail fake) and the
 * SQLite store. One event in ten is `check user alice@example.com` (Identity Store, sso-admin and
 * rate-limited CloudTrail lookups); the rest are pasted errors. Reports ack latency p50/p99, answers
 * lost or sent twice (every event has its own thread), and the server's RSS every 10 s.
 * Exits 1 when an answer is lost or duplicated.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { startMoto } from '../test/helpers/moto';
import { Seeder, testClients } from '../test/helpers/aws-seed';
import { appMention, eventCallback, nextTs } from '../test/helpers/slack-payloads';
import { slackSignature } from '../test/helpers/slack-requests';

const SECRET = 'load-signing-secret';
const RATE = Number(process.env.LOAD_RATE ?? 200);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const PASTES = [
  "Cannot perform the operation on the protected role 'AWSReservedSSO_Admin_0123abcd' - this role is only modifiable by AWS",
  'Okta provisioning: Request is unparsable, syntactically incorrect, or violates schema',
  'users get "An unexpected error has occurred" after the Okta redirect to the AWS access portal',
];

async function startProcess<T>(file: string, args: string[]): Promise<{ child: ChildProcess; ready: T }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, file), ...args], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code}`)));
  });
  return { child, ready: JSON.parse(line) as T };
}

function send(agent: Agent, port: number, body: string): Promise<number> {
  const ts = Math.floor(Date.now() / 1000);
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/slack/events',
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-slack-request-timestamp': ts, 'x-slack-signature': slackSignature(SECRET, ts, body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve(Number(process.hrtime.bigint() - started) / 1e6) : reject(new Error(`HTTP ${res.statusCode}`))));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function rssMb(port: number): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  return Number(/^idc_process_resident_memory_bytes (\d+)/m.exec(text)?.[1] ?? 0) / 1e6;
}

const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? 0;

async function main(): Promise<number> {
  const moto = await startMoto();
  const seed = new Seeder(testClients(moto.url, moto.url));
  await seed.user({ UserName: 'alice@example.com' });
  const { instanceArn } = await seed.instance();
  const fake = await startProcess<{ apiUrl: string }>('fake-slack-process.ts', []);
  const server = await startProcess<{ port: number }>('load-server.ts', [fake.ready.apiUrl, SECRET, moto.url, instanceArn]);
  const port = server.ready.port;
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const latencies: number[] = [];
  const threads: string[] = [];
  const rss: string[] = [`0 s ${(await rssMb(port)).toFixed(0)} MB`];
  let errors = 0;
  const pending: Promise<void>[] = [];
  const total = RATE * SECONDS;
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const ts = nextTs();
    threads.push(ts);
    const text = i % 10 === 0 ? 'check user alice@example.com' : PASTES[i % PASTES.length]!;
    pending.push(send(agent, port, eventCallback(appMention(text, { ts })).body).then((ms) => void latencies.push(ms), () => void errors++));
    if (i > 0 && i % (RATE * 10) === 0) rss.push(`${i / RATE} s ${(await rssMb(port)).toFixed(0)} MB`);
  }
  await Promise.all(pending);
  // Answers go out after the ack; live checks wait for the CloudTrail rate limiter: give them time.
  let perThread: Record<string, number> = {};
  for (let i = 0; i < 60; i++) {
    await new Promise((r) => setTimeout(r, 1000));
    perThread = await new Promise((resolve) => {
      fake.child.once('message', (m) => resolve((m as { perThread: Record<string, number> }).perThread));
      fake.child.send('count');
    });
    if (threads.every((t) => (perThread[t] ?? 0) >= 1)) break;
  }
  rss.push(`end ${(await rssMb(port)).toFixed(0)} MB`);
  const lost = threads.filter((t) => !perThread[t]).length;
  const twice = threads.filter((t) => (perThread[t] ?? 0) > 1).length;
  console.log(`load: ${total} events at ${RATE}/s for ${SECONDS} s (1 in 10 a live check)`);
  console.log(`ack latency: p50 ${pct(latencies, 0.5).toFixed(2)} ms, p99 ${pct(latencies, 0.99).toFixed(2)} ms, max ${pct(latencies, 1).toFixed(2)} ms; HTTP errors ${errors}`);
  console.log(`answers: lost ${lost}, answered twice ${twice}`);
  console.log(`server RSS: ${rss.join(', ')}`);
  server.child.kill('SIGINT');
  fake.child.disconnect();
  await moto.stop();
  return lost === 0 && twice === 0 && errors === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
