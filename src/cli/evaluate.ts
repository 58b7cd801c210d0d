import type { Article } from '../knowledge/article';
import { NONE, OTHER_IDC, type Example } from '../knowledge/example';
import { crossValidationFolds } from '../match/cross-validate';
import type { Matcher, MatchResult } from '../match/index';

export interface EvalCase {
  text: string;
  /** Article id, "other-idc" (an IAM Identity Center problem with no article) or "none" (not ours). */
  label: string;
  /** A second label that is also right. */
  alt?: string;
  source?: string;
}

export interface EvalCaseResult {
  label: string;
  alt?: string;
  /** When asked: answer (one article, in `predicted`), clarify (a short list in `ranked`), undocumented or silent. */
  outcome: MatchResult['outcome'];
  /** The article asserted when asked, else null. */
  predicted: string | null;
  /** Whether, and with what, the bot would speak up unasked in a watched channel. */
  unasked: string | null;
  confidence: number;
  ranked: string[];
  /** The articles offered when `outcome` is "clarify". */
  offered: string[];
  micros: number;
  source?: string;
}

export interface EvalSummary {
  cases: number;
  /** Cases labelled with an article. */
  positives: number;
  otherIdc: number;
  negatives: number;
  /** Article cases answered (asked) with the right article. */
  top1: number;
  /** Article cases whose first-ranked article is right, whatever the outcome. */
  top1Ranked: number;
  /** Article cases whose right article is among the first three ranked. */
  top3: number;
  /** Article cases that got a "Which one?" question, and how many of those offered the right one. */
  clarified: number;
  clarifiedRight: number;
  /** "none" cases shown any article when asked (answer or clarify). */
  falseAlarmMention: number;
  /** "none" cases on which the bot would speak unasked. */
  falseAlarmUnasked: number;
  /** "other-idc" cases answered with an article (necessarily the wrong one). */
  otherIdcWrongArticle: number;
  /** "other-idc" cases recognised as an IAM Identity Center problem without an article. */
  otherIdcRecognised: number;
  /** Of all answers given unasked, the share that were right. */
  unaskedPrecision: number;
  /** Article cases answered unasked with the right article. */
  unaskedRecall: number;
  /** Article cases answered unasked with a wrong article. */
  wrongUnasked: number;
  latencyMicros: { p50: number; p99: number; max: number };
  /** Reliability table: cases by the confidence of their best match, and how often it was right. */
  reliability: ReliabilityBucket[];
  /** Expected calibration error: mean |accuracy − confidence| over buckets, weighted by cases (0 is perfect). */
  calibrationError: number;
}

export interface ReliabilityBucket {
  from: number;
  to: number;
  cases: number;
  meanConfidence: number;
  /** Share of these cases whose best match is right ("none" and "other-idc" cases never are). */
  accuracy: number;
}

const BUCKETS = [0.1, 0.3, 0.5, 0.7, 0.8, 0.9, 1.0001];
/** Untimed passes before timing, so the numbers describe a warm server rather than JIT compilation. */
const WARM_UP_PASSES = 2;
const TIMED_RUNS = 3;

/** Reads JSONL evaluation cases; with `articleIds`, a label that is not an article, "other-idc" or "none" is an error. */
export function parseEvalLines(text: string, articleIds?: ReadonlySet<string>): EvalCase[] {
  const known = (l: string) => !articleIds || l === NONE || l === OTHER_IDC || articleIds.has(l);
  const cases: EvalCase[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw new Error(`line ${i + 1}: not valid JSON`);
    }
    const c = (parsed ?? {}) as Partial<Record<keyof EvalCase, unknown>>;
    if (typeof c.text !== 'string' || typeof c.label !== 'string') throw new Error(`line ${i + 1}: needs "text" and "label" strings`);
    if (!known(c.label)) throw new Error(`line ${i + 1}: label "${c.label.slice(0, 80)}" is not an article id, "other-idc" or "none" (see kb list)`);
    const alt = typeof c.alt === 'string' && c.alt ? c.alt : undefined;
    if (alt && !known(alt)) throw new Error(`line ${i + 1}: alt "${alt.slice(0, 80)}" is not an article id, "other-idc" or "none"`);
    cases.push({ text: c.text, label: c.label, alt, source: typeof c.source === 'string' ? c.source : undefined });
  });
  return cases;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** Runs each case through the matcher as the bot would, timing it (median of a few warm runs). */
export function runCases(matcher: Matcher, cases: readonly EvalCase[]): EvalCaseResult[] {
  for (let i = 0; i < WARM_UP_PASSES; i++) for (const c of cases) matcher.match(c.text);
  return cases.map((c): EvalCaseResult => {
    const runs: number[] = [];
    let r = matcher.match(c.text);
    for (let i = 0; i < TIMED_RUNS; i++) {
      const t0 = process.hrtime.bigint();
      r = matcher.match(c.text);
      runs.push(Number(process.hrtime.bigint() - t0) / 1000);
    }
    const best = r.matches[0];
    return {
      label: c.label,
      ...(c.alt ? { alt: c.alt } : {}),
      outcome: r.outcome,
      predicted: r.outcome === 'answer' && best ? best.articleId : null,
      unasked: r.unasked,
      confidence: best?.confidence ?? 0,
      ranked: r.matches.map((m) => m.articleId),
      offered: r.clarify,
      micros: Math.round(runs.sort((x, y) => x - y)[Math.floor(TIMED_RUNS / 2)]!),
      ...(c.source ? { source: c.source } : {}),
    };
  });
}

export function evaluate(matcher: Matcher, cases: readonly EvalCase[]): { cases: EvalCaseResult[]; summary: EvalSummary } {
  const results = runCases(matcher, cases);
  return { cases: results, summary: summarise(results) };
}

