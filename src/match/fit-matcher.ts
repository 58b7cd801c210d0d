import type { Article } from '../knowledge/article';
import { NONE, OTHER_IDC, type Example } from '../knowledge/example';
import { crossValidationFolds } from './cross-validate';
import { decideOutcome, type Outcome } from './decide-outcome';
import { CANDIDATE_FEATURES, candidateProbabilities, GATE_FEATURES, logistic, NULL_FEATURES, type FittedParams, type FusionModel, type LogisticModel, type Thresholds } from './fusion';
import { FITTED_PARAMS } from './fitted-params';
import { CANDIDATE_THRESHOLD } from './thresholds';

interface OutOfFold {
  example: Example;
  candidates: { articleId: string; features: number[] }[];
  gate: (best: number) => number[];
  nullFeatures: number[];
}

/** Unasked answers must be right at least this often on the out-of-fold predictions (the goal: 98 %). */
const UNASKED_PRECISION = 0.98;

/**
 * Fits the fusion and gate models and the decision thresholds on out-of-fold predictions of the
 * real examples (k folds split by source): the learned views of each example come from a matcher
 * that never saw its thread. Deterministic: the same knowledge gives the same numbers.
 */
export function fitMatcher(articles: readonly Article[], examples: readonly Example[], k = 5): FittedParams {
  const oof: OutOfFold[] = [];
  for (const { matcher, heldOut } of crossValidationFolds(articles, examples, k, FITTED_PARAMS)) {
    for (const example of heldOut) {
      const a = matcher.analyse(example.text);
      oof.push({ example, candidates: a.candidates.map((c) => ({ articleId: articles[c.article]!.id, features: c.features })), gate: a.gate, nullFeatures: a.nullFeatures });
    }
  }
  const right = (e: Example, id: string) => e.label === id || e.alt === id;
  const fusion = fitConditionalLogit(
    oof.map((o) => ({ rows: o.candidates.map((c) => c.features), nullRow: o.nullFeatures, target: o.candidates.findIndex((c) => right(o.example, c.articleId)) })),
    CANDIDATE_FEATURES.length,
    NULL_FEATURES.length,
  );
  const ranked = oof.map((o) => {
    const p = candidateProbabilities(fusion, o.candidates.map((c) => c.features), o.nullFeatures);
    return {
      example: o.example,
      matches: o.candidates
        .map((c, i) => ({ articleId: c.articleId, confidence: p[i]! }))
        .filter((m) => m.confidence >= CANDIDATE_THRESHOLD)
        .sort((x, y) => y.confidence - x.confidence),
      gate: o.gate,
    };
  });
  const gateRows = ranked.map((r) => r.gate(r.matches[0]?.confidence ?? 0));
  const gate = fitLogistic(gateRows, ranked.map((r) => (r.example.label === NONE ? 0 : 1)), GATE_FEATURES.length);
  const cases = ranked.map((r, i) => ({ example: r.example, matches: r.matches, idc: logistic(gate, gateRows[i]!) }));
  return { fusion, gate, thresholds: fitThresholds(cases), fittedOn: { examples: examples.length, articles: articles.length, folds: k } };
}

/** Plain L2-regularised logistic regression by gradient descent; a dozen features, a few thousand rows. */
export function fitLogistic(rows: readonly number[][], targets: readonly number[], width: number, l2 = 1e-3, iterations = 3000): LogisticModel {
  const w = new Array<number>(width).fill(0);
  let b = 0;
  const rate = 0.5;
  const n = Math.max(1, rows.length);
  for (let it = 0; it < iterations; it++) {
    const gw = new Array<number>(width).fill(0);
    let gb = 0;
    rows.forEach((x, i) => {
      const err = logistic({ weights: w, bias: b }, x) - targets[i]!;
      for (let j = 0; j < width; j++) gw[j]! += err * x[j]!;
      gb += err;
    });
    for (let j = 0; j < width; j++) w[j]! -= rate * (gw[j]! / n + l2 * w[j]!);
    b -= (rate * gb) / n;
  }
  return { weights: w.map(round4), bias: round4(b) };
}

/**
 * Conditional logit by gradient descent: for each message, the softmax over its candidates' scores
 * and a "none of these" option (score = bias) should put its mass on the right candidate, or on
 * "none of these" when no candidate is right (target -1).
 */
