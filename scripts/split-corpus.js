#!/usr/bin/env node
/**
 * Splits collected real messages (JSONL files: text, label, alt?, source, topic?, lang?) into the
 * training part the matcher learns from (knowledge/examples/<label>.jsonl) and the sealed holdout
 * (test/fixtures/eval/holdout.jsonl), BY SOURCE: a thread's messages always land on the same side.
 * A thread goes to the holdout when FNV-1a(thread) mod 20 < 7 (35 %). Duplicates (the same first
 * 120 letters and digits) are dropped. Run: node scripts/split-corpus.js corpus/*.jsonl
 */
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const HOLDOUT_OF_20 = 7;

function threadOf(source) {
  return String(source).trim().split(/\s/)[0].replace(/[#?].*$/, '').replace(/\/+$/, '').toLowerCase();
}
function fnv(s) {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

const seen = new Set();
const train = new Map();
const holdout = [];
let dropped = 0;
for (const file of process.argv.slice(2)) {
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line);
    // Near-duplicates too: the same post trimmed differently by two collectors.
    const key = r.text.toLowerCase().replace(/[^a-z0-9]+/g, '').slice(0, 120);
    if (seen.has(key) || !r.source || !r.label) {
      dropped++;
      continue;
    }
    seen.add(key);
    const row = { text: r.text, label: r.label, ...(r.alt && r.alt !== r.label ? { alt: r.alt } : {}), source: r.source, ...(r.topic ? { topic: r.topic } : {}), ...(r.lang && r.lang !== 'en' ? { lang: r.lang } : {}) };
    if (fnv(threadOf(r.source)) % 20 < HOLDOUT_OF_20) holdout.push(row);
    else (train.get(r.label) ?? train.set(r.label, []).get(r.label)).push(row);
  }
}
const examplesDir = path.join(root, 'knowledge', 'examples');
fs.mkdirSync(examplesDir, { recursive: true });
for (const f of fs.readdirSync(examplesDir)) if (f.endsWith('.jsonl')) fs.rmSync(path.join(examplesDir, f));
for (const [label, rows] of [...train.entries()].sort()) {
  fs.writeFileSync(path.join(examplesDir, `${label}.jsonl`), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
}
fs.writeFileSync(path.join(root, 'test', 'fixtures', 'eval', 'holdout.jsonl'), holdout.map((r) => JSON.stringify(r)).join('\n') + '\n');
const trainCount = [...train.values()].reduce((n, rows) => n + rows.length, 0);
console.log(`training: ${trainCount} in ${train.size} files; holdout: ${holdout.length}; duplicates dropped: ${dropped}`);
