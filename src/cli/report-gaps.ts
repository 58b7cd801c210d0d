import { groupSimilar } from '../core/learning/group-similar';
import { LEARNING_RETENTION_DAYS, type Store } from '../core/ports/store';
import { truncate } from '../core/text/truncate';

/** A group of similar messages the bot could not help with: what the knowledge base lacks. */
export interface Gap {
  messages: number;
  /** How the bot handled them: silent, undocumented, not helpful (answered, then voted down). */
  outcomes: Record<string, number>;
  /** The first message of the group, scrubbed and shortened. */
  example: string;
  /** Articles given that people voted not helpful. */
  articles: string[];
}

const MAX_GAPS = 20;

/**
 * Stored messages (the store keeps LEARNING_RETENTION_DAYS) that got no answer, "undocumented" or a
 * not-helpful vote, grouped by similarity.
 */
export async function reportGaps(store: Store): Promise<Gap[]> {
  const { messages, signals } = await store.learningData(new Date(0));
  const downVoted = new Set(signals.filter((s) => s.kind === 'not_helpful').map((s) => s.messageHash));
  const misses = messages.filter((m) => m.outcome === 'silent' || m.outcome === 'undocumented' || downVoted.has(m.messageHash));
  return groupSimilar(misses, (m) => m.text)
    .slice(0, MAX_GAPS)
    .map((group) => {
      const outcomes: Record<string, number> = {};
      for (const m of group) {
        const key = downVoted.has(m.messageHash) ? 'not helpful' : m.outcome;
        outcomes[key] = (outcomes[key] ?? 0) + 1;
      }
      const text = group[0]!.text.replace(/\s+/g, ' ');
      return {
        messages: group.length,
        outcomes,
        example: truncate(text, 160),
        articles: [...new Set(group.filter((m) => downVoted.has(m.messageHash) && m.articleId).map((m) => m.articleId!))],
      };
    });
}

export function formatGaps(gaps: readonly Gap[]): string {
  if (gaps.length === 0) return `\nNo unanswered, undocumented or not-helpful messages in the last ${LEARNING_RETENTION_DAYS} days.\n`;
  const lines = gaps.map((g) => {
    const how = Object.entries(g.outcomes).map(([k, n]) => `${n} ${k}`).join(', ');
    const voted = g.articles.length ? ` (voted down: ${g.articles.join(', ')})` : '';
    return `${String(g.messages).padStart(4)}  ${how}${voted}\n      “${g.example}”`;
  });
  return `\nGaps: messages without a good answer, similar ones grouped (last ${LEARNING_RETENTION_DAYS} days)\n${lines.join('\n')}\n`;
}
