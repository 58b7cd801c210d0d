import type { AllMiddlewareArgs, App, BlockAction, SlackActionMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import { guard } from '../guard-listener';
import { composeSearchResults } from '../../core/surfaces/compose-search-results';
import { MAX_QUERY_CHARS, searchKnowledge } from '../../core/surfaces/search-knowledge';
import { KB_SEARCH_BLOCK_ID, KB_SEARCH_CALLBACK_ID, KB_SEARCH_INPUT_ID, KB_SEARCH_OPEN_ACTION_ID, renderSearchModal } from '../render-view';
import type { SlackEdgeDeps } from '../slack-edge-deps';

/** Articles listed per search: three blocks each, inside a modal's 100. */
export const KB_SEARCH_RESULTS = 10;

/**
 * "Search the knowledge base" on the Home tab: a modal with one input. Submitting it runs the
 * core's search and replaces the modal (response_action `update`, within the 3 s ack) with the
 * same input and the matching articles, each with an Open button (answered by onBlockAction).
 */
export function onKbSearch(app: App, deps: SlackEdgeDeps): void {
  app.action(
    KB_SEARCH_OPEN_ACTION_ID,
    guard<SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs>(deps, 'kb_search_open', async ({ ack, body, client }) => {
      await ack();
      const triggerId = (body as { trigger_id?: string }).trigger_id;
      if (!triggerId) return;
      await client.views.open({ trigger_id: triggerId, view: renderSearchModal() });
    }),
  );

  app.view(KB_SEARCH_CALLBACK_ID, guard<SlackViewMiddlewareArgs & AllMiddlewareArgs>(deps, 'kb_search', async ({ ack, view }) => {
    const query = (view.state.values[KB_SEARCH_BLOCK_ID]?.[KB_SEARCH_INPUT_ID]?.value ?? '').trim();
    if (!query) {
      await ack({ response_action: 'errors', errors: { [KB_SEARCH_BLOCK_ID]: 'Type a few words or paste the error text.' } });
      return;
    }
    if (query.length > MAX_QUERY_CHARS) {
      await ack({ response_action: 'errors', errors: { [KB_SEARCH_BLOCK_ID]: `At most ${MAX_QUERY_CHARS} characters: paste the error line only.` } });
      return;
    }
    const { assistant } = deps;
    const hits = searchKnowledge(assistant.matcher, assistant.articles, query, KB_SEARCH_RESULTS);
    deps.logger.info({ hits: hits.length }, 'knowledge base searched');
    await ack({ response_action: 'update', view: renderSearchModal(composeSearchResults(query, hits), query) });
  }));
}
