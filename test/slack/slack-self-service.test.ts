/**
 * LOOKUP_SELF_SERVICE on Slack, through the real app: the asker's e-mail comes from users.info
 * (cached), the check runs against the Identity Store on moto with the app's own AWS clients, and
 * the answer goes to the asker only. Someone else's e-mail, or a users.info that fails, is refused.
 */
import { STORE_ID } from '../helpers/aws-seed';
import { textsOf } from '../helpers/fake-slack';
import { describeMoto } from '../helpers/moto';
import { startMotoWorld, useAwsEnv, type MotoWorld } from '../helpers/moto-live-checks';
import { appMention, eventCallback, slashCommand, USER } from '../helpers/slack-payloads';
import { sendSigned } from '../helpers/slack-requests';
import { recordingLogger } from '../teams/recording-logger';
import { startSlackApp, type SlackHarness } from './slack-harness';

describeMoto('LOOKUP_SELF_SERVICE on Slack (users.info, Identity Store on moto)', () => {
  let world: MotoWorld;
  let h: SlackHarness;
  let restoreEnv: () => void;
  const logs = recordingLogger();

  beforeAll(async () => {
    world = await startMotoWorld();
    await world.seed.user({ UserName: 'asker@example.com' });
    await world.seed.user({ UserName: 'bob@example.com' });
    await world.seed.user({ UserName: 'dan@example.com' });
    restoreEnv = useAwsEnv(world);
    h = await startSlackApp({ env: { LOOKUP_SELF_SERVICE: 'true', AWS_REGION: 'us-east-1', IDC_IDENTITY_STORE_ID: STORE_ID }, logger: logs.logger });
    // Slack reports the e-mail as the person typed it at sign-up; the comparison ignores case.
    h.fake.userEmails.set(USER, 'Asker@Example.com');
    h.fake.userEmails.set('U0NOMAIL', null);
    h.fake.userEmails.set('U0DAN', 'dan@example.com');
  });
  afterAll(async () => {
    await h?.close();
    restoreEnv?.();
    await world?.stop();
  });

  const slash = async (text: string, id: string, user = USER) => {
    await sendSigned(h.events, slashCommand(text, h.fake.responseUrl(id), { user_id: user }));
    await h.fake.waitFor(() => h.fake.responses.some((r) => r.id === id), 10_000);
    const body = h.fake.responses.find((r) => r.id === id)!.body;
    return { text: textsOf(body), type: body.response_type };
  };

  it('runs `check user <own e-mail>` for the asker, privately, and asks users.info once for two checks', async () => {
    const first = await slash('check user asker@example.com', 'own-1');
    expect(first.type).toBe('ephemeral');
    expect(first.text).toMatch(/asker@example\.com/);
    expect(first.text).toMatch(/User exists in the Identity Store/);
    const again = await slash('check user asker@example.com', 'own-2');
    expect(again.text).toMatch(/User exists in the Identity Store/);
    expect(h.fake.callsTo('users.info').map((c) => c.args.user)).toEqual([USER]);
  });

  it('runs `check me` on the e-mail users.info gives, and says plainly when Slack gives none', async () => {
    // The subject is the e-mail exactly as Slack reports it (the Identity Store lookup is not case-folded).
    const own = await slash('check me', 'me-1', 'U0DAN');
    expect(own.type).toBe('ephemeral');
    expect(own.text).toMatch(/User exists in the Identity Store/);
    expect(own.text).toMatch(/dan@example\.com/);
    const unknown = await slash('check me', 'me-2', 'U0NOMAIL');
    expect(unknown.text).toMatch(/I do not know your e-mail/);
    expect(unknown.text).toMatch(/\/idc check user &lt;your e-mail&gt;/); // Slack mrkdwn escapes < and >
  });

  it('answers a mention in a channel with an ephemeral message to the asker only', async () => {
    const before = h.fake.callsTo('chat.postEphemeral').length;
    await sendSigned(h.events, eventCallback(appMention('check user asker@example.com')).body);
    await h.fake.waitFor(() => h.fake.callsTo('chat.postEphemeral').length > before, 10_000);
    const post = h.fake.callsTo('chat.postEphemeral').at(-1)!;
    expect(post.args.user).toBe(USER);
    expect(textsOf(post.args)).toMatch(/asker@example\.com/);
    expect(h.fake.callsTo('chat.postMessage').some((c) => /asker@example\.com/.test(textsOf(c.args)))).toBe(false);
  });

  it('refuses someone else’s e-mail with the self-service sentence', async () => {
    const reply = await slash('check user bob@example.com', 'other');
    expect(reply.type).toBe('ephemeral');
    expect(reply.text).toMatch(/You may only look up yourself/);
    expect(reply.text).not.toMatch(/bob@example\.com.*(found|groups)/i);
  });

  it('counts the AWS calls it made at /metrics (operation and outcome)', async () => {
    const body = await (await fetch(`${h.base}/metrics`)).text();
    const count = Number(/idc_aws_call_seconds_count\{operation="identitystore:GetUserId",outcome="ok"\} (\d+)/.exec(body)?.[1] ?? 0);
    expect(count).toBeGreaterThanOrEqual(2);
    expect(body).toMatch(/idc_aws_call_seconds_count\{operation="identitystore:DescribeUser",outcome="ok"\} [1-9]/);
  });

  it('fails closed when users.info fails: refused, said once how to fix it, never cached, nothing crashes', async () => {
    h.fake.failNext('users.info', 'missing_scope');
    expect((await slash('check user carol@example.com', 'scope-1', 'U0CAROL')).text).toMatch(/You may only look up yourself/);
    h.fake.failNext('users.info', 'missing_scope');
    expect((await slash('check user carol@example.com', 'scope-2', 'U0CAROL')).text).toMatch(/You may only look up yourself/);
    // Failures were not cached: both attempts asked Slack.
    expect(h.fake.callsTo('users.info').filter((c) => c.args.user === 'U0CAROL')).toHaveLength(2);
    const warnings = logs.entries.filter((e) => e.level === 'warn' && /users\.info/.test(e.msg));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.msg).toMatch(/users:read\.email/);
    // A profile without an e-mail (no users:read.email) is "unknown" too.
    expect((await slash('check user nomail@example.com', 'nomail', 'U0NOMAIL')).text).toMatch(/You may only look up yourself/);
    // The app still answers, and no e-mail reached the log.
    expect((await slash('check user asker@example.com', 'after', USER)).text).toMatch(/User exists in the Identity Store/);
    expect(logs.text()).not.toMatch(/@example\.com/i);
  });
});
