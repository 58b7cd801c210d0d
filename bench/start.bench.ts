/**
 * `npm run bench -- start`: `node dist/main.js` (the production command, built first) → first
 * `/healthz` 200, and the idle RSS 3 s later, median of 5 starts each. Configurations: the console
 * only (goal: under 1 s and under 120 MB), and with Teams and the AWS checks configured, whose SDKs
 * are then imported (neither connects anywhere at start; Slack would call auth.test).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const RUNS = 5;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const healthy = (port: number) =>
  new Promise<boolean>((resolve) => {
    get({ host: '127.0.0.1', port, path: '/healthz' }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    }).on('error', () => resolve(false));
  });

async function startOnce(env: Record<string, string>): Promise<{ ms: number; rssMb: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/main.js'], { cwd: ROOT, stdio: 'ignore', env: { PATH: process.env.PATH ?? '', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: mkdtempSync(join(tmpdir(), 'idc-start-')), ...env } });
  try {
    while (!(await healthy(port))) {
      if (child.exitCode !== null) throw new Error(`dist/main.js exited with ${child.exitCode}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    const ms = performance.now() - started;
    await new Promise((r) => setTimeout(r, 3_000));
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]);
    return { ms, rssMb: rssKb / 1024 };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const build = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(1);
  const configs: Array<{ name: string; env: Record<string, string>; goal?: { ms: number; mb: number } }> = [
    { name: 'console only', env: {}, goal: { ms: 1_000, mb: 120 } },
    { name: 'console + Teams + AWS', env: { TEAMS_ALLOW_ANONYMOUS: 'true', CONSOLE_ENABLED: 'true', AWS_REGION: 'us-east-1', IDC_IDENTITY_STORE_ID: 'd-1234567890' } },
  ];
  let ok = true;
  console.log(`node ${process.version}, ${RUNS} starts each`);
  for (const c of configs) {
    const runs: Array<{ ms: number; rssMb: number }> = [];
    for (let i = 0; i < RUNS; i++) runs.push(await startOnce(c.env));
    const ms = median(runs.map((r) => r.ms));
    const mb = median(runs.map((r) => r.rssMb));
    const pass = !c.goal || (ms < c.goal.ms && mb < c.goal.mb);
    ok &&= pass;
    console.log(`${c.name.padEnd(24)} start → /healthz 200: median ${ms.toFixed(0)} ms (${runs.map((r) => r.ms.toFixed(0)).join(', ')}); idle RSS median ${mb.toFixed(0)} MB${c.goal ? `: ${pass ? 'PASS' : 'FAIL'}` : ''}`);
  }
  process.exit(ok ? 0 : 1);
}

void main();
