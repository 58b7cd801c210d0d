/**
 * The escalation flow as a conversation: who does what, where, and what everyone sees.
 * MemoryStore, a fake clock and a fake support desk (the Slack and Teams edges implement the real one).
 */
import { encodeAction } from '../../../src/core/commands/action-payload';
import type { Actor, Conversation, Trigger } from '../../../src/core/input';
import type { ActionId, Reply } from '../../../src/core/replies/reply';
import { renderText } from '../../../src/render/render-text';
import { buildEscalations } from '../../helpers/build-escalations';

const alice: Actor = { platform: 'slack', id: 'U0ALICE', name: 'Alice' };
const bob: Actor = { platform: 'slack', id: 'U0BOB', name: 'Bob' };
const carol: Actor = { platform: 'slack', id: 'U0CAROL', name: 'Carol' };
const thread: Conversation = { platform: 'slack', channelId: 'C0HELP', threadId: '1700000000.000100', permalink: 'https://example.slack.com/archives/C0HELP/p1700000000000100', commandPrefix: '/idc ' };
const supportChannel: Conversation = { platform: 'slack', channelId: 'C0SUPPORT', threadId: '17000001.000100', commandPrefix: '/idc ' };
const PASTE = 'SCIM sync fails for alice@example.com: Request is unparsable, syntactically incorrect, or violates schema';

type World = ReturnType<typeof buildEscalations>;
type Step = [
  /** what happens */
  string,
  (w: World) => Promise<Reply | null | unknown>,
  /** what the person who acted sees (rendered as text) */
  RegExp | null,
  /** what everyone else sees: support desk, asker's thread, store */
  ((w: World) => Promise<void> | void)?,
];

const say = (by: Actor, where: Conversation, text: string, trigger: Trigger = 'mention') => (w: World) => w.assistant.handle({ text, trigger, actor: by, conversation: where });
const click = (by: Actor, where: Conversation, id: ActionId, payload: object) => (w: World) => w.assistant.act({ id, value: encodeAction(payload), actor: by, conversation: where });
const passes = (minutes: number) => async (w: World) => {
  w.clock.advance(minutes);
  return w.service.tick();
};
const lastNotice = (w: World) => w.desk.notices.at(-1)?.text;
const lastUpdate = (w: World) => renderText(w.desk.updates.at(-1)!.message);

