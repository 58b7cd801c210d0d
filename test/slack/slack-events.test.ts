import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir } from '../helpers/builders';
import { appMention, BOT, eventCallback, messageEvent, messageShortcut, nextTs } from '../helpers/slack-payloads';
import { sendSigned } from '../helpers/slack-requests';
import { useSlackApp } from './slack-harness';

const PROTECTED_ROLE = "An error occurred (UnmodifiableEntity) when calling the UpdateRole operation: Cannot perform the operation on the protected role 'AWSReservedSSO_Admin_0123abcd' - this role is only modifiable by AWS";
const MEDIUM = 'users get an error signing in to the access portal through okta';

type Block = { type: string; text?: { text: string }; elements?: Array<{ action_id?: string; text?: { text: string } }> };
const blocksOf = (args: Record<string, unknown>) => args.blocks as Block[];
const allText = (args: Record<string, unknown>) => JSON.stringify(args.blocks) + String(args.text);

describe('Slack events over real HTTP', () => {
  const h = useSlackApp();

  it('verifies the bot token with auth.test at start, and lists slack as a channel', () => {
    expect(h.startup.map((c) => `${c.method} ${c.token}`)).toEqual(['auth.test xoxb-test-token']);
    expect(h.app.channels).toContain('slack');
  });

  it('answers url_verification with the challenge', async () => {
    const res = await sendSigned(h.events, JSON.stringify({ token: 't', challenge: 'c-123', type: 'url_verification' }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: 'c-123' });
  });

  it('answers an app_mention in the thread of the message, with blocks and a text fallback', async () => {
    const event = appMention(PROTECTED_ROLE);
    const started = Date.now();
    const res = await sendSigned(h.events, eventCallback(event).body);
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1_000);
    await h.fake.waitFor(() => h.fake.posts().length === 1);
    const [post] = h.fake.posts();
    expect(post!.method).toBe('chat.postMessage');
    expect(post!.token).toBe('xoxb-test-token');
    expect(post!.args).toMatchObject({ channel: 'C0OTHER', thread_ts: event.ts });
    expect(blocksOf(post!.args)[0]).toMatchObject({ type: 'header', text: { text: 'IAM says it cannot change a protected AWSReservedSSO_ role' } });
    const actions = blocksOf(post!.args).find((b) => b.type === 'actions');
    expect(actions?.elements?.map((e) => e.action_id)).toEqual(['feedback.helpful', 'feedback.not_helpful', 'escalate']);
    expect(String(post!.args.text)).toMatch(/^IAM says it cannot change a protected/);
  });

  it('answers a mention inside a thread in that thread (thread_ts, not ts)', async () => {
    const parent = nextTs();
    const event = appMention(PROTECTED_ROLE, { thread_ts: parent });
    await sendSigned(h.events, eventCallback(event).body);
    await h.fake.waitFor(() => h.fake.posts().length === 1);
    expect(h.fake.posts()[0]!.args.thread_ts).toBe(parent);
  });

  it('says "Outside what I know" to a mention that is not about IAM Identity Center, with an Escalate button', async () => {
    await sendSigned(h.events, eventCallback(appMention('what time is the standup tomorrow?')).body);
    await h.fake.waitFor(() => h.fake.posts().length === 1);
    const post = h.fake.posts()[0]!;
    expect(blocksOf(post.args)[0]).toMatchObject({ type: 'header', text: { text: 'Outside what I know' } });
    expect(JSON.stringify(post.args.blocks)).toContain('"action_id":"escalate"');
  });

  it('runs commands from a mention in a thread: "@bot check user …" with the :eyes: indicator', async () => {
    const parent = nextTs();
    const event = appMention('check user alice@example.com', { thread_ts: parent, text: `<@${BOT}> check user <mailto:alice@example.com|alice@example.com>` });
    await sendSigned(h.events, eventCallback(event).body);
    await h.fake.waitFor(() => h.fake.callsTo('reactions.remove').length === 1);
    expect(h.fake.calls.map((c) => c.method)).toEqual(['reactions.add', 'chat.postEphemeral', 'reactions.remove']);
    expect(h.fake.callsTo('reactions.add')[0]!.args).toMatchObject({ channel: 'C0OTHER', timestamp: event.ts, name: 'eyes' });
    const post = h.fake.posts()[0]!;
    expect(post.args).toMatchObject({ user: 'U0ASKER', thread_ts: parent });
    expect(allText(post.args)).toMatch(/Live checks are not configured/);
  });

  it('sends "help" from a mention privately (chat.postEphemeral to the asker, in the thread)', async () => {
    const event = appMention('help');
    await sendSigned(h.events, eventCallback(event).body);
    await h.fake.waitFor(() => h.fake.posts().length === 1);
    expect(h.fake.posts()[0]).toMatchObject({ method: 'chat.postEphemeral', args: { user: 'U0ASKER', channel: 'C0OTHER', thread_ts: event.ts } });
    expect(h.fake.callsTo('reactions.add')).toHaveLength(0);
  });

  it('answers a DM (message.im) in its thread, even below the unasked threshold', async () => {
    const event = messageEvent({ channel: 'D0DM', channel_type: 'im', text: MEDIUM });
    await sendSigned(h.events, eventCallback(event).body);
    await h.fake.waitFor(() => h.fake.posts().length === 1);
    expect(h.fake.posts()[0]).toMatchObject({ method: 'chat.postMessage', args: { channel: 'D0DM', thread_ts: event.ts } });
  });

  it('posts private replies in a DM as normal messages (the DM is already private)', async () => {
    await sendSigned(h.events, eventCallback(messageEvent({ channel: 'D0DM', channel_type: 'im', text: 'help' })).body);
    await h.fake.waitFor(() => h.fake.posts().length === 1);
    expect(h.fake.posts()[0]!.method).toBe('chat.postMessage');
  });

  describe('watched channels', () => {
    it('speaks up unasked on a high-confidence match', async () => {
      const event = messageEvent({ text: PROTECTED_ROLE });
      await sendSigned(h.events, eventCallback(event).body);
      await h.fake.waitFor(() => h.fake.posts().length === 1);
      expect(h.fake.posts()[0]).toMatchObject({ method: 'chat.postMessage', args: { channel: 'C0WATCH', thread_ts: event.ts } });
    });

    it('stays silent below the unasked threshold (a mention would have been answered)', async () => {
      const r = h.app.assistant.matcher.match(MEDIUM);
      expect(r.outcome).toBe('answer');
      expect(r.unasked).toBeNull();
      await sendSigned(h.events, eventCallback(messageEvent({ text: MEDIUM })).body);
      await sendSigned(h.events, eventCallback(messageEvent({ text: 'lunch anyone?' })).body);
      await h.fake.settle();
      expect(h.fake.posts()).toHaveLength(0);
    });

    it('answers unasked at most once per thread, but a mention in that thread is still answered', async () => {
      const parent = nextTs();
      await sendSigned(h.events, eventCallback(messageEvent({ text: PROTECTED_ROLE, ts: parent })).body);
      await h.fake.waitFor(() => h.fake.posts().length === 1);
      await sendSigned(h.events, eventCallback(messageEvent({ text: PROTECTED_ROLE, thread_ts: parent })).body);
      await h.fake.settle();
      expect(h.fake.posts()).toHaveLength(1);
      await sendSigned(h.events, eventCallback(appMention(PROTECTED_ROLE, { channel: 'C0WATCH', thread_ts: parent })).body);
      await h.fake.waitFor(() => h.fake.posts().length === 2);
    });

    it('does not chime in unasked where it already answered a mention', async () => {
      const parent = nextTs();
      await sendSigned(h.events, eventCallback(appMention(PROTECTED_ROLE, { channel: 'C0WATCH', ts: parent })).body);
      await h.fake.waitFor(() => h.fake.posts().length === 1);
      await sendSigned(h.events, eventCallback(messageEvent({ text: PROTECTED_ROLE, thread_ts: parent })).body);
      await h.fake.settle();
      expect(h.fake.posts()).toHaveLength(1);
    });

    it('leaves a message that mentions the bot to app_mention (Slack sends both): one answer', async () => {
      const ts = nextTs();
      const text = `<@${BOT}> ${PROTECTED_ROLE}`;
      await sendSigned(h.events, eventCallback(messageEvent({ text, ts })).body);
      await sendSigned(h.events, eventCallback(appMention(PROTECTED_ROLE, { channel: 'C0WATCH', ts, text })).body);
      await h.fake.waitFor(() => h.fake.posts().length >= 1);
      await h.fake.settle();
      expect(h.fake.posts()).toHaveLength(1);
    });

    it('ignores channels that are not watched', async () => {
      await sendSigned(h.events, eventCallback(messageEvent({ channel: 'C0ELSEWHERE', text: PROTECTED_ROLE })).body);
      await h.fake.settle();
      expect(h.fake.posts()).toHaveLength(0);
    });
  });

  describe('messages it must not answer', () => {
    it.each([
      ['its own messages', { user: BOT, bot_id: 'B0BOT' }],
      ['its own user id without bot_id (Bolt ignoreSelf, from auth.test)', { user: BOT }],
      ['another bot (bot_id)', { user: 'U0OTHERBOT', bot_id: 'B0OTHER' }],
      ['a bot_message subtype', { subtype: 'bot_message', bot_id: 'B0OTHER', username: 'alerts' }],
      ['an edit (message_changed)', { subtype: 'message_changed', hidden: true, message: { type: 'message', user: 'U0ASKER', text: PROTECTED_ROLE, ts: '1.1' } }],
      ['a deletion (message_deleted)', { subtype: 'message_deleted', hidden: true, deleted_ts: '1.1' }],
      ['a channel join', { subtype: 'channel_join', text: `<@U0ASKER> has joined the channel ${PROTECTED_ROLE}` }],
    ])('ignores %s', async (_name, over) => {
      await sendSigned(h.events, eventCallback(messageEvent({ text: PROTECTED_ROLE, ...over })).body);
      await sendSigned(h.events, eventCallback(messageEvent({ channel: 'D0DM', channel_type: 'im', text: PROTECTED_ROLE, ...over })).body);
      await h.fake.settle();
      expect(h.fake.posts()).toHaveLength(0);
    });
  });

  describe('a SAML response pasted into Slack (Slack sends it HTML-escaped)', () => {
    const xml = readFileSync(join(fixturesDir, 'saml', 'py3saml_simplesamlphp_email_nameid_clean.xml'), 'utf8');
    const escaped = xml.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const headers = (args: Record<string, unknown>) => blocksOf(args).filter((b) => b.type === 'header').map((b) => b.text?.text);

    it('is decoded by the edge and linted, from a mention', async () => {
      await sendSigned(h.events, eventCallback(appMention(`okta sign-in fails, here is the response:\n${escaped}`)).body);
      await h.fake.waitFor(() => h.fake.posts().length === 1);
      expect(headers(h.fake.posts()[0]!.args)).toEqual(['SAML response: no problems found']);
    });

    it('is decoded by the edge and linted, from the "Troubleshoot this" shortcut', async () => {
      const id = `saml-${Date.now()}`;
      await sendSigned(h.events, messageShortcut({ text: escaped, responseUrl: h.fake.responseUrl(id) }));
      await h.fake.waitFor(() => h.fake.posts().length === 1);
      expect(headers(h.fake.posts()[0]!.args)).toEqual(['SAML response: no problems found']);
    });
  });
});
