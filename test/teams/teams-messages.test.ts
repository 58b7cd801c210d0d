import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryFeedbackStore } from '../../src/core/ports/ports';
import { MAX_CARD_BYTES } from '../../src/teams/render-card';
import { fixturesDir } from '../helpers/builders';
import { BOT, CHANNEL, PERSONAL, TENANT, USER, botAddedToTeam, channelMention, personalMessage } from './teams-activities';
import { cardActions, cardOf, cardText, startTeams, type TeamsHarness } from './teams-harness';

const PROTECTED_ROLE = "An error occurred: Cannot perform the operation on the protected role 'AWSReservedSSO_Admin_0123abcd' - this role is only modifiable by AWS";

describe('Teams edge over HTTP: messages (anonymous mode, fake Bot Connector)', () => {
  let h: TeamsHarness;
  const feedback = new MemoryFeedbackStore();

  beforeAll(async () => {
    h = await startTeams({}, { deps: { feedback } });
  });
  afterAll(() => h.close());
  beforeEach(() => h.connector.calls.splice(0));

  it('answers a pasted error in personal chat with a 1.5 card, text fallback and buttons', async () => {
    const activity = personalMessage(h.connector.url, PROTECTED_ROLE);
    const res = await h.post(activity);
    expect(res.status).toBe(200);
    const [call] = await h.connector.waitFor(1);
    expect(call).toMatchObject({ method: 'POST', kind: 'reply', conversationId: PERSONAL, activityId: activity.id });
    expect(call!.authorization).toBeUndefined(); // anonymous: no token on outgoing calls
    const card = cardOf(call!);
    expect(card.version).toBe('1.5');
    expect(call!.body.summary).toBe('IAM says it cannot change a protected AWSReservedSSO_ role');
    expect(card.fallbackText).toMatch(/^IAM says it cannot change a protected AWSReservedSSO_ role\nLikely cause:/);
    const text = cardText(card);
    expect(text).toMatch(/1\. Find the permission set behind the role/);
    expect(text).toMatch(/confidence \d+% · article protected-role-awsreservedsso/);
    const actions = cardActions(card);
    expect(actions.map((a) => a.title)).toEqual(['Helpful', 'Not helpful', 'Escalate']);
    expect(actions[0]).toMatchObject({ type: 'Action.Execute', verb: 'feedback.helpful', data: { action: 'feedback.helpful' }, fallback: { type: 'Action.Submit', data: { action: 'feedback.helpful' } } });
    expect(JSON.parse(actions[0]!.data.value)).toMatchObject({ a: 'protected-role-awsreservedsso' });
    expect(actions[2]).toMatchObject({ style: 'destructive' });
  });

  it('decodes HTML entities at the edge: a SAML response pasted escaped is linted', async () => {
    const xml = readFileSync(join(fixturesDir, 'saml', 'py3saml_simplesamlphp_email_nameid_clean.xml'), 'utf8');
    const escaped = xml.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    expect((await h.post(personalMessage(h.connector.url, escaped))).status).toBe(200);
    const [call] = await h.connector.waitFor(1);
    expect(cardText(cardOf(call!))).toMatch(/^SAML response: no problems found/);
  });

  it('answers a channel mention in its thread, with the mention stripped before matching', async () => {
    const activity = channelMention(h.connector.url, PROTECTED_ROLE);
    expect((await h.post(activity)).status).toBe(200);
    const [call] = await h.connector.waitFor(1);
    expect(call).toMatchObject({ kind: 'reply', conversationId: `${CHANNEL};messageid=${activity.id}`, activityId: activity.id });
    expect(cardText(cardOf(call!))).toMatch(/^IAM says it cannot change a protected AWSReservedSSO_ role/);
  });

  it('runs a command typed after a mention, and sends private answers to the 1:1 chat, not the channel', async () => {
    const activity = channelMention(h.connector.url, 'check user alice@example.com');
    expect((await h.post(activity)).status).toBe(200);
    const calls = await h.connector.waitFor(3);
    const [create, privateSend, inThread] = calls;
    expect(create).toMatchObject({ kind: 'create', body: { isGroup: false, bot: BOT, members: [{ id: USER.id }], tenantId: TENANT } });
    expect(privateSend).toMatchObject({ kind: 'send', conversationId: create!.responseId });
    expect(cardText(cardOf(privateSend!))).toMatch(/Live checks are not configured/);
    expect(inThread).toMatchObject({ kind: 'reply', conversationId: `${CHANNEL};messageid=${activity.id}` });
    expect(cardText(cardOf(inThread!))).toMatch(/Sent to you privately/);
    expect(cardText(cardOf(inThread!))).not.toMatch(/Live checks/);
  });

  it('answers help typed in personal chat (same commands as Slack, without the /idc prefix)', async () => {
    expect((await h.post(personalMessage(h.connector.url, 'help'))).status).toBe(200);
    const [call] = await h.connector.waitFor(1);
    const text = cardText(cardOf(call!));
    expect(text).toMatch(/IAM Identity Center assistant/);
    expect(text).toMatch(/check user <name\|email>|check user <name/);
    expect(text).not.toMatch(/\/idc/);
  });

  it('says which command was wrong for an unknown one and an empty mention', async () => {
    await h.post(personalMessage(h.connector.url, 'check frobnicate'));
    await h.post(channelMention(h.connector.url, ''));
    const [unknown, empty] = await h.connector.waitFor(2);
    expect(cardText(cardOf(unknown!))).toMatch(/check needs one of: user, assignments, saml, scim/);
    expect(cardText(cardOf(empty!))).toMatch(/Your message is empty/);
  });

  it('answers a 40,000-character message on a bounded prefix, in a card well under the limit', async () => {
    const text = `Request is unparsable, syntactically incorrect, or violates schema ${'x'.repeat(40_000)}`;
    const res = await h.post(personalMessage(h.connector.url, text));
    expect(res.status).toBe(200);
    const [call] = await h.connector.waitFor(1);
    const card = cardOf(call!);
    expect(cardText(card)).toMatch(/40,067 characters; I read the first 8,000/);
    expect(Buffer.byteLength(JSON.stringify(call!.body))).toBeLessThan(MAX_CARD_BYTES + 2_000);
  });

  it('reads an HTML-only message (rich text paste) as text', async () => {
    const activity = { ...personalMessage(h.connector.url, ''), attachments: [{ contentType: 'text/html', content: `<div><p>Cannot perform the operation on the protected role &#39;AWSReservedSSO_X_1&#39;</p></div>` }] };
    await h.post(activity);
    const [call] = await h.connector.waitFor(1);
    expect(cardOf(call!).fallbackText).toMatch(/protected AWSReservedSSO_ role/);
  });

  it('stores a conversation reference when the bot is added to a team, without posting', async () => {
    expect((await h.post(botAddedToTeam(h.connector.url))).status).toBe(200);
    expect(await h.refs.getReference(CHANNEL)).toMatchObject({ conversationId: CHANNEL, serviceUrl: h.connector.url, tenantId: TENANT, bot: BOT });
    expect(h.connector.calls).toHaveLength(0);
  });
});

