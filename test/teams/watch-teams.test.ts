import { createAwsWatchSource } from '../../src/checks/aws/create-aws-live-checks';
import { TokenBucket } from '../../src/checks/aws/token-bucket';
import { loadConfig } from '../../src/config/load-config';
import { MemoryStore } from '../../src/core/ports/memory-store';
import { STORE_ID, testClients } from '../helpers/aws-seed';
import { startFakeAws, type FakeAws } from '../helpers/fake-aws-json';
import { scimCreateGroupConflict, trailHandler } from '../helpers/watch-trail';
import { botAddedToTeam } from './teams-activities';
import { cardActions, cardOf, cardText, startTeams, type TeamsHarness } from './teams-harness';

const DIGEST = '19:d1gest00000000000000000000000@thread.tacv2';

describe('the watcher’s digest in Teams (proactive, from the stored conversation reference)', () => {
  let h: TeamsHarness;
  let trail: FakeAws;

  beforeAll(async () => {
    trail = await startFakeAws(trailHandler(() => [scimCreateGroupConflict(new Date(Date.now() - 60_000))]));
    const env = { WATCH_TEAMS_CONVERSATION: DIGEST, AWS_REGION: 'us-east-1', IDC_IDENTITY_STORE_ID: STORE_ID };
    const store = new MemoryStore();
    const config = loadConfig({ TEAMS_ALLOW_ANONYMOUS: 'true', ...env });
    const watchSource = createAwsWatchSource(config.aws!, { bucket: new TokenBucket({ ratePerSecond: 1000, burst: 100 }), deletions: store, signinThreshold: 5 }, testClients('http://127.0.0.1:9', trail.url));
    h = await startTeams(env, { store, watchSource });
  });
  afterAll(async () => {
    await h?.close();
    await trail?.close();
  });

  it('keeps the digest while the app is not in that conversation, then posts it there as a card with buttons', async () => {
    // The first pass runs a second after start: no reference stored yet, so Teams cannot be posted to.
    const deadline = Date.now() + 5_000;
    while (!/could not post the digest/.test(h.logs.text()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(h.logs.text()).toMatch(/No Teams conversation reference stored for WATCH_TEAMS_CONVERSATION/);
    expect(h.connector.calls).toHaveLength(0);

    await h.post(botAddedToTeam(h.connector.url, DIGEST));
    const pass = await h.app.watcher!.runOnce();
    expect(pass.outcome).toBe('posted');
    const [posted] = await h.connector.waitFor(1, (c) => c.kind === 'send');
    expect(posted).toMatchObject({ conversationId: DIGEST });
    const card = cardOf(posted!);
    expect(cardText(card)).toMatch(/SCIM provisioning failed: a group being created[\s\S]*Duplicate GroupDisplayName/);
    expect(cardActions(card).map((a) => a.data.action)).toEqual(['kb.show', 'escalate']);
  });
});
