/**
 * Who may touch an escalation, through the core (commands and buttons). The support channel's
 * members (the fake desk's `members`), SUPPORT_USERS and SUPPORT_SLACK_GROUPS work them; the asker
 * may show and reopen their own; everyone else is refused, and every refusal is audited.
 */
import { encodeAction } from '../../../src/core/commands/action-payload';
import { StaticPeople, type People } from '../../../src/core/ports/people';
import type { SupportPolicy } from '../../../src/core/escalations/support-team';
import type { Actor, Conversation } from '../../../src/core/input';
import type { ActionId } from '../../../src/core/replies/reply';
import { renderText } from '../../../src/render/render-text';
import { buildEscalations } from '../../helpers/build-escalations';
import { FakeSupportDesk } from '../../helpers/fake-support-desk';

const alice: Actor = { platform: 'slack', id: 'U0ALICE', name: 'Alice' };
const bob: Actor = { platform: 'slack', id: 'U0BOB', name: 'Bob' }; // in the support channel
const dave: Actor = { platform: 'slack', id: 'U0DAVE', name: 'Dave' }; // anyone else
const thread: Conversation = { platform: 'slack', channelId: 'D0ALICE', threadId: '1700000000.000100' };
const elsewhere: Conversation = { platform: 'slack', channelId: 'C0RANDOM' };
const SECRET = 'private DM text: my SCIM token is broken for alice@example.com';

async function world(over: { support?: SupportPolicy; groups?: People; desks?: FakeSupportDesk[] } = {}) {
  const w = buildEscalations(over);
  await w.assistant.handle({ text: SECRET, trigger: 'dm', actor: alice, conversation: thread });
  await w.memory.idle();
  expect(renderText((await w.assistant.handle({ text: 'escalate', trigger: 'dm', actor: alice, conversation: thread }))!)).toMatch(/Escalated as ESC-1001/);
  const say = async (by: Actor, text: string, where = elsewhere) => renderText((await w.assistant.handle({ text, trigger: 'command', actor: by, conversation: where }))!);
  const click = async (by: Actor, id: ActionId, payload: object, where = elsewhere) =>
    renderText((await w.assistant.act({ id, value: encodeAction(payload), actor: by, conversation: where }))!);
  return { ...w, say, click };
}

