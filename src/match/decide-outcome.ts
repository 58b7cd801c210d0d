import type { Thresholds } from './fusion';

/**
 * What the assistant does with a message, when asked:
 * - answer: one article is clearly the one;
 * - clarify: two or three are close, and together likely; ask "Which one looks like your problem?";
 * - undocumented: an IAM Identity Center problem we have no article for; say so, offer checks and escalation;
 * - silent: not IAM Identity Center (asked: a short "outside what I know").
 */
export type Outcome = 'answer' | 'clarify' | 'undocumented' | 'silent';

export interface Decision {
  outcome: Outcome;
  clarify: string[];
  unasked: string | null;
}

const MAX_CHOICES = 3;
/** A candidate below this share of the probability is not worth a button. */
const MIN_CHOICE = 0.1;

export function decideOutcome(
  matches: ReadonlyArray<{ articleId: string; confidence: number }>,
  idcProbability: number,
  t: Thresholds,
): Decision {
  const [best, second] = matches;
  const none: Decision = { outcome: idcProbability >= t.undocumented ? 'undocumented' : 'silent', clarify: [], unasked: null };
  if (!best) return none;
  if (best.confidence >= t.answer && idcProbability >= t.answerIdc) {
    if (!second || best.confidence - second.confidence >= t.margin || second.confidence < MIN_CHOICE) {
      return { outcome: 'answer', clarify: [], unasked: best.confidence >= t.unasked ? best.articleId : null };
    }
  }
  // No single article is sure enough: offer the fewest (two or three) that together are, in a
  // message that is about IAM Identity Center at all.
  if (idcProbability < t.undocumented) return none;
  const offered: string[] = [];
  let together = 0;
  for (const m of matches.slice(0, MAX_CHOICES)) {
    if (m.confidence < MIN_CHOICE) break;
    offered.push(m.articleId);
    together += m.confidence;
    if (together >= t.clarify && offered.length >= 2) return { outcome: 'clarify', clarify: offered, unasked: null };
  }
  return none;
}
