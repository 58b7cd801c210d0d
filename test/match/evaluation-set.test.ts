import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate, parseEvalLines, type EvalCase } from '../../src/cli/evaluate';
import { Matcher } from '../../src/match/index';
import { fixturesDir, shippedArticles } from '../helpers/builders';

/**
 * The evaluation set guards matching quality: a change that makes the bot answer worse, or speak
 * up where it should not, fails here. messages.jsonl is the set the matcher was tuned on;
 * holdout.jsonl was kept aside and is held to slightly looser bounds (see README).
 */
const articles = shippedArticles();
const ids = new Set(articles.map((a) => a.id));
const load = (name: string): EvalCase[] => parseEvalLines(readFileSync(join(fixturesDir, 'eval', name), 'utf8'));
const messages = load('messages.jsonl');
const holdout = load('holdout.jsonl');
const matcher = new Matcher(articles);

describe('the evaluation set itself', () => {
  it.each([
    ['messages.jsonl', messages],
    ['holdout.jsonl', holdout],
  ])('%s: every case has a known label and a source, and a third or more need no answer', (_name, cases) => {
    for (const c of cases) {
      expect(c.label === 'none' || ids.has(c.label)).toBe(true);
      expect(c.source).toMatch(/^(https?:\/\/|synthetic: \S|fixture: \S)/);
    }
    expect(cases.filter((c) => c.label === 'none').length / cases.length).toBeGreaterThanOrEqual(1 / 3);
  });

  it('has 100+ tuning cases, a quarter or so held out, no case in both, and every article covered', () => {
    expect(messages.length).toBeGreaterThanOrEqual(100);
    const share = holdout.length / (messages.length + holdout.length);
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.35);
    const seen = new Set(messages.map((c) => c.text));
    expect(holdout.filter((c) => seen.has(c.text))).toEqual([]);
    for (const id of ids) expect(messages.some((c) => c.label === id)).toBe(true);
  });
});

describe('matching quality on the evaluation set', () => {
  it('meets the targets on messages.jsonl', () => {
    const { summary } = evaluate(matcher, messages);
    expect(summary.top1).toBeGreaterThanOrEqual(0.9);
    expect(summary.top3).toBeGreaterThanOrEqual(0.95);
    expect(summary.falseAlarmUnasked).toBeLessThanOrEqual(0.05);
    expect(summary.falseAlarmMention).toBeLessThanOrEqual(0.1);
    expect(summary.wrongUnasked).toBeLessThanOrEqual(0.02);
  });

  it('holds up on holdout.jsonl', () => {
    const { summary } = evaluate(matcher, holdout);
    expect(summary.top1).toBeGreaterThanOrEqual(0.85);
    expect(summary.top3).toBeGreaterThanOrEqual(0.85);
    expect(summary.falseAlarmUnasked).toBeLessThanOrEqual(0.05);
    expect(summary.falseAlarmMention).toBeLessThanOrEqual(0.15);
    expect(summary.wrongUnasked).toBe(0);
  });

  it('has calibrated confidence: higher buckets are right more often, and the top ones nearly always', () => {
    const { summary } = evaluate(matcher, [...messages, ...holdout]);
    const filled = summary.reliability.filter((b) => b.cases >= 3);
    for (let i = 1; i < filled.length; i++) expect(filled[i]!.accuracy).toBeGreaterThanOrEqual(filled[i - 1]!.accuracy - 0.1);
    const top = summary.reliability.find((b) => b.from === 0.9)!;
    expect(top.cases).toBeGreaterThan(20);
    expect(top.accuracy).toBeGreaterThanOrEqual(0.95);
    const bottom = summary.reliability[0]!;
    expect(bottom.accuracy).toBeLessThanOrEqual(0.5);
    expect(summary.calibrationError).toBeLessThan(0.2);
  });

  it('stays fast: per-message latency well under a millisecond (loose bound for shared CI machines)', () => {
    const { summary } = evaluate(matcher, messages);
    expect(summary.latencyMicros.p50).toBeLessThan(1000);
    expect(summary.latencyMicros.p99).toBeLessThan(5000);
  });
});
