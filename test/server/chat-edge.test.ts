import { createOfflineChecks } from '../../src/checks/create-offline-checks';
import { FAILURE_ADVICE, FAILURE_TITLE } from '../../src/core/replies/failure-reply';
import { eventCallback, messageEvent, slashCommand } from '../helpers/slack-payloads';
import { sendSigned } from '../helpers/slack-requests';
import { textsOf } from '../helpers/fake-slack';
import { startSlackApp, type SlackHarness } from '../slack/slack-harness';
import { startFakeConnector, type FakeConnector } from '../teams/fake-connector';
import { personalMessage } from '../teams/teams-activities';
import { cardOf, cardText } from '../teams/teams-harness';

const PASTE = 'Request is unparsable, syntactically incorrect, or violates schema';

/** `idc_edge_errors_total{platform,kind}` as /metrics shows it (0 when the series does not exist yet). */
async function edgeErrors(base: string, platform: string, kind: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`idc_edge_errors_total{platform="${platform}",kind="${kind}"}`));
  return line ? Number(line.split(' ').pop()) : 0;
}

/**
 * Slack and Teams in one app, each an edge of the one shape, with offline checks that can be
 * broken on demand: a listener that throws is the edges' one failure path.
 */
describe('chat edges of one shape, one failure path each', () => {
  let h: SlackHarness;
  let connector: FakeConnector;
  const offline = {
    ...createOfflineChecks(),
    broken: false,
    detect(text: string) {
      if (offline.broken) throw new Error('linter state is gone');
      return createOfflineChecks().detect(text);
    },
  };

  beforeAll(async () => {
    connector = await startFakeConnector();
    h = await startSlackApp({ env: { TEAMS_ALLOW_ANONYMOUS: 'true' }, deps: { offline } });
  });
  afterAll(async () => {
    await h.close();
    await connector.close();
  });
  beforeEach(() => {
    offline.broken = false;
    h.fake.reset();
    connector.calls.splice(0);
  });

  it('composes the configured edges as a list: one per platform, each with its routes', () => {
    expect(h.app.edges.map((e) => e.platform)).toEqual(['slack', 'teams']);
    expect(h.app.channels).toEqual(['slack', 'teams']);
    expect(h.app.edges.find((e) => e.platform === 'slack')!.routes.map((r) => r.path)).toEqual(['/slack/events']);
    expect(h.app.edges.find((e) => e.platform === 'teams')!.routes.map((r) => r.path)).toEqual(['/api/messages']);
    // Slack's user-group memberships are its People; Teams has a desk only with TEAMS_SUPPORT_CONVERSATION.
    expect(h.app.edges.find((e) => e.platform === 'slack')!.people).toBeDefined();
    expect(h.app.edges.find((e) => e.platform === 'teams')!.desk).toBeUndefined();
  });

  it('a listener that throws: the same sentence on Slack and Teams, and each platform counted at /metrics', async () => {
    const slackBefore = await edgeErrors(h.base, 'slack', 'listener');
    const teamsBefore = await edgeErrors(h.base, 'teams', 'listener');
    offline.broken = true;

    // Slack: a DM, answered in the DM.
    const dm = messageEvent({ channel: 'D0DM', channel_type: 'im', text: PASTE });
    expect((await sendSigned(h.events, eventCallback(dm).body)).status).toBe(200);
    await h.fake.waitFor(() => h.fake.posts().length === 1);
    const slackSaid = textsOf(h.fake.posts()[0]!.args);

    // Teams: a personal chat message.
    expect((await fetch(`${h.base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(personalMessage(connector.url, PASTE)) })).status).toBe(200);
    const [call] = await connector.waitFor(1);
    const teamsSaid = cardText(cardOf(call!));

    for (const said of [slackSaid, teamsSaid]) {
      expect(said).toContain(FAILURE_TITLE);
      expect(said).toContain(FAILURE_ADVICE);
      expect(said).not.toMatch(/linter state/);
    }
    expect(await edgeErrors(h.base, 'slack', 'listener')).toBe(slackBefore + 1);
    expect(await edgeErrors(h.base, 'teams', 'listener')).toBe(teamsBefore + 1);
  });

  it('a slash command whose listener throws: the same sentence through response_url, counted once', async () => {
    const before = await edgeErrors(h.base, 'slack', 'listener');
    offline.broken = true;
    expect((await sendSigned(h.events, slashCommand(`ask ${PASTE}`, h.fake.responseUrl('cmd-1')))).status).toBe(200);
    await h.fake.waitFor(() => h.fake.responses.length === 1);
    expect(textsOf(h.fake.responses[0]!.body)).toContain(FAILURE_TITLE);
    expect(h.fake.responses[0]!.body).toMatchObject({ response_type: 'ephemeral' });
    expect(await edgeErrors(h.base, 'slack', 'listener')).toBe(before + 1);
  });

  it('a watched-channel message whose listener throws is counted but tells nobody (nobody asked)', async () => {
    const before = await edgeErrors(h.base, 'slack', 'listener');
    offline.broken = true;
    expect((await sendSigned(h.events, eventCallback(messageEvent({ text: PASTE })).body)).status).toBe(200);
    const deadline = Date.now() + 3_000;
    while ((await edgeErrors(h.base, 'slack', 'listener')) === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(await edgeErrors(h.base, 'slack', 'listener')).toBe(before + 1);
    await h.fake.settle();
    expect(h.fake.posts()).toEqual([]);
  });

  it('a badly signed Slack request is refused with 401 and counted as kind="signature"', async () => {
    const before = await edgeErrors(h.base, 'slack', 'signature');
    const res = await sendSigned(h.events, eventCallback(messageEvent({ text: PASTE })).body, { secret: 'not-the-signing-secret' });
    expect(res.status).toBe(401);
    expect(await edgeErrors(h.base, 'slack', 'signature')).toBe(before + 1);
    // A good signature right after is not counted.
    expect((await sendSigned(h.events, JSON.stringify({ token: 't', challenge: 'c', type: 'url_verification' }))).status).toBe(200);
    expect(await edgeErrors(h.base, 'slack', 'signature')).toBe(before + 1);
  });

  it('a Slack Web API error inside a listener is counted as kind="platform_api"', async () => {
    const before = await edgeErrors(h.base, 'slack', 'platform_api');
    h.fake.failNext('chat.postMessage', 'fatal_error');
    const dm = messageEvent({ channel: 'D0DM', channel_type: 'im', text: 'help' });
    expect((await sendSigned(h.events, eventCallback(dm).body)).status).toBe(200);
    const deadline = Date.now() + 5_000;
    while ((await edgeErrors(h.base, 'slack', 'platform_api')) === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(await edgeErrors(h.base, 'slack', 'platform_api')).toBe(before + 1);
  });
});
