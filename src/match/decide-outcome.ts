import type { Thresholds } from './fusion';

/**
 * What the assistant does with a message, when asked:
 * - answer: one article is clearly the one;
 * - clarify: two or three are close; ask "Which one looks like your problem?";
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

export function decideOutcome(
  matches: ReadonlyArray<{ articleId: string; confidence: number }>,
  idcProbability: number,
  t: Thresholds,
): Decision {
  const [best, second] = matches;
  const close = (m: { confidence: number }) => m.confidence >= t.clarify && best!.confidence - m.confidence < t.margin;
  if (best && best.confidence >= t.answer) {
    if (second && close(second)) return clarify(matches, close, false);
    return { outcome: 'answer', clarify: [], unasked: best.confidence >= t.unasked ? best.articleId : null };
  }
  // A question about articles only makes sense for a message that is about IAM Identity Center at all.
  if (best && best.confidence >= t.clarify && idcProbability >= t.undocumented) return clarify(matches, (m) => m.confidence >= t.clarify, true);
  return { outcome: idcProbability >= t.undocumented ? 'undocumented' : 'silent', clarify: [], unasked: null };
}

function clarify(
  matches: ReadonlyArray<{ articleId: string; confidence: number }>,
  keep: (m: { confidence: number }) => boolean,
  allowSingle: boolean,
): Decision {
  const choices = matches.slice(0, MAX_CHOICES).filter((m, i) => i === 0 || keep(m)).map((m) => m.articleId);
  // A single weak candidate is still worth offering as a question rather than asserting it.
  if (choices.length < 2 && !allowSingle) return { outcome: 'answer', clarify: [], unasked: null };
  return { outcome: 'clarify', clarify: choices, unasked: null };
}
