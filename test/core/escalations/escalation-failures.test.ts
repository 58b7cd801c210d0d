import { encodeAction } from '../../../src/core/commands/action-payload';
import type { Actor, Conversation } from '../../../src/core/input';
import type { Logger } from '../../../src/core/ports/ports';
import type { Reply } from '../../../src/core/replies/reply';
import { MemoryStore } from '../../../src/core/ports/memory-store';
import { renderText } from '../../../src/render/render-text';
import { buildEscalations } from '../../helpers/build-escalations';
import { buildAssistant } from '../../helpers/builders';
import { FakeSupportDesk } from '../../helpers/fake-support-desk';
import { switchableStore } from '../../helpers/switchable-store';

const alice: Actor = { platform: 'slack', id: 'U0ALICE', name: 'Alice' };
const bob: Actor = { platform: 'slack', id: 'U0BOB', name: 'Bob' };
const thread: Conversation = { platform: 'slack', channelId: 'C0HELP', threadId: '1700000000.000100' };
const PASTE = 'Request is unparsable, syntactically incorrect, or violates schema';
const text = (r: Reply | null) => renderText(r!);

function recordingLogger() {
  const lines: Array<{ level: string; msg?: string; obj: object | string }> = [];
  const logger: Logger = {
    debug: (obj, msg) => void lines.push({ level: 'debug', obj, msg }),
    info: (obj, msg) => void lines.push({ level: 'info', obj, msg }),
    warn: (obj, msg) => void lines.push({ level: 'warn', obj, msg }),
    error: (obj, msg) => void lines.push({ level: 'error', obj, msg }),
    child: () => logger,
  };
  return { logger, lines };
}

describe('escalations when something fails', () => {
  it('says where to configure a support channel when there is none, and records nothing', async () => {
    const w = buildEscalations({ desks: [] });
    const reply = await w.assistant.handle({ text: 'escalate please', trigger: 'mention', actor: alice, conversation: thread });
    expect(text(reply)).toMatch(/no support channel[\s\S]*SLACK_SUPPORT_CHANNEL[\s\S]*TEAMS_SUPPORT_CONVERSATION/);
    expect(await w.store.listEscalations({ status: ['open', 'claimed', 'resolved'], limit: 10 })).toEqual([]);
  });

  it('keeps answering from the knowledge base while the database is down; escalating says it was not recorded', async () => {
    const db = switchableStore(new MemoryStore());
    const { logger, lines } = recordingLogger();
    const w = buildEscalations({ store: db.store, logger });
    db.down();
    const answer = await w.assistant.handle({ text: PASTE, trigger: 'mention', actor: alice, conversation: thread });
    expect(answer?.articleId).toBe('scim-sync-user-fails');
    await w.memory.idle();
    expect(lines.some((l) => l.level === 'warn' && /the answer went out anyway/.test(l.msg ?? ''))).toBe(true);

    const escalated = await w.assistant.handle({ text: 'escalate', trigger: 'mention', actor: alice, conversation: thread });
    expect(escalated?.kind).toBe('error');
    expect(text(escalated)).toMatch(/Could not record the escalation[\s\S]*Nothing was saved and the support team was not told/);
    expect(w.desk.posts).toHaveLength(0);
    expect(lines.some((l) => l.level === 'error' && (l.obj as { fix?: string }).fix === 'Check DATABASE_URL')).toBe(true);

    const feedback = await w.assistant.act({ id: 'feedback.helpful', value: encodeAction({ a: 'scim-sync-user-fails', h: 'abc' }), actor: alice, conversation: thread });
    expect(text(feedback)).toMatch(/Could not record your feedback/);
    expect(text(await w.assistant.handle({ text: 'escalations', trigger: 'command', actor: bob, conversation: thread }))).toMatch(/Could not read the escalations/);

    db.up();
    const later = await w.assistant.handle({ text: 'escalate', trigger: 'mention', actor: alice, conversation: thread });
    expect(text(later)).toMatch(/Escalated as ESC-1001/); // the failed attempt used no id
    expect(text(w.desk.posts[0]!.message)).toMatch(/No message text was captured/);
  });

  it('changes nothing when a claim cannot be recorded', async () => {
    const db = switchableStore(new MemoryStore());
    const w = buildEscalations({ store: db.store });
    await w.assistant.handle({ text: 'escalate', trigger: 'mention', actor: alice, conversation: thread });
    db.down();
    const reply = await w.assistant.act({ id: 'escalation.claim', value: encodeAction({ e: 'ESC-1001' }), actor: bob, conversation: thread });
    expect(text(reply)).toMatch(/Could not record the claim[\s\S]*ESC-1001 was not changed/);
    db.up();
    expect((await w.store.getEscalation('ESC-1001'))?.status).toBe('open');
    expect(w.desk.updates).toHaveLength(0);
    expect(w.desk.notices).toHaveLength(0);
  });

  it('keeps an escalation the support desk refused, tells the asker, and re-posts it once on a later tick', async () => {
    const w = buildEscalations();
    w.desk.failPosts = 2;
    const reply = await w.assistant.handle({ text: 'escalate', trigger: 'mention', actor: alice, conversation: thread });
    expect(text(reply)).toMatch(/Escalated as ESC-1001[\s\S]*could not be reached just now. I keep retrying/);
    expect((await w.store.getEscalation('ESC-1001'))?.supportMessage).toBeUndefined();

    w.clock.advance(0.5);
    expect((await w.service.tick()).reposted).toEqual([]); // still young: the opening request may be posting it
    w.clock.advance(1);
    expect((await w.service.tick()).reposted).toEqual([]); // the desk fails again
    w.clock.advance(1);
    expect((await w.service.tick()).reposted).toEqual(['ESC-1001']);
    expect(w.desk.posts).toHaveLength(1);
    expect(w.desk.notices.map((n) => n.text)).toEqual(['ESC-1001 has reached the support team.']);
    expect((await w.store.getEscalation('ESC-1001'))?.supportMessage?.channelId).toBe('C0SUPPORT');
    w.clock.advance(5);
    expect((await w.service.tick()).reposted).toEqual([]);
    expect(w.desk.posts).toHaveLength(1);
  });

  it('records a claim even when the support message cannot be updated', async () => {
    const { logger, lines } = recordingLogger();
    const w = buildEscalations({ logger });
    await w.assistant.handle({ text: 'escalate', trigger: 'mention', actor: alice, conversation: thread });
    w.desk.failUpdates = true;
    expect(text(await w.service.claim('ESC-1001', bob))).toMatch(/You claimed ESC-1001/);
    expect((await w.store.getEscalation('ESC-1001'))?.claimedBy).toEqual(bob);
    expect(lines.some((l) => /could not update the support message/.test(l.msg ?? ''))).toBe(true);
    expect(w.desk.notices.map((n) => n.text)).toEqual(['ESC-1001 was claimed by Bob, who will follow up here.']);
  });
});

