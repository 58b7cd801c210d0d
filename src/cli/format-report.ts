import type { ArticleStats } from '../core/ports/store';

/**
 * `cli report`: per article, how often it was the answer and how people voted, so the knowledge
 * base can be improved where it misses. Helpful rate = helpful / votes ("–" without votes).
 */
export function formatReport(stats: ArticleStats[]): string {
  if (stats.length === 0) return 'No answers or feedback recorded yet.\n';
  const rows = stats.map((s) => {
    const votes = s.helpful + s.notHelpful;
    return [s.articleId, String(s.answers), String(s.helpful), String(s.notHelpful), votes ? `${Math.round((s.helpful / votes) * 100)}%` : '–'];
  });
  const header = ['article', 'answers', 'helpful', 'not helpful', 'helpful rate'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  const total = stats.reduce((t, s) => ({ answers: t.answers + s.answers, helpful: t.helpful + s.helpful, notHelpful: t.notHelpful + s.notHelpful }), { answers: 0, helpful: 0, notHelpful: 0 });
  return [line(header), ...rows.map(line), '', `total: ${total.answers} answers, ${total.helpful + total.notHelpful} votes (${total.helpful} helpful)`].join('\n') + '\n';
}