export function fitConditionalLogit(
  groups: ReadonlyArray<{ rows: number[][]; nullRow: number[]; target: number }>,
  width: number,
  nullWidth: number,
  l2 = 1e-3,
  iterations = 1500,
): FusionModel {
  const w = new Array<number>(width).fill(0);
  const v = new Array<number>(nullWidth).fill(0);
  let b = 0;
  const rate = 0.5;
  const n = Math.max(1, groups.length);
  for (let it = 0; it < iterations; it++) {
    const gw = new Array<number>(width).fill(0);
    const gv = new Array<number>(nullWidth).fill(0);
    let gb = 0;
    for (const g of groups) {
      const p = candidateProbabilities({ weights: w, bias: b, nullWeights: v }, g.rows, g.nullRow);
      const pNull = 1 - p.reduce((a, x) => a + x, 0);
      g.rows.forEach((x, i) => {
        const err = p[i]! - (i === g.target ? 1 : 0);
        for (let j = 0; j < width; j++) gw[j]! += err * x[j]!;
      });
      const errNull = pNull - (g.target < 0 ? 1 : 0);
      gb += errNull;
      for (let j = 0; j < nullWidth; j++) gv[j]! += errNull * g.nullRow[j]!;
    }
    for (let j = 0; j < width; j++) w[j]! -= rate * (gw[j]! / n + l2 * w[j]!);
    for (let j = 0; j < nullWidth; j++) v[j]! -= rate * (gv[j]! / n + l2 * v[j]!);
    b -= (rate * gb) / n;
  }
  return { weights: w.map(round4), bias: round4(b), nullWeights: v.map(round4) };
}

/**
 * What each outcome is worth for an article case: a right answer most, a wrong one less than
 * nothing (a wrong answer costs trust), a question that offers the right article something.
 * For "none" and "other-idc" cases the goals are limits (MAX_FALSE_ALARMS, MAX_OTHER_IDC_ANSWERED)
 * plus a small reward for the right kind of non-answer.
 */
export function utility(label: string, alt: string | undefined, outcome: Outcome, answered: string | undefined, offered: readonly string[]): number {
  const right = (id: string | undefined) => id !== undefined && (id === label || id === alt);
  if (label === NONE) return outcome === 'silent' ? 0.2 : 0;
  if (label === OTHER_IDC) return outcome === 'undocumented' ? 0.2 : 0;
  switch (outcome) {
    case 'answer':
      return right(answered) ? 1 : -0.5;
    case 'clarify':
      return offered.some(right) ? 0.5 : -0.3;
    case 'undocumented':
      return -0.1; // honest, but the article that would have helped was not offered
    case 'silent':
      return -0.2;
  }
}

/** Goals of the matching issue, with a margin: "none" cases shown an article ≤ 5 %, "other-idc" cases answered ≤ 10 %. */
const MAX_FALSE_ALARMS = 0.04;
const MAX_OTHER_IDC_ANSWERED = 0.08;

interface ScoredCase {
  example: Example;
  matches: { articleId: string; confidence: number }[];
  idc: number;
}

function fitThresholds(cases: readonly ScoredCase[]): Thresholds {
  let best: Thresholds = FITTED_PARAMS.thresholds;
  let bestValue = -Infinity;
  const noneCases = cases.filter((c) => c.example.label === NONE).length;
  const otherCases = cases.filter((c) => c.example.label === OTHER_IDC).length;
  const grid = (from: number, to: number, step: number) => Array.from({ length: Math.round((to - from) / step) + 1 }, (_, i) => round4(from + i * step));
  for (const answer of grid(0.3, 0.95, 0.05)) {
    for (const clarify of grid(0.3, 0.95, 0.05)) {
      for (const margin of [0, 0.1, 0.2]) {
        for (const undocumented of grid(0.3, 0.95, 0.05)) {
          for (const answerIdc of [0, 0.2, 0.4, 0.6]) {
          const t = { answer, answerIdc, clarify, margin, undocumented, unasked: 2 };
          let value = 0;
          let falseAlarms = 0;
          let otherAnswered = 0;
          for (const c of cases) {
            const d = decideOutcome(c.matches, c.idc, t);
            value += utility(c.example.label, c.example.alt, d.outcome, c.matches[0]?.articleId, d.clarify);
            if (c.example.label === NONE && (d.outcome === 'answer' || d.outcome === 'clarify')) falseAlarms++;
            if (c.example.label === OTHER_IDC && d.outcome === 'answer') otherAnswered++;
          }
          if (falseAlarms > MAX_FALSE_ALARMS * noneCases || otherAnswered > MAX_OTHER_IDC_ANSWERED * otherCases) continue;
          if (value > bestValue + 1e-9) {
            bestValue = value;
            best = t;
          }
          }
        }
      }
    }
  }
  return { ...best, unasked: fitUnasked(cases, best) };
}

/** The lowest threshold at which answers given unasked are right at least UNASKED_PRECISION of the time. */
function fitUnasked(cases: readonly ScoredCase[], t: Thresholds): number {
  const answered = cases
    .map((c) => ({ c, d: decideOutcome(c.matches, c.idc, { ...t, unasked: 2 }) }))
    .filter(({ d }) => d.outcome === 'answer')
    .map(({ c }) => ({ p: c.matches[0]!.confidence, right: c.matches[0]!.articleId === c.example.label || c.matches[0]!.articleId === c.example.alt }))
    .sort((x, y) => y.p - x.p);
  let chosen = 1.01; // never, unless some threshold earns it
  let rightSoFar = 0;
  answered.forEach((a, i) => {
    if (a.right) rightSoFar++;
    const next = answered[i + 1];
    if (next && next.p === a.p) return;
    if (rightSoFar / (i + 1) >= UNASKED_PRECISION) chosen = Math.max(t.answer, round4(a.p));
  });
  return chosen;
}

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