describe('what an escalation carries', () => {
  it('keeps the first 3,000 characters of a long paste, the article and the confidence', async () => {
    const w = buildEscalations();
    const paste = `${PASTE} ${'x'.repeat(10_000)}`;
    const answer = await w.assistant.handle({ text: paste, trigger: 'mention', actor: alice, conversation: thread });
    await w.memory.idle();
    await w.assistant.act({ id: 'escalate', value: answer!.blocks.flatMap((b) => (b.type === 'actions' ? b.actions : [])).find((a) => a.id === 'escalate')!.value, actor: alice, conversation: thread });
    const e = (await w.store.getEscalation('ESC-1001'))!;
    expect(e.text).toHaveLength(3_000);
    expect(e.text.startsWith(PASTE)).toBe(true);
    expect(e.text.endsWith('…')).toBe(true);
    expect(e.articleId).toBe('scim-sync-user-fails');
    expect(e.confidence).toBeGreaterThan(0.5);
  });

  it('does not attach a later message to a button under an earlier answer', async () => {
    const w = buildEscalations();
    await w.assistant.handle({ text: 'what time is the standup?', trigger: 'mention', actor: alice, conversation: thread });
    await w.memory.idle();
    await w.assistant.act({ id: 'escalate', value: encodeAction({ a: 'protected-role-awsreservedsso', h: 'an-older-message' }), actor: alice, conversation: thread });
    const e = (await w.store.getEscalation('ESC-1001'))!;
    expect(e.text).toBe('');
    expect(e.articleId).toBe('protected-role-awsreservedsso');
  });

  it('adds check lines remembered for the thread', async () => {
    const w = buildEscalations();
    w.memory.rememberChecks(thread, ['user: found, enabled', 'trail: 3 failed sign-ins (InvalidSamlResponse)']);
    await w.memory.idle();
    await w.service.escalate({ actor: alice, conversation: thread });
    expect(text(w.desk.posts[0]!.message)).toMatch(/Check results[\s\S]*\[i\] user: found, enabled\n\[i\] trail: 3 failed sign-ins/);
  });

  it('bounds notes and resolutions, and keeps nothing of chatter nobody addressed to the bot', async () => {
    const w = buildEscalations();
    await w.assistant.handle({ text: 'lunch anyone? alice@example.com', trigger: 'watched', actor: alice, conversation: thread });
    await w.memory.idle();
    expect(await w.store.getThreadContext('slack:C0HELP:1700000000.000100', w.clock.now())).toBeUndefined();
    await w.assistant.handle({ text: `escalate ${'n'.repeat(5_000)}`, trigger: 'mention', actor: alice, conversation: thread });
    await w.assistant.handle({ text: `escalation resolve ESC-1001 ${'r'.repeat(5_000)}`, trigger: 'command', actor: bob, conversation: thread });
    const e = (await w.store.getEscalation('ESC-1001'))!;
    expect([e.note?.length, e.resolution?.length, e.text]).toEqual([500, 500, '']);
  });

  it('never merges escalations from places without a thread (slash commands)', async () => {
    const w = buildEscalations();
    const channel: Conversation = { platform: 'slack', channelId: 'C0HELP' };
    await w.assistant.handle({ text: 'escalate one', trigger: 'command', actor: alice, conversation: channel });
    const second = await w.assistant.handle({ text: 'escalate two', trigger: 'command', actor: bob, conversation: channel });
    expect(text(second)).toMatch(/Escalated as ESC-1002/);
  });

  it('puts names, notes and pasted text only where renderers escape them', async () => {
    const w = buildEscalations();
    const mallory: Actor = { platform: 'slack', id: 'U0M', name: '**boss** [click](https://evil.example)' };
    w.desk.members.add(mallory.id); // a support member with a hostile display name
    await w.service.escalate({ actor: mallory, conversation: thread, note: '`rm -rf` [x](https://evil.example)' });
    await w.service.claim('ESC-1001', mallory);
    for (const message of [w.desk.posts[0]!.message, w.desk.updates[0]!.message]) {
      for (const block of message.blocks) {
        if (block.type === 'markdown' || block.type === 'heading' || block.type === 'context' || block.type === 'steps') {
          expect(JSON.stringify(block)).not.toMatch(/evil\.example|boss/);
        }
      }
    }
  });

  it('posts to the asker’s platform when it has a support channel, else to the other one, and mirrors only where it can', async () => {
    const slackDesk = new FakeSupportDesk('slack');
    const w = buildEscalations({ desks: [slackDesk] });
    const teamsThread: Conversation = { platform: 'teams', channelId: '19:abc@thread.tacv2', threadId: '1700000000123' };
    const carol: Actor = { platform: 'teams', id: 'aad-carol', name: 'Carol' };
    await w.service.escalate({ actor: carol, conversation: teamsThread });
    expect(slackDesk.posts).toHaveLength(1);
    await w.service.claim('ESC-1001', bob);
    expect(slackDesk.updates).toHaveLength(1);
    expect(slackDesk.notices).toHaveLength(0); // the Slack desk cannot write into a Teams thread

    const teamsDesk = new FakeSupportDesk('teams', '19:support@thread.tacv2');
    w.service.addDesk(teamsDesk);
    await w.service.escalate({ actor: carol, conversation: { ...teamsThread, threadId: 'other' } });
    expect(teamsDesk.posts.map((p) => p.escalation.id)).toEqual(['ESC-1002']);
  });
});

