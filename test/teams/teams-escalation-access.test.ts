/**
 * Who may work escalations, over real HTTP to the Agents SDK: whoever acts in
 * TEAMS_SUPPORT_CONVERSATION (Teams signs each activity, and only the team's members can post
 * there) and SUPPORT_USERS (teams:<aad id>) may; the asker may show their own; others are refused.
 */
import type { ConnectorCall } from './fake-connector';
import { CHANNEL, USER, botAddedToTeam, cardInvoke, channelMention, personalMessage } from './teams-activities';
import { cardOf, cardText, startTeams, type TeamsHarness } from './teams-harness';

const SUPPORT = '19:5upp0rt0000000000000000000000@thread.tacv2';
const SAM = { id: '29:sam-support', name: 'Sam Support', aadObjectId: '0a0a0a0a-0000-4000-8000-00000000005a' };
const NOSY = { id: '29:nosy', name: 'Nosy Neighbour', aadObjectId: '0b0b0b0b-0000-4000-8000-00000000000b' };
const LEAD = { id: '29:lead', name: 'Lee Lead', aadObjectId: '0c0c0c0c-0000-4000-8000-00000000000c' };
const SCIM = 'Okta says: Request is unparsable, syntactically incorrect, or violates schema for jane@example.com';

/** A mention in `conversation` (a channel thread) from `from`. */
function mentionAs(url: string, text: string, from: typeof USER | typeof SAM, channel = CHANNEL, thread?: string) {
  const m = channelMention(url, text);
  return { ...m, from, conversation: { ...m.conversation, id: `${channel};messageid=${thread ?? m.id}` }, channelData: { ...m.channelData, teamsChannelId: channel, channel: { id: channel } } };
}

const texts = (calls: ConnectorCall[]) =>
  calls
    .filter((c) => c.body?.attachments?.[0])
    .map((c) => cardText(cardOf(c)))
    .join('\n');

describe('Teams escalation access', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeams({ TEAMS_SUPPORT_CONVERSATION: SUPPORT, SUPPORT_USERS: `teams:${LEAD.aadObjectId}` });
    await h.post(botAddedToTeam(h.connector.url, SUPPORT));
  });
  afterAll(() => h.close());

  /** Posts an activity and returns the card texts of the connector calls it caused. */
  async function exchange(activity: unknown, calls = 1): Promise<string> {
    h.connector.calls.splice(0);
    const res = await h.post(activity);
    expect(res.status).toBeLessThan(300);
    return texts(await h.connector.waitFor(calls, (c) => c.kind !== 'create'));
  }

  it('refuses the asker’s neighbours, lets the asker read their own, and the support channel and SUPPORT_USERS work it', async () => {
    const paste = mentionAs(h.connector.url, SCIM, USER);
    await exchange(paste);
    const escalated = await exchange(mentionAs(h.connector.url, 'escalate', USER, CHANNEL, paste.id), 2);
    const id = /ESC-\d+/.exec(escalated)![0];

    expect(await exchange(mentionAs(h.connector.url, 'escalations', NOSY))).toMatch(/Only the support team can list escalations/);
    const nosyShow = await exchange(mentionAs(h.connector.url, `escalation show ${id}`, NOSY));
    expect(nosyShow).toMatch(new RegExp(`You cannot show ${id}`));
    expect(nosyShow).not.toMatch(/unparsable/);
    expect(await exchange(cardInvoke(h.connector.url, { action: 'escalation.claim', value: JSON.stringify({ e: id }) }, 'escalation.claim'))).toMatch(/Only the support team can claim/);
    expect(await exchange(personalMessage(h.connector.url, `escalation show ${id}`))).toMatch(new RegExp(`${id} · Open[\\s\\S]*Asked by: Alice Example[\\s\\S]*Request is unparsable`));

    expect(await exchange(mentionAs(h.connector.url, 'escalations', SAM, SUPPORT))).toMatch(new RegExp(`Open escalations \\(1\\)[\\s\\S]*${id}`));
    expect(await exchange(mentionAs(h.connector.url, `escalation claim ${id}`, SAM, SUPPORT), 2)).toMatch(new RegExp(`You claimed ${id}`));
    expect((await h.app.store.getEscalation(id))?.claimedBy?.id).toBe(SAM.aadObjectId);
    // SAM acting outside the support channel is just another user; the lead is listed in SUPPORT_USERS.
    expect(await exchange(mentionAs(h.connector.url, 'escalations', SAM))).toMatch(/Only the support team/);
    expect(await exchange(mentionAs(h.connector.url, `escalation resolve ${id} fixed the mapping`, LEAD), 2)).toMatch(new RegExp(`You resolved ${id}`));

    const denied = (await h.app.store.recentLookups(20)).filter((a) => a.outcome === 'denied').map((a) => `${a.actor.name} ${a.check}`);
    expect(denied.sort()).toEqual(['Alice Example escalation.claim', 'Nosy Neighbour escalation.list', 'Nosy Neighbour escalation.show', 'Sam Support escalation.list']);
  });
});
