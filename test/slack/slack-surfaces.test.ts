import type { MemoryStore } from '../../src/core/ports/memory-store';
import { textsOf } from '../helpers/fake-slack';
import { appHomeOpened, assistantMessage, assistantThreadStarted, eventCallback, feedbackButtonsAction, nextTs, searchSubmission, USER, viewAction } from '../helpers/slack-payloads';
import { sendSigned } from '../helpers/slack-requests';
import { startSlackApp, type SlackHarness } from './slack-harness';

const PROTECTED_ROLE = "Cannot perform the operation on the protected role 'AWSReservedSSO_Admin_0123abcd' - this role is only modifiable by AWS";
const SUPPORT = 'C0SUPPORT';
const OTHER = 'U0NOTSUPPORT';

describe('Slack agent surfaces and Home tab over real HTTP', () => {
  let h: SlackHarness;
  const store = () => h.app.store as MemoryStore;

  beforeAll(async () => {
    h = await startSlackApp({ env: { SLACK_SUPPORT_CHANNEL: SUPPORT } });
    h.fake.members.set(SUPPORT, [USER, 'U0COLLEAGUE']);
    const asker = { platform: 'slack' as const, id: 'U0ASKER2', name: 'bob' };
    await store().openEscalation({ requester: asker, origin: { platform: 'slack', channelId: 'C1', threadId: '1.1' }, originKey: 'a', text: 'first paste', checks: [] }, new Date(Date.now() - 7200_000));
    await store().openEscalation({ requester: asker, origin: { platform: 'slack', channelId: 'C1', threadId: '1.2' }, originKey: 'b', text: 'second paste', checks: [] }, new Date(Date.now() - 3600_000));
    await store().recordAnswer({ articleId: 'protected-role-awsreservedsso', confidence: 0.9, messageHash: 'h1', platform: 'slack', at: new Date() });
    await store().recordAnswer({ articleId: 'protected-role-awsreservedsso', confidence: 0.9, messageHash: 'h0', platform: 'slack', at: new Date(Date.now() - 45 * 24 * 3600_000) });
    await store().recordFeedback({ articleId: 'protected-role-awsreservedsso', messageHash: 'h1', helpful: true, actor: { platform: 'slack', id: 'U9' }, at: new Date() });
  });
  afterAll(() => h.close());
  beforeEach(() => h.fake.reset());

  describe('Home tab', () => {
    it('app_home_opened (tab home) → one views.publish with open escalations oldest first, Claim buttons, and 30-day stats', async () => {
      const res = await sendSigned(h.events, eventCallback(appHomeOpened(USER)).body);
      expect(res.status).toBe(200);
      await h.fake.waitFor(() => h.fake.callsTo('views.publish').length === 1);
      await h.fake.settle(50);
      expect(h.fake.callsTo('views.publish')).toHaveLength(1);
      const { user_id, view } = h.fake.callsTo('views.publish')[0]!.args as { user_id: string; view: { type: string; blocks: Array<{ type: string; elements?: Array<{ action_id?: string; value?: string }> }> } };
      expect(user_id).toBe(USER);
      expect(view.type).toBe('home');
      expect(view.blocks.length).toBeLessThanOrEqual(100);
      const text = textsOf(view);
      expect(text.indexOf('ESC-1001')).toBeGreaterThan(-1);
      expect(text.indexOf('ESC-1001')).toBeLessThan(text.indexOf('ESC-1002'));
      expect(text).toContain('1 answer · 100% helpful (1 vote)');
      const buttons = view.blocks.flatMap((b) => b.elements ?? []);
      expect(buttons.filter((e) => e.action_id === 'escalation.claim').map((e) => JSON.parse(e.value!).e)).toEqual(['ESC-1001', 'ESC-1002']);
      expect(buttons.map((e) => e.action_id)).toContain('kb_search.open');
      expect(h.fake.callsTo('conversations.members')[0]?.args).toMatchObject({ channel: SUPPORT });
    });

    it('shows people outside the support channel no escalations, and ignores the Messages tab', async () => {
      await sendSigned(h.events, eventCallback(appHomeOpened(OTHER, 'messages')).body);
      await sendSigned(h.events, eventCallback(appHomeOpened(OTHER)).body);
      await h.fake.waitFor(() => h.fake.callsTo('views.publish').length === 1);
      await h.fake.settle(50);
      expect(h.fake.callsTo('views.publish')).toHaveLength(1);
      const text = textsOf(h.fake.callsTo('views.publish')[0]!.args);
      expect(text).not.toContain('ESC-1001');
      expect(text).toContain('Answers in the last 30 days');
    });

    it('Claim on the Home tab claims, shows the result in a modal and publishes the Home tab again', async () => {
      await sendSigned(h.events, viewAction({ actionId: 'escalation.claim', value: JSON.stringify({ e: 'ESC-1001' }), viewType: 'home' }));
      await h.fake.waitFor(() => h.fake.callsTo('views.publish').length === 1 && h.fake.callsTo('views.open').length === 1);
      expect(textsOf(h.fake.callsTo('views.open')[0]!.args)).toContain('You claimed ESC-1001');
      expect((await store().getEscalation('ESC-1001'))?.status).toBe('claimed');
      const buttons = JSON.stringify(h.fake.callsTo('views.publish')[0]!.args);
      expect(buttons).not.toMatch(/Claim ESC-1001/);
      expect(buttons).toMatch(/Claim ESC-1002/);
    });
  });

  describe('knowledge base search modal', () => {
    it('opens from the Home tab button', async () => {
      await sendSigned(h.events, viewAction({ actionId: 'kb_search.open', viewType: 'home' }));
      await h.fake.waitFor(() => h.fake.callsTo('views.open').length === 1);
      expect(h.fake.callsTo('views.open')[0]!.args.view).toMatchObject({ type: 'modal', callback_id: 'kb_search', submit: { text: 'Search' } });
    });

    it('answers the submission by updating the modal with the matching articles, each with Open', async () => {
      const res = await sendSigned(h.events, searchSubmission(PROTECTED_ROLE));
      expect(res.status).toBe(200);
      const body = (await res.json()) as { response_action: string; view: { callback_id: string; blocks: Array<{ elements?: Array<{ action_id?: string; value?: string }> }> } };
      expect(body.response_action).toBe('update');
      expect(body.view.callback_id).toBe('kb_search');
      expect(textsOf(body.view)).toMatch(/protected AWSReservedSSO_ role/i);
      const open = body.view.blocks.flatMap((b) => b.elements ?? []).filter((e) => e.action_id === 'kb.show');
      expect(JSON.parse(open[0]!.value!)).toEqual({ a: 'protected-role-awsreservedsso' });
    });

    it('rejects an empty search with an error on the input', async () => {
      const res = await sendSigned(h.events, searchSubmission(''));
      expect(await res.json()).toEqual({ response_action: 'errors', errors: { kb_search_query: 'Type a few words or paste the error text.' } });
    });

    it('opens an article from the results on top of the modal (views.push)', async () => {
      await sendSigned(h.events, viewAction({ actionId: 'kb.show', value: JSON.stringify({ a: 'protected-role-awsreservedsso' }), viewType: 'modal' }));
      await h.fake.waitFor(() => h.fake.callsTo('views.push').length === 1);
      const view = h.fake.callsTo('views.push')[0]!.args.view as { type: string };
      expect(view.type).toBe('modal');
      expect(textsOf(view)).toMatch(/Cause/);
    });
  });

  describe('assistant container', () => {
    const channel = 'D0ASSIST';

    it('sets suggested prompts when a thread starts', async () => {
      const threadTs = nextTs();
      await sendSigned(h.events, eventCallback(assistantThreadStarted({ channel, threadTs })).body);
      await h.fake.waitFor(() => h.fake.callsTo('assistant.threads.setSuggestedPrompts').length === 1);
      const { args } = h.fake.callsTo('assistant.threads.setSuggestedPrompts')[0]!;
      expect(args).toMatchObject({ channel_id: channel, thread_ts: threadTs, title: 'Try one of these' });
      expect((args.prompts as Array<{ title: string }>).map((p) => p.title)).toEqual(['Paste an error', 'Check a user', 'Lint a SAML response', 'Open escalations']);
    });

    it('a message in the thread: status set, answer posted in the thread with native feedback, title set, status cleared', async () => {
      const threadTs = nextTs();
      await sendSigned(h.events, eventCallback(assistantMessage({ channel, threadTs, text: PROTECTED_ROLE })).body);
      await h.fake.waitFor(() => h.fake.callsTo('assistant.threads.setStatus').length === 2);
      const methods = h.fake.calls.map((c) => c.method);
      const [set, cleared] = h.fake.callsTo('assistant.threads.setStatus');
      expect(set!.args).toMatchObject({ channel_id: channel, thread_ts: threadTs, status: 'is looking this up…' });
      expect((set!.args.loading_messages as string[]).length).toBeGreaterThan(0);
      expect(cleared!.args).toMatchObject({ channel_id: channel, thread_ts: threadTs, status: '' });
      expect(methods.indexOf('assistant.threads.setStatus')).toBeLessThan(methods.indexOf('chat.postMessage'));
      expect(methods.lastIndexOf('assistant.threads.setStatus')).toBeGreaterThan(methods.indexOf('chat.postMessage'));
      const post = h.fake.callsTo('chat.postMessage')[0]!.args as { channel: string; thread_ts: string; blocks: Array<{ type: string; elements?: Array<{ type: string }> }> };
      expect(post).toMatchObject({ channel, thread_ts: threadTs });
      expect(post.blocks.find((b) => b.type === 'context_actions')?.elements?.[0]?.type).toBe('feedback_buttons');
      expect(JSON.stringify(post.blocks)).not.toMatch(/"action_id":"feedback.helpful"/);
      expect(h.fake.callsTo('assistant.threads.setTitle')[0]!.args).toMatchObject({ channel_id: channel, thread_ts: threadTs, title: expect.stringMatching(/AWSReservedSSO/) });
    });

    it('stores a native feedback click as the same feedback as the old buttons', async () => {
      const before = store().feedback.length;
      const value = `feedback.not_helpful|${JSON.stringify({ a: 'protected-role-awsreservedsso', h: 'abc999' })}`;
      await sendSigned(h.events, feedbackButtonsAction({ value, responseUrl: h.fake.responseUrl('fb'), messageTs: nextTs(), channel }));
      await h.fake.waitFor(() => h.fake.responses.length === 1);
      expect(store().feedback.slice(before)).toEqual([expect.objectContaining({ articleId: 'protected-role-awsreservedsso', messageHash: 'abc999', helpful: false, actor: expect.objectContaining({ id: USER }) })]);
      expect(textsOf(h.fake.responses[0]!.body)).toMatch(/Escalate/);
    });

    it('ignores a feedback element value that names another action', async () => {
      const before = store().feedback.length;
      await sendSigned(h.events, feedbackButtonsAction({ value: `escalation.claim|${JSON.stringify({ e: 'ESC-1002' })}`, responseUrl: h.fake.responseUrl('x'), messageTs: nextTs(), channel }));
      await h.fake.settle();
      expect(store().feedback.length).toBe(before);
      expect((await store().getEscalation('ESC-1002'))?.status).toBe('open');
    });

    it('keeps answering even when Slack refuses the status (no assistant:write): the answer still posts', async () => {
      h.fake.failNext('assistant.threads.setStatus', 'missing_scope');
      const threadTs = nextTs();
      await sendSigned(h.events, eventCallback(assistantMessage({ channel, threadTs, text: PROTECTED_ROLE })).body);
      await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').length === 1);
      expect(h.fake.callsTo('chat.postMessage')[0]!.args).toMatchObject({ channel, thread_ts: threadTs });
    });
  });
});
