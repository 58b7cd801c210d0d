import type { Assistant } from '../core/assistant';
import { composeArticle } from '../core/replies/compose-answer';
import { searchKnowledge } from '../core/surfaces/search-knowledge';
import { CARD_CONTENT_TYPE } from './adaptive-card';
import { SEARCH_PARAMETER } from './message-extension-ids';
import { renderCard } from './render-card';

/** Teams lists at most 25 results; ten articles is plenty to pick from. */
export const SEARCH_RESULTS = 10;

export interface QueryValue {
  commandId?: string;
  parameters?: Array<{ name?: string; value?: unknown }>;
}

/** What was typed (empty on the initial run, which Teams marks with an `initialRun` parameter). */
export function queryText(value: QueryValue | undefined): string {
  const p = value?.parameters?.find((x) => x.name === SEARCH_PARAMETER);
  return typeof p?.value === 'string' ? p.value : '';
}

/** A short text Teams shows in place of results (errors the person can act on). */
export function extensionMessage(text: string): unknown {
  return { composeExtension: { type: 'message', text } };
}

/**
 * `composeExtension/query` → a result list: each item previews as a thumbnail (title and cause)
 * and inserts the whole article as an Adaptive Card. The query never reaches the cards.
 */
export function searchResults(assistant: Assistant, query: string): unknown {
  const hits = searchKnowledge(assistant.matcher, assistant.articles, query, SEARCH_RESULTS);
  if (hits.length === 0) return extensionMessage('No article matches. Try the exact error text, or fewer words (scim, saml, mfa).');
  return {
    composeExtension: {
      type: 'result',
      attachmentLayout: 'list',
      attachments: hits.map((h) => ({
        contentType: CARD_CONTENT_TYPE,
        content: renderCard(composeArticle(assistant.articles.get(h.articleId)!)),
        preview: { contentType: 'application/vnd.microsoft.card.thumbnail', content: { title: h.title, text: h.summary } },
      })),
    },
  };
}
