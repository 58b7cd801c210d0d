/**
 * `npm run bench -- slack`: signed Slack event → HTTP 200 ack latency, at 50 and 200 requests/s
 * for 10 s each, for the real app on SQLite and on PostgreSQL (TEST_DATABASE_URL; each event is
 * written to the durable inbox before its ack) and for a bare Bolt app with a no-op listener, in
 * the same run.
 * Both servers and the fake Slack Web API (which records the answers) run in processes of their
 * own; this one only paces the load and times it. 5% of deliveries are Slack-style retries of an
 * earlier event (X-Slack-Retry-Num): every event must be answered exactly once.
 * BENCH_SECONDS shortens the runs; BENCH_CPU=1 prints each process's CPU time and event-loop delay;
 * BENCH_NODE_ARGS="--cpu-prof" profiles the servers.
 * Goal: p99 < 50 ms on each store; no answer lost or sent twice. The ratio to bare Bolt is printed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { appMention, eventCallback } from '../test/helpers/slack-payloads';
import { freshSchema, testDatabaseUrl } from '../test/helpers/postgres';
import { slackSignature } from '../test/helpers/slack-requests';

const SECRET = 'bench-signing-secret';
const RATES = (process.env.BENCH_RATES ?? '50,200').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = 2;
const ROUNDS = 4;
const RETRY_SHARE = 0.05;
const PASTE = "An error occurred (UnmodifiableEntity) when calling the DeleteRole operation: Cannot perform the operation on the protected role 'AWSReservedSSO_Admin_0123abcd' - this role is only modifiable by AWS";

interface Run {
  latencies: number[];
  errors: number;
  events: string[];
}

/** Starts a helper process and reads the JSON line it prints once ready. */
async function startProcess<T>(file: string, args: string[], nodeArgs: string[] = []): Promise<{ child: ChildProcess; ready: T }> {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', join(__dirname, file), ...args], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code}`)));
  });
  return { child, ready: JSON.parse(line) as T };
}

/** Asks the fake Slack process something over IPC. */
function ask<T>(fake: ChildProcess, msg: string): Promise<T> {
  return new Promise((resolve) => {
    fake.once('message', (m) => resolve(m as T));
    fake.send(msg);
  });
}

