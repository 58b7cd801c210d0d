import type { Escalation } from '../../src/core/escalations/escalation';
import { composeRequesterUpdate, composeSupportMessage } from '../../src/core/escalations/compose-escalation';
import { TeamsError } from '../../src/teams/teams-errors';
import { CHANNEL, PERSONAL, USER, botAddedToTeam, channelMention, personalMessage } from './teams-activities';
import { cardActions, cardOf, cardText, startTeams, type TeamsHarness } from './teams-harness';

const SUPPORT = '19:5upp0rt0000000000000000000000@thread.tacv2';

function escalation(over: Partial<Escalation> = {}): Escalation {
  const at = new Date('2026-01-15T10:00:00Z');
  const requester = { platform: 'teams' as const, id: USER.aadObjectId, name: 'Alice Example' };
  return {
    id: 'ESC-1042',
    status: 'open',
    createdAt: at,
    updatedAt: at,
    requester,
    origin: { platform: 'teams', channelId: CHANNEL, threadId: `${CHANNEL};messageid=1700000000999` },
    text: 'Request is unparsable, syntactically incorrect, or violates schema **not bold** <at>All</at>',
    articleId: 'scim-sync-user-fails',
    confidence: 0.91,
    checks: ['user alice: not found in the Identity Store'],
    history: [{ at, actor: requester, action: 'opened' }],
    ...over,
  };
}

describe('TeamsSupportDesk (escalations to TEAMS_SUPPORT_CONVERSATION)', () => {
  let h: TeamsHarness;

  beforeAll(async () => {
    h = await startTeams({ TEAMS_SUPPORT_CONVERSATION: SUPPORT });
  });
  afterAll(() => h.close());
  beforeEach(() => h.connector.calls.splice(0));

  it('says what to do when the app was never added to the support channel', async () => {
    const err = await h.desk!.post(escalation(), composeSupportMessage(escalation())).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TeamsError);
    expect(err).toMatchObject({ code: 'no_reference', fix: expect.stringMatching(/add the app to that team/) });
    expect(h.connector.calls).toHaveLength(0);
  });

  it('posts proactively from the stored reference, updates the card in place, and tells the asker in their thread', async () => {
    await h.post(botAddedToTeam(h.connector.url, SUPPORT)); // Teams tells the bot it joined the support team
    await h.post(channelMention(h.connector.url, 'help')); // the asker's channel, seen once
    await h.connector.waitFor(2); // the help reply (private chat + note)
    h.connector.calls.splice(0);
    const desk = h.desk!;

    const message = await desk.post(escalation(), composeSupportMessage(escalation()));
    const [posted] = await h.connector.waitFor(1);
    expect(posted).toMatchObject({ kind: 'send', conversationId: SUPPORT });
    expect(message).toMatchObject({ platform: 'teams', channelId: SUPPORT, messageId: posted!.responseId, reference: { conversationId: SUPPORT, serviceUrl: h.connector.url } });
    const card = cardOf(posted!);
    expect(cardText(card)).toMatch(/ESC-1042 · Open[\s\S]*Asked by: Alice Example[\s\S]*scim-sync-user-fails \(91% confidence\)[\s\S]*user alice: not found/);
    expect(JSON.stringify(card)).toContain(JSON.stringify('Request is unparsable, syntactically incorrect, or violates schema **not bold** <at>All</at>'));
    expect(cardActions(card).map((a) => [a.type, a.title, a.data.action])).toEqual([
      ['Action.Execute', 'Claim', 'escalation.claim'],
      ['Action.Execute', 'Resolve', 'escalation.resolve'],
    ]);

    const claimer = { platform: 'slack' as const, id: 'U0SUPPORT', name: 'Sam Support' };
    const claimed = escalation({ status: 'claimed', claimedBy: claimer, supportMessage: message, history: [{ at: new Date(), actor: claimer, action: 'claimed' }] });
    await desk.update(claimed, composeSupportMessage(claimed));
    const [update] = await h.connector.waitFor(1, (c) => c.kind === 'update');
    expect(update).toMatchObject({ method: 'PUT', conversationId: SUPPORT, activityId: message.messageId });
    expect(cardText(cardOf(update!))).toMatch(/ESC-1042 · Claimed[\s\S]*Claimed by: Sam Support[\s\S]*claimed by Sam Support/);
    expect(cardActions(cardOf(update!)).map((a) => a.title)).toEqual(['Resolve']);

    await desk.notifyRequester(claimed, 'Sam Support is looking at it.', composeRequesterUpdate('Sam Support is looking at it.'));
    const [notice] = await h.connector.waitFor(1, (c) => c.kind === 'send' && c.conversationId !== SUPPORT);
    expect(notice!.conversationId).toBe(`${CHANNEL};messageid=1700000000999`);
    expect(cardText(cardOf(notice!))).toBe("Sam Support is looking at it.");
  });

  it('notifies an asker in personal chat, and refuses escalations from another platform', async () => {
    await h.post(personalMessage(h.connector.url, 'help'));
    await h.connector.waitFor(1);
    await h.desk!.notifyRequester(escalation({ origin: { platform: 'teams', channelId: PERSONAL } }), 'Resolved: re-provisioned.', composeRequesterUpdate('Resolved: re-provisioned.'));
    const [sent] = await h.connector.waitFor(1, (c) => c.kind === 'send');
    expect(sent!.conversationId).toBe(PERSONAL);
    await expect(h.desk!.notifyRequester(escalation({ origin: { platform: 'slack', channelId: 'C1' } }), 'x', composeRequesterUpdate('x'))).rejects.toMatchObject({ code: 'wrong_platform' });
    await expect(h.desk!.update(escalation(), composeSupportMessage(escalation()))).rejects.toMatchObject({ code: 'wrong_platform' });
  });

  it('reports a connector failure as a TeamsError with a fix', async () => {
    h.connector.hang(false);
    const ref = (await h.refs.getReference(SUPPORT))!;
    await h.refs.saveReference({ ...ref, serviceUrl: 'http://127.0.0.1:1/' });
    try {
      await expect(h.desk!.post(escalation(), composeSupportMessage(escalation()))).rejects.toMatchObject({ code: 'connector_failed', fix: expect.stringMatching(/still installed/) });
    } finally {
      await h.refs.saveReference(ref);
    }
  });
});