describe('reminders', () => {
  it('are off with ESCALATION_REMIND_MINUTES=0, and fall back to updating the message without remind()', async () => {
    const off = buildEscalations({ remindAfterMinutes: 0 });
    await off.service.escalate({ actor: alice, conversation: thread });
    off.clock.advance(600);
    expect((await off.service.tick()).reminded).toEqual([]);

    const desk = new FakeSupportDesk();
    const plain = Object.assign(Object.create(desk) as FakeSupportDesk, { remind: undefined });
    const w = buildEscalations({ desks: [plain], remindAfterMinutes: 10 });
    await w.service.escalate({ actor: alice, conversation: thread });
    w.clock.advance(11);
    expect((await w.service.tick()).reminded).toEqual(['ESC-1001']);
    expect(desk.updates).toHaveLength(1);
    expect(desk.reminders).toHaveLength(0);
  });

  it('are run by a timer the app starts and stops', async () => {
    jest.useFakeTimers();
    try {
      const w = buildEscalations({ remindAfterMinutes: 10 });
      await w.service.escalate({ actor: alice, conversation: thread });
      const stop = w.service.start(60_000);
      w.clock.advance(11);
      await jest.advanceTimersByTimeAsync(60_000);
      expect(w.desk.reminders).toHaveLength(1);
      stop();
      await w.service.escalate({ actor: alice, conversation: { ...thread, threadId: 'two' } });
      w.clock.advance(60);
      await jest.advanceTimersByTimeAsync(120_000);
      expect(w.desk.reminders).toHaveLength(1);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('without the escalation flow', () => {
  it('keeps saying it is not set up, and expired buttons say so', async () => {
    const a = buildAssistant();
    expect(text(await a.handle({ text: 'escalate', trigger: 'mention', actor: alice, conversation: thread }))).toMatch(/not set up yet/);
    const w = buildEscalations();
    expect(text(await w.assistant.act({ id: 'escalation.claim', value: '{}', actor: bob, conversation: thread }))).toMatch(/That button has expired/);
  });
});
