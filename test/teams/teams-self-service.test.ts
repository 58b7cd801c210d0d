/**
 * LOOKUP_SELF_SERVICE on Teams, through the real app: the asker's e-mail comes from the
 * conversation member (GET /v3/conversations/{id}/members/{memberId} on the fake Bot Connector),
 * the check runs against the Identity Store on moto with the app's own AWS clients, and the answer
 * goes to the asker only. Someone else's e-mail, or a member lookup that fails, is refused.
 */
import { STORE_ID } from '../helpers/aws-seed';
import { describeMoto } from '../helpers/moto';
import { startMotoWorld, useAwsEnv, type MotoWorld } from '../helpers/moto-live-checks';
import type { ConnectorCall } from './fake-connector';
import { BOT, CHANNEL, PERSONAL, TENANT, USER, channelMention, personalMessage } from './teams-activities';
import { cardOf, cardText, startTeams, type TeamsHarness } from './teams-harness';

const ALICE = { ...USER, email: 'Alice@Example.com', userPrincipalName: 'alice@example.com', tenantId: TENANT };

describeMoto('LOOKUP_SELF_SERVICE on Teams (conversation member, Identity Store on moto)', () => {
  let world: MotoWorld;
  let h: TeamsHarness;
  let restoreEnv: () => void;

  beforeAll(async () => {
    world = await startMotoWorld();
    await world.seed.user({ UserName: 'alice@example.com' });
    restoreEnv = useAwsEnv(world);
    h = await startTeams({ LOOKUP_SELF_SERVICE: 'true', AWS_REGION: 'us-east-1', IDC_IDENTITY_STORE_ID: STORE_ID }, { teams: { timeouts: { connectorMs: 500 } } });
  });
  afterAll(async () => {
    await h?.close();
    restoreEnv?.();
    await world?.stop();
  });
  beforeEach(async () => {
    await h.idle(); // a slow answer's late update belongs to the test before
    h.connector.calls.splice(0);
    h.connector.hangMembers(false);
  });

  /** A final answer (not the "Working on it…" a slow answer posts first, then updates). */
  const isAnswer = (c: ConnectorCall) => ['reply', 'send', 'update'].includes(c.kind) && !/Working on it/.test(JSON.stringify(c.body));
  const ask = async (activity: ReturnType<typeof personalMessage>) => {
    const earlier = new Set(h.connector.calls);
    expect((await h.post(activity)).status).toBe(200);
    const [reply] = await h.connector.waitFor(1, (c) => !earlier.has(c) && isAnswer(c) && c.conversationId?.startsWith(PERSONAL) === true, 10_000);
    return cardText(cardOf(reply!));
  };
  const memberCalls = () => h.connector.calls.filter((c) => c.kind === 'member');

  it('runs `check user <own e-mail>` in personal chat, asking the member endpoint once for two checks', async () => {
    h.connector.members.set(USER.id, ALICE);
    expect(await ask(personalMessage(h.connector.url, 'check user alice@example.com'))).toMatch(/User exists in the Identity Store/);
    expect(await ask(personalMessage(h.connector.url, 'check user alice@example.com'))).toMatch(/User exists in the Identity Store/);
    expect(memberCalls()).toEqual([expect.objectContaining({ conversationId: PERSONAL, memberId: USER.id })]);
  });

  it('runs `check me` on the member e-mail, and says plainly when the member has none', async () => {
    // The subject is the e-mail exactly as Teams reports it (the Identity Store lookup is not case-folded).
    const dana = { id: '29:dana', name: 'Dana', aadObjectId: 'c0000000-0000-4000-8000-00000000da01' };
    h.connector.members.set(dana.id, { ...dana, email: 'alice@example.com' });
    const own = await ask({ ...personalMessage(h.connector.url, 'check me'), from: dana });
    expect(own).toMatch(/User exists in the Identity Store/);
    expect(own).toMatch(/alice@example\.com/);
    const nobody = { id: '29:nomail', name: 'No Mail', aadObjectId: 'c0000000-0000-4000-8000-00000000ca02' };
    h.connector.members.set(nobody.id, { ...nobody });
    h.connector.calls.splice(0);
    const reply = await ask({ ...personalMessage(h.connector.url, 'check me'), from: nobody });
    expect(reply).toMatch(/I do not know your e-mail/);
    // Teams has no command prefix: the hint is the bare command.
    expect(reply).toMatch(/Type check user <your e-mail> instead/);
  });

  it('answers a channel mention privately (the 1:1 chat), not in the channel thread', async () => {
    const activity = channelMention(h.connector.url, 'check user alice@example.com');
    expect((await h.post(activity)).status).toBe(200);
    const thread = `${CHANNEL};messageid=${activity.id}`;
    const [create] = await h.connector.waitFor(1, (c) => c.kind === 'create', 10_000);
    expect(create).toMatchObject({ body: { bot: BOT, members: [{ id: USER.id }] } });
    const [privateSend] = await h.connector.waitFor(1, (c) => isAnswer(c) && c.conversationId === create!.responseId, 10_000);
    expect(cardText(cardOf(privateSend!))).toMatch(/User exists in the Identity Store/);
    const [inThread] = await h.connector.waitFor(1, (c) => isAnswer(c) && c.conversationId === thread, 10_000);
    expect(cardText(cardOf(inThread!))).toMatch(/Sent to you privately/);
    await h.idle();
    expect(h.connector.calls.filter((c) => c.conversationId?.startsWith(CHANNEL)).map((c) => JSON.stringify(c.body))).not.toContainEqual(expect.stringMatching(/alice@example\.com/));
  });

  it('refuses someone else’s e-mail with the self-service sentence', async () => {
    expect(await ask(personalMessage(h.connector.url, 'check user bob@example.com'))).toMatch(/You may only look up yourself/);
  });

  it('fails closed when the member endpoint fails or hangs, says so once in the log, and keeps answering', async () => {
    // Another person, whose lookups fail: 404 from the connector, then no answer at all.
    const carol = { id: '29:carol', name: 'Carol', aadObjectId: 'c0000000-0000-4000-8000-00000000ca01' };
    const fromCarol = (text: string) => ({ ...personalMessage(h.connector.url, text), from: carol });
    expect(await ask(fromCarol('check user carol@example.com'))).toMatch(/You may only look up yourself/);
    expect(memberCalls().map((c) => c.memberId)).toEqual([carol.id]);
    // Not cached: the next check asks again. This time the connector never answers.
    h.connector.members.set(carol.id, { ...carol, email: 'carol@example.com' });
    h.connector.hangMembers(true);
    // The hung lookup times out (500 ms): refused, and nothing crashed.
    expect(await ask(fromCarol('check user carol@example.com'))).toMatch(/You may only look up yourself/);
    expect(memberCalls()).toHaveLength(2);
    h.connector.hangMembers(false);
    const warnings = h.logs.entries.filter((e) => e.level === 'warn' && /Teams member profile/.test(e.msg));
    // One line per kind of failure (the 404, the timeout), not one per lookup.
    expect(warnings).toHaveLength(2);
    expect(h.logs.text()).not.toMatch(/@example\.com/i);
    // Carol's profile answers now: her own lookup runs.
    h.connector.calls.splice(0);
    const own = await ask(fromCarol('check user carol@example.com'));
    expect(own).toMatch(/User check/);
    expect(own).not.toMatch(/You may only/);
  });
});
