import { encodeAction } from '../commands/action-payload';
import { percent } from '../replies/compose-answer';
import type { Block, Reply } from '../replies/reply';
import type { KnowledgeHit } from './search-knowledge';

/**
 * Search results as a neutral reply: each article's title and one-line cause with an "Open"
 * button (`kb.show`). The query came from a person: it only goes into a plain-text block.
 */
export function composeSearchResults(query: string, hits: readonly KnowledgeHit[]): Reply {
  const shown = query.trim().replace(/\s+/g, ' ').slice(0, 120);
  const title = hits.length === 0 ? 'No matching articles' : `${hits.length} matching article${hits.length === 1 ? '' : 's'}`;
  const blocks: Block[] = [{ type: 'heading', text: title }];
  if (shown) blocks.push({ type: 'text', text: `Searched for: ${shown}` });
  if (hits.length === 0) {
    blocks.push({ type: 'markdown', text: 'Try the exact error text, or fewer words (for example `scim`, `saml`, `mfa`).' });
  }
  for (const h of hits) {
    const how = h.how.by === 'matcher' ? ` · ${percent(h.how.confidence)} match` : '';
    blocks.push({ type: 'markdown', text: `**${h.title}**\n${h.summary}` });
    blocks.push({ type: 'context', text: `Article \`${h.articleId}\`${how}` });
    blocks.push({ type: 'actions', actions: [{ id: 'kb.show', label: 'Open', value: encodeAction({ a: h.articleId }) }] });
  }
  return { kind: 'help', text: [title, ...hits.map((h) => `${h.title} (${h.articleId})`)].join('\n'), blocks, visibility: 'private' };
}
