import type { types } from '@slack/bolt';
import type { Reply } from '../core/replies/reply';
import type { HomeView } from '../core/surfaces/compose-home';
import { escapeWithin } from './escape-mrkdwn';
import { renderBlockList, type SlackBlock } from './render-blocks';

/** Block Kit limits for views: 100 blocks; modal titles and button labels 24 characters. */
export const MAX_VIEW_BLOCKS = 100;
const MAX_MODAL_TITLE_CHARS = 24;

/** The Home tab's "Search the knowledge base" button (handled by the Slack edge: it opens a modal). */
export const KB_SEARCH_OPEN_ACTION_ID = 'kb_search.open';
/** The search modal's callback id, and the input it reads. */
export const KB_SEARCH_CALLBACK_ID = 'kb_search';
export const KB_SEARCH_BLOCK_ID = 'kb_search_query';
export const KB_SEARCH_INPUT_ID = 'query';

const plain = (text: string): types.PlainTextElement => ({ type: 'plain_text', text, emoji: false });

function searchButton(): SlackBlock {
  return {
    type: 'actions',
    elements: [{ type: 'button', action_id: KB_SEARCH_OPEN_ACTION_ID, text: plain('Search the knowledge base'), style: 'primary' }],
  };
}

/** The core's home page as a Home tab: about, the search button, escalations (support team), stats. */
export function renderHomeView(home: HomeView): types.HomeView {
  const about = renderBlockList(home.about, { maxBlocks: 10 });
  const rest = renderBlockList([...(home.escalations ?? []), ...home.stats], { maxBlocks: MAX_VIEW_BLOCKS - about.length - 1 });
  return { type: 'home', blocks: [...about, searchButton(), ...rest] };
}

/** A reply shown in a modal (results of a click on the Home tab or in another modal). */
export function renderModal(reply: Reply, title: string): types.ModalView {
  return {
    type: 'modal',
    title: plain(escapeWithin(title, MAX_MODAL_TITLE_CHARS)),
    close: plain('Close'),
    blocks: renderBlockList(reply.blocks, { maxBlocks: MAX_VIEW_BLOCKS }),
  };
}

/** The search modal: one input, submitted with Search; `results` shown under it after a search. */
export function renderSearchModal(results?: Reply, query = ''): types.ModalView {
  return {
    type: 'modal',
    callback_id: KB_SEARCH_CALLBACK_ID,
    title: plain('Knowledge base'),
    submit: plain('Search'),
    close: plain('Close'),
    blocks: [
      {
        type: 'input',
        block_id: KB_SEARCH_BLOCK_ID,
        label: plain('Error text or a few words'),
        element: {
          type: 'plain_text_input',
          action_id: KB_SEARCH_INPUT_ID,
          max_length: 500,
          ...(query ? { initial_value: query } : {}),
          placeholder: plain('e.g. protected role AWSReservedSSO, or scim'),
        },
      },
      ...(results ? renderBlockList(results.blocks, { maxBlocks: MAX_VIEW_BLOCKS - 1 }) : []),
    ],
  };
}