/**
 * k-fold cross-validation over examples, folds split by source: each example is scored by a
 * matcher built without its thread. The fusion weights stay the shipped fitted ones (a dozen
 * numbers fitted on the same out-of-fold predictions, so the estimate is slightly optimistic).
 */
export function crossValidate(articles: readonly Article[], examples: readonly Example[], k: number): { cases: EvalCaseResult[]; summary: EvalSummary } {
  const results: EvalCaseResult[] = [];
  for (const { matcher, heldOut } of crossValidationFolds(articles, examples, k)) {
    results.push(...runCases(matcher, heldOut.map((e) => ({ text: e.text, label: e.label, alt: e.alt, source: e.source }))));
  }
  return { cases: results, summary: summarise(results) };
}

export function summarise(results: readonly EvalCaseResult[]): EvalSummary {
  const right = (r: EvalCaseResult, id: string | null | undefined) => id != null && (id === r.label || id === r.alt);
  const pos = results.filter((r) => r.label !== NONE && r.label !== OTHER_IDC);
  const other = results.filter((r) => r.label === OTHER_IDC);
  const neg = results.filter((r) => r.label === NONE);
  const unasked = results.filter((r) => r.unasked !== null);
  const share = (n: number, d: number) => (d === 0 ? 0 : Math.round((n / d) * 1000) / 1000);
  const shown = (r: EvalCaseResult) => r.outcome === 'answer' || r.outcome === 'clarify';
  const clarified = pos.filter((r) => r.outcome === 'clarify');
  const lat = results.map((r) => r.micros).sort((a, b) => a - b);
  return {
    cases: results.length,
    positives: pos.length,
    otherIdc: other.length,
    negatives: neg.length,
    top1: share(pos.filter((r) => right(r, r.predicted)).length, pos.length),
    top1Ranked: share(pos.filter((r) => right(r, r.ranked[0])).length, pos.length),
    top3: share(pos.filter((r) => r.ranked.slice(0, 3).some((id) => right(r, id))).length, pos.length),
    clarified: share(clarified.length, pos.length),
    clarifiedRight: share(clarified.filter((r) => r.offered.some((id) => right(r, id))).length, clarified.length),
    falseAlarmMention: share(neg.filter(shown).length, neg.length),
    falseAlarmUnasked: share(neg.filter((r) => r.unasked !== null).length, neg.length),
    otherIdcWrongArticle: share(other.filter((r) => r.outcome === 'answer').length, other.length),
    otherIdcRecognised: share(other.filter((r) => r.outcome === 'undocumented').length, other.length),
    unaskedPrecision: share(unasked.filter((r) => right(r, r.unasked)).length, unasked.length),
    unaskedRecall: share(pos.filter((r) => right(r, r.unasked)).length, pos.length),
    wrongUnasked: share(pos.filter((r) => r.unasked !== null && !right(r, r.unasked)).length, pos.length),
    latencyMicros: { p50: quantile(lat, 0.5), p99: quantile(lat, 0.99), max: lat[lat.length - 1] ?? 0 },
    ...reliability(results),
  };
}

function reliability(results: readonly EvalCaseResult[]): Pick<EvalSummary, 'reliability' | 'calibrationError'> {
  const buckets: ReliabilityBucket[] = [];
  let weightedGap = 0;
  let counted = 0;
  for (let i = 0; i + 1 < BUCKETS.length; i++) {
    const from = BUCKETS[i]!;
    const to = BUCKETS[i + 1]!;
    const inside = results.filter((r) => r.ranked.length > 0 && r.confidence >= from && r.confidence < to);
    const rightCount = inside.filter((r) => r.ranked[0] === r.label || r.ranked[0] === r.alt).length;
    const meanConfidence = inside.length ? inside.reduce((s, r) => s + r.confidence, 0) / inside.length : 0;
    const accuracy = inside.length ? rightCount / inside.length : 0;
    buckets.push({ from, to: Math.min(1, to), cases: inside.length, meanConfidence: round3(meanConfidence), accuracy: round3(accuracy) });
    weightedGap += inside.length * Math.abs(accuracy - meanConfidence);
    counted += inside.length;
  }
  return { reliability: buckets, calibrationError: round3(counted ? weightedGap / counted : 0) };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** The summary as people read it. */
export function formatSummary(s: EvalSummary): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return (
    [
      `cases: ${s.cases} (${s.positives} with an article, ${s.otherIdc} other-idc, ${s.negatives} none)`,
      `top-1 (answered right): ${pct(s.top1)}  first-ranked right: ${pct(s.top1Ranked)}  top-3: ${pct(s.top3)}`,
      `clarify asked: ${pct(s.clarified)} of article cases (right one offered in ${pct(s.clarifiedRight)})`,
      `false alarms (none shown an article): ${pct(s.falseAlarmMention)} on mention, ${pct(s.falseAlarmUnasked)} unasked`,
      `other-idc: given an article ${pct(s.otherIdcWrongArticle)}, recognised as undocumented ${pct(s.otherIdcRecognised)}`,
      `unasked answers: right ${pct(s.unaskedPrecision)}, cover ${pct(s.unaskedRecall)} of article cases; wrong unasked ${pct(s.wrongUnasked)}`,
      `latency: p50 ${s.latencyMicros.p50} µs, p99 ${s.latencyMicros.p99} µs, max ${s.latencyMicros.max} µs`,
      `calibration (confidence → share right), error ${s.calibrationError}:`,
      ...s.reliability.filter((b) => b.cases > 0).map((b) => `  ${b.from.toFixed(2)}–${b.to.toFixed(2)}: ${b.cases} cases, mean ${b.meanConfidence.toFixed(2)}, right ${pct(b.accuracy)}`),
    ].join('\n') + '\n'
  );
}
