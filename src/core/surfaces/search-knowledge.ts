import type { Article } from '../../knowledge/article';
import type { Matcher } from '../../match/index';

export interface KnowledgeHit {
  articleId: string;
  title: string;
  /** One-line cause (the article's summary): our own text. */
  summary: string;
  /** How the hit was found: the matcher (with its confidence) or a word filter on titles and tags. */
  how: { by: 'matcher'; confidence: number } | { by: 'words' };
}

/** The longest query we read: search boxes are for a few words or one error line. */
export const MAX_QUERY_CHARS = 500;

const wordsOf = (text: string): string[] => text.toLowerCase().split(/[^a-z0-9_]+/).filter((w) => w.length > 1);

/**
 * The knowledge base search behind Slack's "Search the knowledge base" modal and the Teams search
 * extension. The matcher ranks first (it knows signatures, events and symptoms); when it finds
 * nothing (a bare word like "scim"), articles whose id, title or tags hold every typed word are
 * listed, those naming the words in their id or title first. An empty query lists the first `limit` articles.
 */
export function searchKnowledge(matcher: Matcher, articles: ReadonlyMap<string, Article>, query: string, limit: number): KnowledgeHit[] {
  const text = query.slice(0, MAX_QUERY_CHARS).trim();
  const hit = (a: Article, how: KnowledgeHit['how']): KnowledgeHit => ({ articleId: a.id, title: a.title, summary: a.summary, how });
  if (!text) return [...articles.values()].slice(0, limit).map((a) => hit(a, { by: 'words' }));
  const matched = matcher
    .match(text)
    .matches.flatMap((m) => {
      const article = articles.get(m.articleId);
      return article ? [hit(article, { by: 'matcher', confidence: m.confidence })] : [];
    });
  if (matched.length > 0) return matched.slice(0, limit);
  const wanted = wordsOf(text);
  if (wanted.length === 0) return [];
  const found = (have: ReadonlySet<string>, w: string) => have.has(w) || [...have].some((h) => h.startsWith(w));
  return [...articles.values()]
    .flatMap((a) => {
      const have = new Set(wordsOf([a.id, a.title, ...a.tags].join(' ')));
      if (!wanted.every((w) => found(have, w))) return [];
      // Words in the id or title say more than a tag: those articles come first.
      const named = new Set(wordsOf(`${a.id} ${a.title}`));
      return [{ a, score: wanted.filter((w) => found(named, w)).length }];
    })
    .sort((x, y) => y.score - x.score)
    .slice(0, limit)
    .map(({ a }) => hit(a, { by: 'words' }));
}