describe('Teams edge over HTTP: bad requests get a specific answer and lose nothing', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeams();
  });
  afterAll(() => h.close());

  it.each([
    ['invalid JSON', '{"type": "message", ', 400, 'invalid_json'],
    ['binary junk', Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 53) % 256)), 400, 'invalid_json'],
    ['a JSON array', '[1,2]', 400, 'invalid_activity'],
    ['an object that is not an activity', '{"hello":"world"}', 400, 'invalid_activity'],
    ['an activity without a conversation', JSON.stringify({ type: 'message', text: 'hi', from: { id: 'u' }, recipient: { id: 'b' } }), 400, 'invalid_activity'],
    ['text that is not a string', JSON.stringify({ type: 'message', text: 5, conversation: { id: 'c' } }), 400, 'invalid_activity'],
  ])('rejects %s', async (_name, body, status, error) => {
    const res = await h.post(body);
    expect(res.status).toBe(status);
    const json = (await res.json()) as { error: string; message: string };
    expect(json.error).toBe(error);
    expect(json.message.length).toBeGreaterThan(10);
    expect(h.connector.calls).toHaveLength(0);
  });

  it('names the bad field of an invalid activity', async () => {
    const res = await h.post(JSON.stringify({ type: 'message', text: 5, conversation: { id: 'c' } }));
    expect(((await res.json()) as { message: string }).message).toMatch(/text: Expected string/);
  });

  it('rejects an oversized body with 413', async () => {
    const res = await h.post(JSON.stringify(personalMessage(h.connector.url, 'x'.repeat(2 * 1024 * 1024))));
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: 'too_large' });
  });

  it('answers GET with 405', async () => {
    expect((await fetch(`${h.base}/api/messages`)).status).toBe(405);
  });

  it('logs the anonymous mode loudly, once, at warn', () => {
    const warnings = h.logs.entries.filter((e) => e.level === 'warn' && /TEAMS_ALLOW_ANONYMOUS=true/.test(e.msg));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.msg).toMatch(/NOT authenticated/);
  });
});
