/**
 * How the evidence about one candidate article is put together, and how sure the matcher is that
 * a message is an IAM Identity Center problem at all. Both are logistic regressions whose weights
 * are fitted on out-of-fold predictions over the real example messages (fit-matcher.ts, `kb fit`),
 * never set by hand; the fitted numbers live in fitted-params.ts.
 */

/** Per candidate article: what each source of evidence says about it. */
export const CANDIDATE_FEATURES = [
  'classifier', // softmax probability of the article
  'classifierMargin', // that probability minus the best other article's
  'nearest', // cosine similarity of its closest training document
  'nearestMargin', // that similarity minus the best other article's
  'signature', // exact or truncated error string (0.97 exact, 0.5 shared, partial in between)
  'event', // a CloudTrail record the article lists
  'symptom', // IDF-weighted overlap with its symptom phrasings
  'notArticle', // classifier probability of "other-idc" + "none"
  'context', // the message mentions AWS / Identity Center words
  'unrelated', // a known AWS error outside Identity Center (expired CLI session, STS denial…)
] as const;

/** Per message: is this an IAM Identity Center problem? */
export const GATE_FEATURES = [
  'classifierNone',
  'classifierOther',
  'nearestNone',
  'nearestOther',
  'nearestArticle', // best article similarity
  'bestCandidate', // fused probability of the best article
  'signatureOrEvent',
  'context',
  'unrelated',
] as const;

export interface LogisticModel {
  weights: number[];
  bias: number;
}

/** Per message, what makes "none of these articles" likely: the gate features that do not depend on the fusion. */
export const NULL_FEATURES = GATE_FEATURES.filter((f) => f !== 'bestCandidate');

/** The fusion: candidate scores w·x, and "none of these" scored bias + nullWeights·(null features). */
export interface FusionModel extends LogisticModel {
  nullWeights: number[];
}

export interface Thresholds {
  /** Asked: answer with the best article at or above this probability… */
  answer: number;
  /** …in a message at least this likely to be about IAM Identity Center at all (the gate). */
  answerIdc: number;
  /** Asked: below `answer`, offer two or three candidates whose probabilities add up to at least this ("Which one looks like your problem?"). */
  clarify: number;
  /** Asked: ask instead of answering when the second candidate is within this distance of the first. */
  margin: number;
  /** Asked, nothing close: call it an IAM Identity Center problem without an article at or above this. */
  undocumented: number;
  /** Unasked (watched channels): answer only at or above this. */
  unasked: number;
}

export interface FittedParams {
  /** Conditional logit over candidates and a "none of these" option. */
  fusion: FusionModel;
  gate: LogisticModel;
  thresholds: Thresholds;
  /** What the numbers were fitted on, for README and `kb fit` output. */
  fittedOn: { examples: number; articles: number; folds: number };
}

/**
 * The fusion is a conditional logit: each candidate gets the score w·x, and a "none of these"
 * option a score from what the message looks like overall (a message that reads like no IAM
 * Identity Center problem makes it likely); probabilities are the softmax over the candidates and
 * that option. So one candidate far ahead of the others gets a high probability, two close ones
 * share it, and a weak candidate in a message that is not about Identity Center gets little.
 */
export function candidateProbabilities(model: FusionModel, rows: readonly (readonly number[])[], nullRow: readonly number[]): number[] {
  const scores = rows.map((x) => x.reduce((z, v, i) => z + (model.weights[i] ?? 0) * v, 0));
  const nullScore = nullRow.reduce((z, v, i) => z + (model.nullWeights[i] ?? 0) * v, model.bias);
  const max = Math.max(nullScore, ...scores);
  const exps = scores.map((z) => Math.exp(z - max));
  const total = exps.reduce((a, b) => a + b, Math.exp(nullScore - max));
  return exps.map((e) => e / total);
}

export function logistic(model: LogisticModel, x: readonly number[]): number {
  let z = model.bias;
  for (let i = 0; i < x.length; i++) z += (model.weights[i] ?? 0) * x[i]!;
  return 1 / (1 + Math.exp(-z));
}