function send(agent: Agent, port: number, body: string, retryNum?: number): Promise<number> {
  const ts = Math.floor(Date.now() / 1000);
  const headers: Record<string, string | number> = {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'x-slack-request-timestamp': ts,
    'x-slack-signature': slackSignature(SECRET, ts, body),
  };
  if (retryNum) headers['x-slack-retry-num'] = retryNum;
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/slack/events', method: 'POST', agent, headers }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve(Number(process.hrtime.bigint() - started) / 1e6) : reject(new Error(`HTTP ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Sends at a steady `rate` for `seconds` (open loop: a slow answer does not slow the sender). */
async function load(port: number, rate: number, seconds: number, run: Run): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const total = rate * seconds;
  const interval = 1000 / rate;
  const start = performance.now();
  const pending: Promise<void>[] = [];
  const sent: string[] = [];
  for (let i = 0; i < total; i++) {
    const wait = start + i * interval - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    let body: string;
    let retryNum: number | undefined;
    if (sent.length > 10 && Math.random() < RETRY_SHARE) {
      body = sent[Math.floor(Math.random() * sent.length)]!;
      retryNum = 1 + Math.floor(Math.random() * 3);
    } else {
      const ev = eventCallback(appMention(PASTE, { channel: `C${i % 20}` }));
      body = ev.body;
      sent.push(body);
      run.events.push((JSON.parse(body) as { event: { ts: string } }).event.ts);
    }
    pending.push(
      send(agent, port, body, retryNum).then(
        (ms) => void run.latencies.push(ms),
        () => void run.errors++,
      ),
    );
  }
  await Promise.all(pending);
  agent.destroy();
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

type Target = 'bare' | 'sqlite' | 'postgres';
const TARGETS: Target[] = ['bare', 'sqlite', ...(testDatabaseUrl ? (['postgres'] as const) : [])];

interface Row {
  target: Target;
  rate: number;
  requests: number;
  errors: number;
  p50: number;
  p99: number;
  max: number;
  events: number;
  answered: number;
  twice: number;
}

/**
 * Both servers run side by side; the load alternates between them in ROUNDS slices, so a noisy
 * neighbour on the machine hits both alike rather than whichever happened to run second.
 */
async function measureRate(rate: number, fake: ChildProcess, apiUrl: string): Promise<Row[]> {
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean);
  const schema = testDatabaseUrl ? await freshSchema() : undefined;
  const servers = {} as Record<Target, { child: ChildProcess; ready: { port: number } }>;
  for (const target of TARGETS) servers[target] = await startProcess<{ port: number }>('slack-ack-server.ts', [target, apiUrl, SECRET, ...(schema ? [schema.url] : [])], nodeArgs);
  try {
    const runs = Object.fromEntries(TARGETS.map((t) => [t, newRun()])) as Record<Target, Run>;
    for (const target of TARGETS) await load(servers[target].ready.port, rate, WARMUP_SECONDS, newRun());
    await sleep(500);
    await ask(fake, 'reset');
    for (let round = 0; round < ROUNDS; round++) {
      for (const target of TARGETS) await load(servers[target].ready.port, rate, SECONDS / ROUNDS, runs[target]);
    }
    // Answers go out after the ack; give the last ones time to land.
    const want = new Set(TARGETS.filter((t) => t !== 'bare').flatMap((t) => runs[t].events));
    let perThread = new Map<string, number>();
    for (let waited = 0; waited < 10_000; waited += 200) {
      await sleep(200);
      perThread = new Map(Object.entries((await ask<{ perThread: Record<string, number> }>(fake, 'count')).perThread));
      if ([...want].every((t) => perThread.has(t))) break;
    }
    return TARGETS.map((target) => {
      const run = runs[target];
      const sorted = [...run.latencies].sort((a, b) => a - b);
      const events = new Set(run.events);
      return {
        target,
        rate,
        requests: run.latencies.length + run.errors,
        errors: run.errors,
        p50: pct(sorted, 50),
        p99: pct(sorted, 99),
        max: sorted[sorted.length - 1] ?? NaN,
        events: events.size,
        answered: [...events].filter((t) => perThread.has(t)).length,
        twice: [...events].filter((t) => (perThread.get(t) ?? 0) > 1).length,
      };
    });
  } finally {
    for (const { child } of Object.values(servers)) {
      child.kill('SIGINT');
      await new Promise((r) => child.once('exit', r));
    }
    await schema?.drop();
  }
}

const newRun = (): Run => ({ latencies: [], errors: 0, events: [] });

async function main(): Promise<void> {
  const { child: fake, ready } = await startProcess<{ apiUrl: string }>('fake-slack-process.ts', []);
  const rows: Row[] = [];
  for (const rate of RATES) rows.push(...(await measureRate(rate, fake, ready.apiUrl)));
  fake.disconnect();
  console.log(`Slack ack latency, ${SECONDS} s per run, loopback, ${RETRY_SHARE * 100}% retried deliveries`);
  console.log('target    rate/s  requests  errors  p50 ms  p99 ms  max ms  events  answered  twice');
  for (const r of rows) {
    console.log(
      [r.target.padEnd(8), String(r.rate).padStart(6), String(r.requests).padStart(9), String(r.errors).padStart(7), r.p50.toFixed(2).padStart(7), r.p99.toFixed(2).padStart(7), r.max.toFixed(1).padStart(7), String(r.events).padStart(7), (r.target !== 'bare' ? String(r.answered) : '-').padStart(9), (r.target !== 'bare' ? String(r.twice) : '-').padStart(6)].join(' '),
    );
  }
  let ok = true;
  for (const rate of RATES) {
    const bare = rows.find((r) => r.target === 'bare' && r.rate === rate)!;
    for (const idc of rows.filter((r) => r.target !== 'bare' && r.rate === rate)) {
      const pass = idc.p99 < 50 && idc.errors === 0 && idc.answered === idc.events && idc.twice === 0;
      ok &&= pass;
      console.log(`${rate}/s ${idc.target}: p99 ${idc.p99.toFixed(2)} ms vs bare ${bare.p99.toFixed(2)} ms (${(idc.p99 / bare.p99).toFixed(2)}×); lost ${idc.events - idc.answered}, twice ${idc.twice}: ${pass ? 'PASS' : 'FAIL'}`);
    }
  }
  if (!testDatabaseUrl) console.log('postgres: skipped (set TEST_DATABASE_URL)');
  process.exit(ok ? 0 : 1);
}

void main();
