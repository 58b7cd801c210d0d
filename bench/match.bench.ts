/**
 * `npm run bench -- match`: matcher latency (p50/p99) with the shipped articles and examples, and
 * with 1,000 synthetic articles, cold start to ready, and memory. Queries are real example
 * messages and the synthetic set. Goals (issue 11): p99 < 2 ms shipped, model built < 500 ms.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadKnowledge } from '../src/knowledge/load-knowledge';
import { loadKnowledgeBase } from '../src/knowledge/load-knowledge-base';
import { Matcher } from '../src/match/index';
import { builtinKnowledgeDir, projectRoot } from '../src/paths';
import { syntheticArticles } from './synthetic-articles';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const ms = (ns: bigint) => Number(ns) / 1e6;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

// Real messages: the training examples (the holdout is kept sealed) plus the synthetic set.
const kb = loadKnowledgeBase([builtinKnowledgeDir]);
const queries = [
  ...kb.examples.map((e) => e.text),
  ...readFileSync(join(projectRoot, 'test', 'fixtures', 'synthetic', 'messages.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { text: string }).text),
];

function latency(matcher: Matcher): { p50: number; p99: number; max: number } {
  for (let i = 0; i < 3; i++) for (const q of queries) matcher.match(q); // warm up the JIT
  const samples: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const q of queries) {
      const t0 = process.hrtime.bigint();
      matcher.match(q);
      samples.push(Number(process.hrtime.bigint() - t0) / 1000);
    }
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { p50: at(0.5), p99: at(0.99), max: samples[samples.length - 1]! };
}

const rows: string[][] = [['articles', 'build', 'p50', 'p99', 'max', 'heap used', 'rss']];
function measure(label: string, build: () => Matcher): void {
  gc();
  const t0 = process.hrtime.bigint();
  const matcher = build();
  const buildMs = ms(process.hrtime.bigint() - t0);
  const l = latency(matcher);
  gc();
  const mem = process.memoryUsage();
  rows.push([label, `${buildMs.toFixed(1)} ms`, `${l.p50.toFixed(0)} µs`, `${l.p99.toFixed(0)} µs`, `${l.max.toFixed(0)} µs`, mb(mem.heapUsed), mb(mem.rss)]);
}

// Cold: the first load in this process, before anything else ran.
const tCold = process.hrtime.bigint();
const shipped = loadKnowledge([builtinKnowledgeDir]);
const coldMatcher = new Matcher(shipped, loadKnowledgeBase([builtinKnowledgeDir]).examples);
const coldReadyMs = ms(process.hrtime.bigint() - tCold);
void coldMatcher;

measure(`${shipped.length} shipped + ${kb.examples.length} examples`, () => new Matcher(shipped, kb.examples));
const thousand = [...shipped, ...syntheticArticles(1_000, shipped)];
measure('1,000 synthetic + examples', () => new Matcher(thousand, kb.examples));

// The whole app, in a fresh process: node start → modules loaded → createApp → listening.
const child = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '-e',
    `const t0 = performance.now();
     const { createApp } = require(${JSON.stringify(join(projectRoot, 'src', 'app.ts'))});
     const { loadConfig } = require(${JSON.stringify(join(projectRoot, 'src', 'config', 'load-config.ts'))});
     const { silentLogger } = require(${JSON.stringify(join(projectRoot, 'src', 'core', 'ports.ts'))});
     const t1 = performance.now();
     createApp({ config: loadConfig({ PORT: '0', HOST: '127.0.0.1' }), logger: silentLogger }).then((app) => app.listen().then(async () => {
       const t2 = performance.now();
       process.stdout.write(JSON.stringify({ processMs: performance.timeOrigin ? t2 : 0, importMs: t1 - t0, appMs: t2 - t1, rss: process.memoryUsage().rss }));
       await app.close();
     }));`,
  ],
  { encoding: 'utf8', cwd: projectRoot },
);
const app = child.status === 0 ? (JSON.parse(child.stdout) as { processMs: number; importMs: number; appMs: number; rss: number }) : undefined;

const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c]!)).join('  '));
console.log(`\n${queries.length} real queries × ${ROUNDS} rounds per size.`);
console.log(`ready (load ${shipped.length} articles + build matcher, cold in this process): ${coldReadyMs.toFixed(1)} ms`);
if (app) {
  console.log(
    `createApp → listening: ${app.appMs.toFixed(1)} ms (module imports before it: ${app.importMs.toFixed(0)} ms; node start → listening: ${app.processMs.toFixed(0)} ms; rss ${mb(app.rss)})`,
  );
} else {
  console.log(`createApp → listening: could not measure (${child.stderr.trim().split('\n').slice(-1)[0]})`);
  process.exitCode = 1;
}
