import { textsOf } from '../helpers/fake-slack';
import { appMention, blockActions, eventCallback, nextTs, slashCommand } from '../helpers/slack-payloads';
import { sendSigned } from '../helpers/slack-requests';
import { startSlackApp, type SlackHarness } from './slack-harness';

const SCIM = 'Okta says: Request is unparsable, syntactically incorrect, or violates schema for jane@example.com';

describe('Slack escalations end to end (support channel, claim, mirror into the thread)', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackApp({ env: { SLACK_SUPPORT_CHANNEL: 'C0SUPPORT', SUPPORT_SLACK_GROUPS: 'S0IDTEAM' } });
    h.fake.channelMembers.set('C0SUPPORT', ['U0BOT', 'U0SUPPORT']);
    h.fake.userGroups.set('S0IDTEAM', ['U0GROUPIE']);
  });
  afterAll(() => h.close());
  beforeEach(() => h.fake.reset());

  const postsTo = (channel: string) => h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);

  it('posts everything the bot knew to the support channel, links back, and mirrors a claim', async () => {
    const root = nextTs();
    await sendSigned(h.events, eventCallback(appMention(SCIM, { ts: root })).body);
    await h.fake.waitFor(() => postsTo('C0OTHER').length === 1);

    await sendSigned(h.events, eventCallback(appMention('escalate still failing after fixing names', { ts: nextTs(), thread_ts: root })).body);
    await h.fake.waitFor(() => postsTo('C0SUPPORT').length === 1 && postsTo('C0OTHER').length === 2);

    const support = textsOf(postsTo('C0SUPPORT')[0]!.args);
    expect(support).toMatch(/ESC-\d+/);
    expect(support).toContain('scim-sync-user-fails');
    expect(support).toContain('still failing after fixing names');
    expect(support).toContain('Request is unparsable');
    const ack = postsTo('C0OTHER')[1]!;
    expect(ack.args.thread_ts).toBe(root);
    const id = /ESC-\d+/.exec(textsOf(ack.args))![0];
    // The app's /metrics counts it as open.
    expect(await (await fetch(`${h.base}/metrics`)).text()).toMatch(/^idc_escalations_open 1$/m);

    // Escalating the same thread again links to the same escalation.
    await sendSigned(h.events, eventCallback(appMention('escalate', { ts: nextTs(), thread_ts: root })).body);
    await h.fake.waitFor(() => postsTo('C0OTHER').length === 3);
    expect(textsOf(postsTo('C0OTHER')[2]!.args)).toContain(id);
    expect(postsTo('C0SUPPORT')).toHaveLength(1);

    // The support team claims it from the support message.
    const claim = blockActions({ actionId: 'escalation.claim', value: JSON.stringify({ e: id }), responseUrl: h.fake.responseUrl('claim'), messageTs: '1.1', channel: 'C0SUPPORT', user: 'U0SUPPORT' });
    expect((await sendSigned(h.events, claim)).status).toBe(200);
    await h.fake.waitFor(() => h.fake.callsTo('chat.update').length === 1 && postsTo('C0OTHER').length === 4);
    const update = h.fake.callsTo('chat.update')[0]!;
    expect(update.args.channel).toBe('C0SUPPORT');
    expect(textsOf(update.args)).toMatch(/claimed/i);
    expect(postsTo('C0OTHER')[3]!.args.thread_ts).toBe(root);
    expect(textsOf(postsTo('C0OTHER')[3]!.args)).toMatch(/claimed/i);
  });

  it('refuses the asker and anyone else outside the support team, over real HTTP, and lets a user-group member in', async () => {
    const root = nextTs();
    await sendSigned(h.events, eventCallback(appMention(SCIM, { ts: root, channel: 'C0PRIVATE' })).body);
    await sendSigned(h.events, eventCallback(appMention('escalate', { ts: nextTs(), thread_ts: root, channel: 'C0PRIVATE' })).body);
    await h.fake.waitFor(() => postsTo('C0SUPPORT').length === 1);
    const id = /ESC-\d+/.exec(textsOf(postsTo('C0SUPPORT')[0]!.args))![0];

    // The asker (U0ASKER, not in C0SUPPORT) clicks Claim on the support message: refused privately.
    const claim = (user: string, url: string) =>
      sendSigned(h.events, blockActions({ actionId: 'escalation.claim', value: JSON.stringify({ e: id }), responseUrl: h.fake.responseUrl(url), messageTs: '1.1', channel: 'C0SUPPORT', user }));
    expect((await claim('U0ASKER', 'asker-claim')).status).toBe(200);
    await h.fake.waitFor(() => h.fake.responses.some((r) => r.id === 'asker-claim'));
    expect(textsOf(h.fake.responses.find((r) => r.id === 'asker-claim')!.body)).toMatch(new RegExp(`Only the support team can claim ${id}`));

    // Someone else lists and reads it from another channel: refused, nothing of the text leaks.
    const command = (text: string, user: string, url: string) => sendSigned(h.events, slashCommand(text, h.fake.responseUrl(url), { user_id: user, channel_id: 'C0RANDOM' }));
    await command('escalations', 'U0NOSY', 'nosy-list');
    await command(`escalation show ${id}`, 'U0NOSY', 'nosy-show');
    await h.fake.waitFor(() => h.fake.responses.filter((r) => r.id.startsWith('nosy-')).length === 2);
    const nosy = h.fake.responses.filter((r) => r.id.startsWith('nosy-')).map((r) => textsOf(r.body)).join('\n');
    expect(nosy).toMatch(/Only the support team can list escalations[\s\S]*You cannot show/);
    expect(nosy).not.toMatch(/Request is unparsable/);
    await h.fake.settle();
    expect(h.fake.callsTo('chat.update')).toHaveLength(0);
    const audit = await h.app.store.recentLookups(10);
    expect(audit.filter((a) => a.outcome === 'denied').map((a) => `${a.actor.id} ${a.check}`).sort()).toEqual(['U0ASKER escalation.claim', 'U0NOSY escalation.list', 'U0NOSY escalation.show']);

    // The asker may read their own; a member of SUPPORT_SLACK_GROUPS may claim, from anywhere.
    await command(`escalation show ${id}`, 'U0ASKER', 'asker-show');
    await h.fake.waitFor(() => h.fake.responses.some((r) => r.id === 'asker-show'));
    expect(textsOf(h.fake.responses.find((r) => r.id === 'asker-show')!.body)).toMatch(/Request is unparsable/);
    await command(`escalation claim ${id}`, 'U0GROUPIE', 'groupie-claim');
    await h.fake.waitFor(() => h.fake.callsTo('chat.update').length === 1);
    expect(textsOf(h.fake.callsTo('chat.update')[0]!.args)).toMatch(/claimed/i);
    // Membership answers are cached: one look at the channel and one at the group for all of the above.
    expect(h.fake.callsTo('conversations.members').length).toBeLessThanOrEqual(1);
    expect(h.fake.callsTo('usergroups.users.list').length).toBeLessThanOrEqual(1);
  });
});
