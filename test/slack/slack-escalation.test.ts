import { textsOf } from '../helpers/fake-slack';
import { appMention, blockActions, eventCallback, nextTs } from '../helpers/slack-payloads';
import { sendSigned } from '../helpers/slack-requests';
import { startSlackApp, type SlackHarness } from './slack-harness';

const SCIM = 'Okta says: Request is unparsable, syntactically incorrect, or violates schema for jane@example.com';

describe('Slack escalations end to end (support channel, claim, mirror into the thread)', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackApp({ env: { SLACK_SUPPORT_CHANNEL: 'C0SUPPORT' } });
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

    // Escalating the same thread again links to the same escalation.
    await sendSigned(h.events, eventCallback(appMention('escalate', { ts: nextTs(), thread_ts: root })).body);
    await h.fake.waitFor(() => postsTo('C0OTHER').length === 3);
    expect(textsOf(postsTo('C0OTHER')[2]!.args)).toContain(id);
    expect(postsTo('C0SUPPORT')).toHaveLength(1);

    // The support team claims it from the support message.
    const claim = blockActions({ actionId: 'escalation.claim', value: JSON.stringify({ e: id }), responseUrl: h.fake.responseUrl('claim'), messageTs: '1.1', channel: 'C0SUPPORT' });
    expect((await sendSigned(h.events, claim)).status).toBe(200);
    await h.fake.waitFor(() => h.fake.callsTo('chat.update').length === 1 && postsTo('C0OTHER').length === 4);
    const update = h.fake.callsTo('chat.update')[0]!;
    expect(update.args.channel).toBe('C0SUPPORT');
    expect(textsOf(update.args)).toMatch(/claimed/i);
    expect(postsTo('C0OTHER')[3]!.args.thread_ts).toBe(root);
    expect(textsOf(postsTo('C0OTHER')[3]!.args)).toMatch(/claimed/i);
  });
});
