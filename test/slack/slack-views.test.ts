import { webApi } from '@slack/bolt';
import { silentLogger } from '../../src/core/ports/ports';
import type { Block } from '../../src/core/replies/reply';
import { notice } from '../../src/core/replies/notice';
import { createNodeHttpFetch } from '../../src/slack/node-http-fetch';
import { MAX_VIEW_BLOCKS, renderHomeView, renderModal } from '../../src/slack/render-view';
import { SupportTeam } from '../../src/slack/support-team';
import { FakeSlack } from '../helpers/fake-slack';
import { searchSubmission } from '../helpers/slack-payloads';
import { sendSigned } from '../helpers/slack-requests';
import { useSlackApp } from './slack-harness';

describe('Slack views stay inside Block Kit limits', () => {
  it('a Home view is at most 100 blocks however much the core composes, and keeps the search button', () => {
    const many: Block[] = Array.from({ length: 150 }, (_, i) => ({ type: 'markdown', text: `line ${i}` }));
    const view = renderHomeView({ about: many.slice(0, 30), escalations: many, stats: many });
    expect(view.blocks.length).toBeLessThanOrEqual(MAX_VIEW_BLOCKS);
    expect(JSON.stringify(view.blocks)).toContain('kb_search.open');
  });

  it('a modal title is at most 24 characters', () => {
    expect(renderModal(notice('x', 'y'), 'A title far longer than twenty-four characters').title.text.length).toBeLessThanOrEqual(24);
  });
});

describe('support team (members of SLACK_SUPPORT_CHANNEL)', () => {
  let fake: FakeSlack;
  beforeAll(async () => {
    fake = await new FakeSlack().start();
  });
  afterAll(() => fake.close());

  it('fails closed when Slack refuses the member list, and asks again next time', async () => {
    fake.members.set('C0SUP', ['U1']);
    const client = new webApi.WebClient('xoxb-test-token', { slackApiUrl: fake.apiUrl, fetch: createNodeHttpFetch(), retryConfig: { retries: 0 } });
    const team = new SupportTeam(client, 'C0SUP', silentLogger);
    fake.failNext('conversations.members', 'missing_scope');
    expect(await team.includes('U1')).toBe(false);
    expect(await team.includes('U1')).toBe(true);
    expect(await team.includes('U2')).toBe(false);
    expect(fake.callsTo('conversations.members')).toHaveLength(2); // the success is cached
  });

  it('has no members without a support channel', async () => {
    const client = new webApi.WebClient('xoxb-test-token', { slackApiUrl: fake.apiUrl, fetch: createNodeHttpFetch() });
    expect(await new SupportTeam(client, undefined, silentLogger).includes('U1')).toBe(false);
  });
});

describe('knowledge base search modal input', () => {
  const h = useSlackApp();
  it('rejects a query longer than 500 characters with a specific error', async () => {
    const res = await sendSigned(h.events, searchSubmission('x'.repeat(501)));
    expect(await res.json()).toEqual({ response_action: 'errors', errors: { kb_search_query: 'At most 500 characters: paste the error line only.' } });
  });
});
