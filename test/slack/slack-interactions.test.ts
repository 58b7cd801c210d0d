import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir } from '../helpers/builders';
import { textsOf } from '../helpers/fake-slack';
import { blockActions, messageShortcut, nextTs, slashCommand } from '../helpers/slack-payloads';
import { sendSigned } from '../helpers/slack-requests';
import { MemoryFeedbackStore } from '../../src/core/ports/ports';
import { startSlackApp, useSlackApp } from './slack-harness';

const PROTECTED_ROLE = "Cannot perform the operation on the protected role 'AWSReservedSSO_Admin_0123abcd' - this role is only modifiable by AWS";

describe('Slack slash command, buttons and shortcut over real HTTP', () => {
  const h = useSlackApp();
  let n = 0;
  const rid = () => `r${n++}`;
  const responsesTo = (id: string) => h.fake.responses.filter((r) => r.id === id);

  describe('/idc', () => {
    it('acks at once with an empty body, then answers publicly (in_channel) through response_url', async () => {
      const id = rid();
      const res = await sendSigned(h.events, slashCommand(`ask ${PROTECTED_ROLE}`, h.fake.responseUrl(id)));
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('');
      await h.fake.waitFor(() => responsesTo(id).length === 1);
      const body = responsesTo(id)[0]!.body;
      expect(body).toMatchObject({ response_type: 'in_channel', replace_original: false });
      expect(JSON.stringify(body.blocks)).toContain('protected AWSReservedSSO_ role');
      expect(h.fake.posts()).toHaveLength(0);
    });

    it.each([
      ['help', /IAM Identity Center assistant/],
      ['', /IAM Identity Center assistant/],
      ['frobnicate', /"frobnicate" is not a command/],
      ['check', /check needs one of/],
      ['kb no-such-article', /There is no article/],
      ['escalate', /Escalations have no support channel.*SLACK_SUPPORT_CHANNEL/s],
      ['escalations', /Only the support team can list escalations/], // no support channel, no SUPPORT_USERS: nobody
      ['check saml', /Nothing to check.*Paste the SAML response/s],
    ])('"/idc %s" gets a private (ephemeral) answer', async (text, expected) => {
      const id = rid();
      await sendSigned(h.events, slashCommand(text, h.fake.responseUrl(id)));
      await h.fake.waitFor(() => responsesTo(id).length === 1);
      const body = responsesTo(id)[0]!.body;
      expect(body.response_type).toBe('ephemeral');
      expect(textsOf(body)).toMatch(expected);
    });

    it('"/idc check saml" with a response Slack HTML-escaped: decoded at the edge, then linted', async () => {
      const xml = readFileSync(join(fixturesDir, 'saml', 'py3saml_simplesamlphp_email_nameid_clean.xml'), 'utf8');
      const id = rid();
      await sendSigned(h.events, slashCommand(`check saml ${xml.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}`, h.fake.responseUrl(id)));
      await h.fake.waitFor(() => responsesTo(id).length === 1);
      expect(textsOf(responsesTo(id)[0]!.body)).toMatch(/^SAML response: no problems found/);
    });

    it('acks a live check with a "working" line, then says checks are not configured', async () => {
      const id = rid();
      const res = await sendSigned(h.events, slashCommand('check user alice@example.com', h.fake.responseUrl(id)));
      expect(await res.json()).toEqual({ response_type: 'ephemeral', text: 'Running the check…' });
      await h.fake.waitFor(() => responsesTo(id).length === 1);
      expect(JSON.stringify(responsesTo(id)[0]!.body)).toMatch(/Live checks are not configured/);
    });

    it('answers another slash command sent to this URL with a clear message instead of a timeout', async () => {
      const res = await sendSigned(h.events, slashCommand('x', h.fake.responseUrl(rid()), { command: '/deploy' }));
      expect(res.status).toBe(200);
      expect(((await res.json()) as { text: string }).text).toMatch(/only knows \/idc; \/deploy is not one of its commands/);
    });
  });

  describe('buttons', () => {
    it('records "Helpful" and thanks the clicker privately', async () => {
      const id = rid();
      const value = JSON.stringify({ a: 'protected-role-awsreservedsso', h: 'abc123' });
      const res = await sendSigned(h.events, blockActions({ actionId: 'feedback.helpful', value, responseUrl: h.fake.responseUrl(id), messageTs: nextTs() }));
      expect(res.status).toBe(200);
      await h.fake.waitFor(() => responsesTo(id).length === 1);
      expect(responsesTo(id)[0]!.body).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('Thanks, noted.') });
    });

    it('answers a "Run check" button in the thread of the message holding it, with :eyes: on that message', async () => {
      const id = rid();
      const messageTs = nextTs();
      const threadTs = nextTs();
      await sendSigned(h.events, blockActions({ actionId: 'check.run', value: JSON.stringify({ c: 'user', s: 'alice' }), responseUrl: h.fake.responseUrl(id), messageTs, threadTs }));
      await h.fake.waitFor(() => h.fake.callsTo('reactions.remove').length === 1);
      expect(h.fake.callsTo('reactions.add')[0]!.args).toMatchObject({ timestamp: messageTs, name: 'eyes' });
      // "not configured" is a private notice: back to the clicker through response_url.
      await h.fake.waitFor(() => responsesTo(id).length === 1);
      expect(JSON.stringify(responsesTo(id)[0]!.body)).toMatch(/Live checks are not configured/);
    });

    it('answers a "Run check" button for a check this version does not have with a clear error, without :eyes:', async () => {
      const id = rid();
      const messageTs = nextTs();
      await sendSigned(h.events, blockActions({ actionId: 'check.run', value: JSON.stringify({ c: 'permissions', s: 'alice' }), responseUrl: h.fake.responseUrl(id), messageTs, threadTs: nextTs() }));
      await h.fake.waitFor(() => responsesTo(id).length === 1);
      expect(JSON.stringify(responsesTo(id)[0]!.body)).toMatch(/That button runs a check this version does not have.*permissions/);
      expect(h.fake.callsTo('reactions.add').filter((c) => c.args.timestamp === messageTs)).toEqual([]);
    });

    it('shows a knowledge base article from a kb.show button publicly in the thread', async () => {
      const messageTs = nextTs();
      const threadTs = nextTs();
      await sendSigned(h.events, blockActions({ actionId: 'kb.show', value: JSON.stringify({ a: 'scim-sync-user-fails' }), responseUrl: h.fake.responseUrl(rid()), messageTs, threadTs }));
      await h.fake.waitFor(() => h.fake.posts().length === 1);
      expect(h.fake.posts()[0]).toMatchObject({ method: 'chat.postMessage', args: { channel: 'C0OTHER', thread_ts: threadTs } });
    });

    it('opens the article chosen from a "Which one?" question in the thread (the second button too), and records the choice', async () => {
      const feedback = new MemoryFeedbackStore();
      const own = await startSlackApp({ deps: { feedback } });
      try {
        const messageTs = nextTs();
        const threadTs = nextTs();
        // Slack wants button action ids unique within a block: the second choice arrives as "clarify.choose#2".
        const value = JSON.stringify({ a: 'totp-unexpected-error', h: 'hash-of-question' });
        await sendSigned(own.events, blockActions({ actionId: 'clarify.choose#2', value, responseUrl: own.fake.responseUrl(rid()), messageTs, threadTs }));
        await own.fake.waitFor(() => own.fake.posts().length === 1);
        expect(own.fake.posts()[0]).toMatchObject({ method: 'chat.postMessage', args: { channel: 'C0OTHER', thread_ts: threadTs } });
        expect(textsOf(own.fake.posts()[0]!.args)).toMatch(/You chose this article/);
        expect(textsOf(own.fake.posts()[0]!.args)).toMatch(/totp-unexpected-error/);
        expect(feedback.signals).toEqual([expect.objectContaining({ messageHash: 'hash-of-question', kind: 'clarify', articleId: 'totp-unexpected-error' })]);
      } finally {
        await own.close();
      }
    });

    it('treats a tampered button value as expired, and ignores unknown action ids', async () => {
      const id = rid();
      await sendSigned(h.events, blockActions({ actionId: 'feedback.helpful', value: '{not json', responseUrl: h.fake.responseUrl(id), messageTs: nextTs() }));
      await h.fake.waitFor(() => responsesTo(id).length === 1);
      expect(JSON.stringify(responsesTo(id)[0]!.body)).toMatch(/That button has expired/);
      const other = rid();
      const res = await sendSigned(h.events, blockActions({ actionId: 'rm -rf', value: 'x', responseUrl: h.fake.responseUrl(other), messageTs: nextTs() }));
      expect(res.status).toBe(200);
      await h.fake.settle();
      expect(responsesTo(other)).toHaveLength(0);
      expect(h.fake.posts()).toHaveLength(0);
    });
  });

  describe('"Troubleshoot this" message shortcut', () => {
    it('runs the assistant on the message and posts in its thread', async () => {
      const ts = nextTs();
      const res = await sendSigned(h.events, messageShortcut({ text: PROTECTED_ROLE, ts, responseUrl: h.fake.responseUrl(rid()) }));
      expect(res.status).toBe(200);
      await h.fake.waitFor(() => h.fake.posts().length === 1);
      expect(h.fake.posts()[0]).toMatchObject({ method: 'chat.postMessage', args: { channel: 'C0OTHER', thread_ts: ts } });
    });

    it('answers chatter too (an explicit ask), and uses the parent thread for a reply in a thread', async () => {
      const threadTs = nextTs();
      await sendSigned(h.events, messageShortcut({ text: 'anyone around?', threadTs, responseUrl: h.fake.responseUrl(rid()) }));
      await h.fake.waitFor(() => h.fake.posts().length === 1);
      expect(h.fake.posts()[0]!.args.thread_ts).toBe(threadTs);
      expect(JSON.stringify(h.fake.posts()[0]!.args.blocks)).toContain('Outside what I know');
    });

    it('falls back to a private answer through response_url when the bot is not in the channel', async () => {
      const id = rid();
      h.fake.failNext('chat.postMessage', 'not_in_channel');
      await sendSigned(h.events, messageShortcut({ text: PROTECTED_ROLE, responseUrl: h.fake.responseUrl(id) }));
      await h.fake.waitFor(() => responsesTo(id).length === 1);
      const body = responsesTo(id)[0]!.body;
      expect(body.response_type).toBe('ephemeral');
      expect(JSON.stringify(body.blocks)).toMatch(/invite me to the channel/);
      expect(JSON.stringify(body.blocks)).toContain('protected AWSReservedSSO_ role');
    });

    it('acks shortcuts it does not define', async () => {
      const res = await sendSigned(h.events, messageShortcut({ text: 'x', callbackId: 'something_else', responseUrl: h.fake.responseUrl(rid()) }));
      expect(res.status).toBe(200);
      await h.fake.settle();
      expect(h.fake.posts()).toHaveLength(0);
    });
  });
});