const steps: Step[] = [
  ['Alice pastes a SCIM error in #help', say(alice, thread, PASTE), /Likely cause/],
  ['Alice clicks Not helpful: she is offered escalation', async (w) => {
    await w.memory.idle();
    const answer = w.store as unknown as { answers: Array<{ messageHash: string }> };
    return click(alice, thread, 'feedback.not_helpful', { a: 'scim-sync-user-fails', h: answer.answers[0]!.messageHash })(w);
  }, /Sorry it missed[\s\S]*\[Escalate\]/],
  ['Alice escalates from the thread with a note', say(alice, thread, 'escalate still broken after a full re-sync'), /Escalated as ESC-1001/, (w) => {
    expect(w.desk.posts).toHaveLength(1);
    const text = renderText(w.desk.posts[0]!.message);
    expect(text).toMatch(/== ESC-1001 · Open ==/);
    expect(text).toMatch(/Asked by: Alice \(slack U0ALICE\)/);
    expect(text).toMatch(/Link: https:\/\/example\.slack\.com\/archives\/C0HELP\/p1700000000000100/);
    expect(text).toMatch(/Matched article: scim-sync-user-fails \(\d+% confidence\)/);
    expect(text).toMatch(/> SCIM sync fails for alice@example\.com: Request is unparsable/);
    expect(text).toMatch(/Note: still broken after a full re-sync/);
    expect(text).toMatch(/\[Claim\] \[Resolve\]/);
  }],
  ['Alice escalates the same thread again: linked, not duplicated', say(alice, thread, 'escalate'), /Already escalated as ESC-1001[\s\S]*Support message: https:\/\/example\.slack\.com\/archives\/C0SUPPORT/, (w) => {
    expect(w.desk.posts).toHaveLength(1);
  }],
  ['20 minutes pass: too early to remind', passes(20), null, (w) => expect(w.desk.reminders).toHaveLength(0)],
  ['15 more minutes pass: the support team is reminded once', passes(15), null, (w) => {
    expect(w.desk.reminders.map((r) => renderText(r.message))).toEqual([expect.stringMatching(/Reminder: ESC-1001 is unclaimed[\s\S]*waited \*\*35 min\*\*|waited 35 min/)]);
  }],
  ['an hour later: no second reminder', passes(60), null, (w) => expect(w.desk.reminders).toHaveLength(1)],
  ['Bob lists open escalations', say(bob, supportChannel, 'escalations', 'command'), /Open escalations \(1\)[\s\S]*ESC-1001 · open · waiting 1 h 35 min[\s\S]*asked by Alice/],
  ['Bob claims with the button', click(bob, supportChannel, 'escalation.claim', { e: 'ESC-1001' }), /You claimed ESC-1001/, (w) => {
    expect(lastUpdate(w)).toMatch(/== ESC-1001 · Claimed ==[\s\S]*Claimed by: Bob[\s\S]*\[Resolve\]/);
    expect(lastNotice(w)).toBe('ESC-1001 was claimed by Bob, who will follow up here.');
  }],
  ['Carol clicks Claim a moment later: Bob has it', click(carol, supportChannel, 'escalation.claim', { e: 'ESC-1001' }), /ESC-1001 is claimed[\s\S]*Someone claimed it first[\s\S]*Claimed by Bob/],
  ['Bob clicks Resolve on a platform without a form: told how', click(bob, supportChannel, 'escalation.resolve', { e: 'ESC-1001' }), /needs a resolution[\s\S]*\/idc escalation resolve ESC-1001 <what fixed it>/, async (w) => {
    expect((await w.store.getEscalation('ESC-1001'))?.status).toBe('claimed');
  }],
  ['Bob resolves with the command', say(bob, supportChannel, 'escalation resolve esc-1001 Fixed the email attribute mapping in Okta, re-synced', 'command'), /You resolved ESC-1001/, (w) => {
    expect(lastUpdate(w)).toMatch(/ESC-1001 · Resolved[\s\S]*Resolution: Fixed the email attribute mapping in Okta, re-synced[\s\S]*\[Reopen\]/);
    expect(lastNotice(w)).toBe('ESC-1001 was resolved by Bob: Fixed the email attribute mapping in Okta, re-synced');
  }],
  ['no open escalations are left', say(carol, supportChannel, 'escalations', 'command'), /No open escalations/],
  ['it breaks again: Alice escalates the thread again and it reopens', say(alice, thread, 'escalate broken again'), /Reopened ESC-1001/, async (w) => {
    expect(lastNotice(w)).toBe('ESC-1001 was reopened by Alice.');
    expect(w.desk.posts).toHaveLength(1);
  }],
  ['Carol resolves with a form-supplied resolution', click(carol, supportChannel, 'escalation.resolve', { e: 'ESC-1001', r: 'Removed the duplicate user' }), /You resolved ESC-1001/],
  ['Bob reopens with the button', click(bob, supportChannel, 'escalation.reopen', { e: 'ESC-1001' }), /You reopened ESC-1001/, async (w) => {
    const e = await w.store.getEscalation('ESC-1001');
    expect(e?.history.map((h) => `${h.action} ${h.actor.name}`)).toEqual([
      'opened Alice',
      'reminded idc-assistant',
      'claimed Bob',
      'resolved Bob',
      'reopened Alice',
      'resolved Carol',
      'reopened Bob',
    ]);
    expect(e?.history.map((h) => h.at.toISOString().slice(11, 16))).toEqual(['09:00', '09:35', '10:35', '10:35', '10:35', '10:35', '10:35']);
  }],
  ['a typo in an id is named', say(bob, supportChannel, 'escalation claim ESC-1234', 'command'), /No escalation ESC-1234/],
  ['a malformed escalation command explains itself', say(bob, supportChannel, 'escalation grab 1001', 'command'), /escalation needs claim, resolve, reopen, show/],
];

describe('escalation flow', () => {
  const world = buildEscalations();
  const table = steps.map(([what, act, sees, check], i) => ({ n: i + 1, what, act, sees, check }));
  it.each(table)('$n. $what', async ({ act, sees, check }) => {
    const reply = await act(world);
    await world.memory.idle();
    if (sees) expect(renderText(reply as Reply)).toMatch(sees);
    await check?.(world);
  });
});