describe('escalation access', () => {
  it('refuses anyone else every verb, commands and buttons alike, changes nothing and audits each', async () => {
    const w = await world();
    const attempts: Array<[string, () => Promise<string>, RegExp]> = [
      ['list', () => w.say(dave, 'escalations'), /Only the support team can list escalations/],
      ['show', () => w.say(dave, 'escalation show ESC-1001'), /You cannot show ESC-1001/],
      ['claim', () => w.say(dave, 'escalation claim ESC-1001'), /Only the support team can claim ESC-1001/],
      ['resolve', () => w.say(dave, 'escalation resolve ESC-1001 fixed it'), /Only the support team can resolve ESC-1001/],
      ['claim button', () => w.click(dave, 'escalation.claim', { e: 'ESC-1001' }), /Only the support team can claim ESC-1001/],
      ['resolve button', () => w.click(dave, 'escalation.resolve', { e: 'ESC-1001', r: 'done' }), /Only the support team can resolve/],
      ['show of an id that does not exist', () => w.say(dave, 'escalation show ESC-9999'), /You cannot show ESC-9999/],
    ];
    for (const [what, reply, expected] of attempts) {
      const text = await reply();
      expect([what, text]).toEqual([what, expect.stringMatching(expected)]);
      expect(text).not.toContain('SCIM token');
    }
    expect((await w.store.getEscalation('ESC-1001'))?.status).toBe('open');
    expect(w.desk.updates).toHaveLength(0);
    expect(w.desk.notices).toHaveLength(0);
    const audit = await w.store.recentLookups(20);
    expect(audit.map((a) => [a.actor.id, a.check, a.subject, a.outcome]).reverse()).toEqual([
      ['U0DAVE', 'escalation.list', '', 'denied'],
      ['U0DAVE', 'escalation.show', 'ESC-1001', 'denied'],
      ['U0DAVE', 'escalation.claim', 'ESC-1001', 'denied'],
      ['U0DAVE', 'escalation.resolve', 'ESC-1001', 'denied'],
      ['U0DAVE', 'escalation.claim', 'ESC-1001', 'denied'],
      ['U0DAVE', 'escalation.resolve', 'ESC-1001', 'denied'],
      ['U0DAVE', 'escalation.show', 'ESC-9999', 'denied'],
    ]);
  });

  it('lets the asker show and reopen their own, but not list, claim or resolve', async () => {
    const w = await world();
    expect(await w.say(alice, 'escalations')).toMatch(/Only the support team can list/);
    expect(await w.say(alice, 'escalation claim ESC-1001')).toMatch(/Only the support team can claim/);
    expect(await w.say(alice, 'escalation resolve ESC-1001 it fixed itself')).toMatch(/Only the support team can resolve/);
    expect(await w.say(alice, 'escalation show ESC-1001')).toContain('SCIM token is broken');
    expect(await w.say(bob, 'escalation resolve ESC-1001 re-synced the user')).toMatch(/You resolved ESC-1001/);
    expect(await w.click(dave, 'escalation.reopen', { e: 'ESC-1001' })).toMatch(/You cannot reopen ESC-1001/);
    expect(await w.click(alice, 'escalation.reopen', { e: 'ESC-1001' }, thread)).toMatch(/You reopened ESC-1001/);
    expect((await w.store.getEscalation('ESC-1001'))?.status).toBe('open');
  });

  it('lets the support channel’s members do everything, from anywhere', async () => {
    const w = await world();
    expect(await w.say(bob, 'escalations')).toMatch(/Open escalations \(1\)[\s\S]*ESC-1001/);
    expect(await w.say(bob, 'escalation show ESC-1001')).toContain('SCIM token is broken');
    expect(await w.click(bob, 'escalation.claim', { e: 'ESC-1001' })).toMatch(/You claimed ESC-1001/);
    expect(await w.say(bob, 'escalation resolve ESC-1001 done')).toMatch(/You resolved/);
    expect(await w.say(bob, 'escalation reopen ESC-1001')).toMatch(/You reopened/);
    expect(await w.store.recentLookups(10)).toEqual([]);
  });

  it('adds SUPPORT_USERS (platform-exact when prefixed) and SUPPORT_SLACK_GROUPS members', async () => {
    const erin: Actor = { platform: 'slack', id: 'U0ERIN', name: 'Erin' };
    const frank: Actor = { platform: 'slack', id: 'U0FRANK', name: 'Frank' };
    const teamsErin: Actor = { platform: 'teams', id: 'U0ERIN', name: 'Erin on Teams' };
    const w = await world({ support: { users: ['slack:U0ERIN'], slackGroups: ['S0IDTEAM'] }, groups: new StaticPeople({ S0IDTEAM: ['U0FRANK'] }) });
    expect(await w.say(erin, 'escalations')).toMatch(/Open escalations \(1\)/);
    expect(await w.say(frank, 'escalation claim ESC-1001')).toMatch(/You claimed/);
    expect(await w.say(teamsErin, 'escalations', { platform: 'teams', channelId: '19:x@thread.tacv2' })).toMatch(/Only the support team/);
  });

  it('never means "anyone": no lists and a desk that cannot tell members refuse everybody but the CLI operator', async () => {
    const desk = new FakeSupportDesk('slack', 'C0SUPPORT', []);
    const w = await world({ desks: [desk] });
    expect(await w.say(bob, 'escalations')).toMatch(/Only the support team/);
    const operator: Actor = { platform: 'cli', id: 'operator' };
    expect(await w.say(operator, 'escalations', { platform: 'cli', channelId: 'cli' })).toMatch(/Open escalations \(1\)/);
  });

  it('counts a failing group lookup as "not a member"', async () => {
    const failing: People = { groupsOf: () => Promise.reject(new Error('ratelimited')), emailOf: async () => undefined };
    const w = await world({ support: { users: [], slackGroups: ['S0IDTEAM'] }, groups: failing, desks: [new FakeSupportDesk('slack', 'C0SUPPORT', [])] });
    expect(await w.say(dave, 'escalation claim ESC-1001')).toMatch(/Only the support team can claim/);
  });
});
