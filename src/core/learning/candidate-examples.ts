import { NONE, OTHER_IDC } from '../../knowledge/example';
import type { LearningSignal } from '../ports/ports';
import { scrubText } from '../scrub-text';
import type { AskedMessage } from '../ports/store';

/** A line of `examples export`: what a maintainer reviews before adding it to knowledge/examples. */
export interface CandidateExample {
  text: string;
  /** The suggested label; "needs-label" when people only said the answer was not helpful. */
  label: string;
  source: string;
  /** Why: the strongest signal about the message. */
  signal: LearningSignal['kind'];
  /** What the bot did with it at the time. */
  outcome: AskedMessage['outcome'];
  answered?: string;
  at: string;
}

/** Which signal decides the label when a message has several: a resolution beats a choice beats a vote. */
const STRENGTH: Record<LearningSignal['kind'], number> = { resolved: 4, clarify: 3, helpful: 2, not_helpful: 1 };

/**
 * Turns stored messages and what people said about them into candidate examples: the article a
 * resolution named (or "other-idc" for "no article"), the article chosen from a clarify question,
 * the article voted helpful, or "needs-label" for one voted not helpful. Messages nobody said
 * anything about are left out. Texts are scrubbed again (e-mails, tokens, account ids, ARNs).
 */
export function candidateExamples(messages: readonly AskedMessage[], signals: readonly LearningSignal[]): CandidateExample[] {
  const strongest = new Map<string, LearningSignal>();
  for (const s of signals) {
    const current = strongest.get(s.messageHash);
    if (!current || STRENGTH[s.kind] > STRENGTH[current.kind] || (STRENGTH[s.kind] === STRENGTH[current.kind] && s.at >= current.at)) strongest.set(s.messageHash, s);
  }
  const out: CandidateExample[] = [];
  for (const m of messages) {
    const s = strongest.get(m.messageHash);
    if (!s) continue;
    const label = s.kind === 'not_helpful' ? 'needs-label' : (s.articleId ?? (s.kind === 'resolved' ? OTHER_IDC : NONE));
    out.push({
      text: scrubText(m.text),
      label,
      source: `chat:${m.platform}:${m.messageHash.slice(0, 12)}`,
      signal: s.kind,
      outcome: m.outcome,
      ...(m.articleId ? { answered: m.articleId } : {}),
      at: s.at.toISOString(),
    });
  }
  return out;
}
