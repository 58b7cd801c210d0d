import type { App } from '../../src/app';
import { createAwsWatchSource } from '../../src/checks/aws/create-aws-live-checks';
import { TokenBucket } from '../../src/checks/aws/token-bucket';
import { loadConfig } from '../../src/config/load-config';
import { MemoryStore } from '../../src/core/ports/memory-store';
import { STORE_ID, testClients } from '../helpers/aws-seed';
import { startFakeAws, type FakeAws } from '../helpers/fake-aws-json';
import { textsOf, type FakeSlack } from '../helpers/fake-slack';
import { blockActions } from '../helpers/slack-payloads';
import { sendSigned } from '../helpers/slack-requests';
import { startSlackApp, type SlackHarness } from './slack-harness';
import { scimCreateGroupConflict, trailHandler, type TrailRecord } from '../helpers/watch-trail';

describe('the watcher’s digest in Slack (createApp, real Bolt client, fake Slack Web API)', () => {
  let fake: FakeSlack;
  let trail: FakeAws;
  let app: App;
  let h: SlackHarness;
  let records: TrailRecord[];

  beforeAll(async () => {
    records = [scimCreateGroupConflict(new Date(Date.now() - 120_000))];
    trail = await startFakeAws(trailHandler(() => records));
    const env = { SLACK_SUPPORT_CHANNEL: 'C0SUPPORT', WATCH_CHANNEL: 'C0DIGEST', AWS_REGION: 'us-east-1', IDC_IDENTITY_STORE_ID: STORE_ID };
    const aws = loadConfig({ AWS_REGION: 'us-east-1', IDC_IDENTITY_STORE_ID: STORE_ID }).aws!;
    const store = new MemoryStore();
    const watchSource = createAwsWatchSource(aws, { bucket: new TokenBucket({ ratePerSecond: 1000, burst: 100 }), deletions: store, signinThreshold: 5 }, testClients('http://127.0.0.1:9', trail.url));
    h = await startSlackApp({ env, store, watchSource }); // starts the watcher: its first pass runs a second later
    fake = h.fake;
    app = h.app;
  });
  afterAll(async () => {
    await h?.close();
    await trail?.close();
  });

  const digests = () => fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0DIGEST');

  it('posts one digest to WATCH_CHANNEL with chat.postMessage, with buttons, and its Escalate button escalates the digest', async () => {
    expect(app.checks).toContain('watcher: every 5 min to slack');
    await fake.waitFor(() => digests().length === 1, 5_000);
    const digest = digests()[0]!;
    const blocks = JSON.stringify(digest.args.blocks);
    expect(textsOf(digest.args)).toMatch(/SCIM provisioning failed: a group being created/);
    expect(textsOf(digest.args)).toContain('Duplicate GroupDisplayName');
    for (const id of ['kb.show', 'escalate']) expect(blocks).toContain(`"action_id":"${id}"`);
    expect(trail.requests.map((r) => (r.body.LookupAttributes as Array<{ AttributeValue: string }>)[0]!.AttributeValue)).toEqual([
      'identitystore-scim.amazonaws.com',
      'signin.amazonaws.com',
      'sso.amazonaws.com',
      'identitystore.amazonaws.com',
    ]);

    const ts = digest.answer!.ts as string;
    const click = blockActions({ actionId: 'escalate', value: JSON.stringify({ a: 'scim-duplicate-conflict' }), responseUrl: fake.responseUrl('esc'), messageTs: ts, channel: 'C0DIGEST' });
    expect((await sendSigned(h.events, click)).status).toBe(200);
    await fake.waitFor(() => fake.callsTo('chat.postMessage').some((c) => c.args.channel === 'C0SUPPORT'));
    const support = textsOf(fake.callsTo('chat.postMessage').find((c) => c.args.channel === 'C0SUPPORT')!.args);
    expect(support).toMatch(/ESC-\d+/);
    expect(support).toContain('scim-duplicate-conflict');
    expect(support).toContain('SCIM provisioning failed: a group being created');
  });
});
