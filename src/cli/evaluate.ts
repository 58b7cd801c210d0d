import { ANSWER_THRESHOLD, UNASKED_THRESHOLD, type Matcher } from '../match/index';

export interface EvalCase {
  text: string;
  /** Article id, or "none" when the bot must stay silent. */
  label: string;
  source?: string;
}

export interface EvalCaseResult {
  label: string;
  /** What the bot answers when mentioned: the best article at or above ANSWER_THRESHOLD, else null. */
  predicted: string | null;
  /** Whether the bot would speak up unasked in a watched channel. */
  unasked: string | null;
  confidence: number;
  ranked: string[];
  micros: number;
}

export interface EvalSummary {
  cases: number;
  positives: number;
  negatives: number;
  /** Share of positive cases whose answer (on mention) is the labelled article. */
  top1: number;
  /** Share of positive cases whose labelled article is among the first three ranked. */
  top3: number;
  /** Share of "none" cases that get an article on mention. */
  falseAlarmMention: number;
  /** Share of "none" cases on which the bot would speak unasked in a watched channel. */
  falseAlarmUnasked: number;
  /** Share of positive cases answered unasked with a wrong article. */
  wrongUnasked: number;
  latencyMicros: { p50: number; p99: number; max: number };
  /** Reliability table: cases whose best match falls in each confidence bucket, and how often it was right. */
  reliability: ReliabilityBucket[];
  /** Expected calibration error: mean |accuracy − confidence| over buckets, weighted by cases (0 is perfect). */
  calibrationError: number;
}

export interface ReliabilityBucket {
  /** Confidence range [from, to). */
  from: number;
  to: number;
  cases: number;
  meanConfidence: number;
  /** Share of these cases whose best match is the labelled article ("none" cases are never right). */
  accuracy: number;
}

/** Bucket edges for the reliability table; the first starts at the candidate threshold. */
const BUCKETS = [0.25, 0.45, 0.6, 0.7, 0.8, 0.9, 1.0001];
/** Untimed passes before timing, so the numbers describe a warm server rather than JIT compilation. */
const WARM_UP_PASSES = 2;
const TIMED_RUNS = 3;

/** Reads JSONL evaluation cases; with `articleIds`, a label that is neither "none" nor an article is an error. */
export function parseEvalLines(text: string, articleIds?: ReadonlySet<string>): EvalCase[] {
  const cases: EvalCase[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw new Error(`line ${i + 1}: not valid JSON`);
    }
    const c = parsed as Partial<EvalCase>;
    if (typeof c.text !== 'string' || typeof c.label !== 'string') throw new Error(`line ${i + 1}: needs "text" and "label" strings`);
    if (articleIds && c.label !== 'none' && !articleIds.has(c.label)) {
      throw new Error(`line ${i + 1}: label "${c.label.slice(0, 80)}" is neither "none" nor an article id (see kb list)`);
    }
    cases.push({ text: c.text, label: c.label, source: typeof c.source === 'string' ? c.source : undefined });
  });
  return cases;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

export function evaluate(matcher: Matcher, cases: EvalCase[]): { cases: EvalCaseResult[]; summary: EvalSummary } {
  for (let i = 0; i < WARM_UP_PASSES; i++) for (const c of cases) matcher.match(c.text);
  const results = cases.map((c): EvalCaseResult => {
    // The median of a few timed runs, so one garbage-collection pause does not pass for the message's cost.
    const runs: number[] = [];
    let r = matcher.match(c.text);
    for (let i = 0; i < TIMED_RUNS; i++) {
      const t0 = process.hrtime.bigint();
      r = matcher.match(c.text);
      runs.push(Number(process.hrtime.bigint() - t0) / 1000);
    }
    const micros = runs.sort((x, y) => x - y)[Math.floor(TIMED_RUNS / 2)]!;
    const best = r.matches[0];
    return {
      label: c.label,
      predicted: best && best.confidence >= ANSWER_THRESHOLD ? best.articleId : null,
      unasked: best && best.confidence >= UNASKED_THRESHOLD ? best.articleId : null,
      confidence: best?.confidence ?? 0,
      ranked: r.matches.map((m) => m.articleId),
      micros: Math.round(micros),
    };
  });
  const pos = results.filter((r) => r.label !== 'none');
  const neg = results.filter((r) => r.label === 'none');
  const share = (n: number, d: number) => (d === 0 ? 0 : Math.round((n / d) * 1000) / 1000);
  const lat = results.map((r) => r.micros).sort((a, b) => a - b);
  return {
    cases: results,
    summary: {
      cases: results.length,
      positives: pos.length,
      negatives: neg.length,
      top1: share(pos.filter((r) => r.predicted === r.label).length, pos.length),
      top3: share(pos.filter((r) => r.ranked.slice(0, 3).includes(r.label)).length, pos.length),
      falseAlarmMention: share(neg.filter((r) => r.predicted !== null).length, neg.length),
      falseAlarmUnasked: share(neg.filter((r) => r.unasked !== null).length, neg.length),
      wrongUnasked: share(pos.filter((r) => r.unasked !== null && r.unasked !== r.label).length, pos.length),
      latencyMicros: { p50: quantile(lat, 0.5), p99: quantile(lat, 0.99), max: lat[lat.length - 1] ?? 0 },
      ...reliability(results),
    },
  };
}

function reliability(results: EvalCaseResult[]): Pick<EvalSummary, 'reliability' | 'calibrationError'> {
  const buckets: ReliabilityBucket[] = [];
  let weightedGap = 0;
  let counted = 0;
  for (let i = 0; i + 1 < BUCKETS.length; i++) {
    const from = BUCKETS[i]!;
    const to = BUCKETS[i + 1]!;
    const inside = results.filter((r) => r.ranked.length > 0 && r.confidence >= from && r.confidence < to);
    const right = inside.filter((r) => r.ranked[0] === r.label).length;
    const meanConfidence = inside.length ? inside.reduce((s, r) => s + r.confidence, 0) / inside.length : 0;
    const accuracy = inside.length ? right / inside.length : 0;
    buckets.push({ from, to: Math.min(1, to), cases: inside.length, meanConfidence: round3(meanConfidence), accuracy: round3(accuracy) });
    weightedGap += inside.length * Math.abs(accuracy - meanConfidence);
    counted += inside.length;
  }
  return { reliability: buckets, calibrationError: round3(counted ? weightedGap / counted : 0) };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
