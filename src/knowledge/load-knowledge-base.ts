import type { Article } from './article';
import type { Example } from './example';
import { loadExamples } from './load-examples';
import { loadKnowledge } from './load-knowledge';

export interface KnowledgeBase {
  articles: Article[];
  examples: Example[];
}

/** Articles and their real example messages from every knowledge directory (built-in first). */
export function loadKnowledgeBase(dirs: readonly string[], warn?: (message: string) => void): KnowledgeBase {
  const articles = loadKnowledge(dirs, warn);
  return { articles, examples: loadExamples(dirs, new Set(articles.map((a) => a.id))) };
}
