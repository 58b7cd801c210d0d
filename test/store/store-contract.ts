/**
 * The behaviour every `Store` must have, run against MemoryStore, SQLite and PostgreSQL
 * (`*-store.test.ts`). Each test gets a fresh, empty store from `open()`.
 */
import type { Actor, Conversation } from '../../src/core/input';
import type { EscalationChange, NewEscalation, Store } from '../../src/core/ports/store';
import type { WatchAlert } from '../../src/core/watch/watch-alert';

const T0 = new Date('2025-03-01T09:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const alice: Actor = { platform: 'slack', id: 'U0ALICE', name: 'Alice' };
const bob: Actor = { platform: 'slack', id: 'U0BOB', name: 'Bob' };
const carol: Actor = { platform: 'teams', id: 'aad-carol', name: 'Carol' };

export function draft(thread: string | undefined, over: Partial<NewEscalation> = {}): NewEscalation {
  const origin: Conversation = { platform: 'slack', channelId: 'C0HELP', threadId: thread, permalink: thread && `https://example.slack.com/archives/C0HELP/p${thread}` };
  return {
    requester: alice,
    origin,
    originKey: thread && `slack:C0HELP:${thread}`,
    text: 'Request is unparsable, syntactically incorrect, or violates schema',
    articleId: 'scim-sync-user-fails',
    confidence: 0.87,
    checks: ['user alice: found, no findings'],
    note: 'still failing after re-sync',
    ...over,
  };
}

export const claim = (actor: Actor, when: Date): EscalationChange => ({ from: ['open'], to: 'claimed', claimedBy: actor, event: { at: when, actor, action: 'claimed' } });
export const resolve = (actor: Actor, when: Date, text: string): EscalationChange => ({
  from: ['open', 'claimed'],
  to: 'resolved',
  resolution: text,
  event: { at: when, actor, action: 'resolved', note: text },
});
export const reopen = (actor: Actor, when: Date, note?: string): EscalationChange => ({
  from: ['resolved'],
  to: 'open',
  claimedBy: null,
  resolution: null,
  event: { at: when, actor, action: 'reopened', note },
});

export function storeContract(open: () => Promise<Store>): void {
  let store: Store;
  beforeEach(async () => {
    store = await open();
  });
  afterEach(async () => {
    await store.close();
  });

  describe('seen event ids', () => {
    it('is first seen once within the TTL, and again after it expires', async () => {
      expect(await store.firstSeen('slack:event:Ev1', 60, at(0))).toBe(true);
      expect(await store.firstSeen('slack:event:Ev1', 60, at(59))).toBe(false);
      expect(await store.firstSeen('slack:event:Ev2', 60, at(59))).toBe(true);
      expect(await store.firstSeen('slack:event:Ev1', 60, at(60))).toBe(true);
      expect(await store.firstSeen('slack:event:Ev1', 60, at(100))).toBe(false);
    });

    it('answers true to exactly one of many simultaneous callers', async () => {
      const results = await Promise.all(Array.from({ length: 12 }, () => store.firstSeen('slack:event:EvRace', 60, at(0))));
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('keeps thread markers apart from event ids, and sweeps expired keys', async () => {
      expect(await store.markThreadAnswered('slack:C1:1700.1', 3600, at(0))).toBe(true);
      expect(await store.markThreadAnswered('slack:C1:1700.1', 3600, at(10))).toBe(false);
      expect(await store.firstSeen('slack:C1:1700.1', 60, at(10))).toBe(true);
      expect(await store.sweep(at(100))).toBe(1); // the event id expired, the thread marker did not
      expect(await store.markThreadAnswered('slack:C1:1700.1', 3600, at(200))).toBe(false);
      expect(await store.sweep(at(4000))).toBe(1);
      expect(await store.markThreadAnswered('slack:C1:1700.1', 3600, at(4000))).toBe(true);
    });
  });

  it('keeps the audit log of live lookups, newest first', async () => {
    await store.recordLookup({ at: at(0), actor: alice, check: 'user', subject: 'bob@example.com', outcome: 'allowed-ok' });
    await store.recordLookup({ at: at(5), actor: carol, check: 'trail', subject: 'bob', outcome: 'denied', detail: 'not in IDC_ALLOWED_USERS' });
    expect(await store.recentLookups(10)).toEqual([
      { at: at(5), actor: carol, check: 'trail', subject: 'bob', outcome: 'denied', detail: 'not in IDC_ALLOWED_USERS' },
      { at: at(0), actor: alice, check: 'user', subject: 'bob@example.com', outcome: 'allowed-ok' },
    ]);
    expect(await store.recentLookups(1)).toHaveLength(1);
  });

  it('counts answers and helpful votes per article, one vote per person and message', async () => {
    for (const [article, hash] of [['a-one', 'h1'], ['a-one', 'h2'], ['a-one', 'h3'], ['b-two', 'h4']]) {
      await store.recordAnswer({ articleId: article!, confidence: 0.9, messageHash: hash!, platform: 'slack', at: at(0) });
    }
    await store.recordFeedback({ articleId: 'a-one', messageHash: 'h1', helpful: false, actor: alice, at: at(1) });
    await store.recordFeedback({ articleId: 'a-one', messageHash: 'h1', helpful: true, actor: alice, at: at(2) }); // changed her mind
    await store.recordFeedback({ articleId: 'a-one', messageHash: 'h1', helpful: false, actor: bob, at: at(3) });
    await store.recordFeedback({ articleId: 'a-one', messageHash: 'h2', helpful: true, actor: bob, at: at(3) });
    await store.recordFeedback({ articleId: 'c-three', messageHash: 'h9', helpful: false, actor: carol, at: at(4) });
    expect(await store.articleStats()).toEqual([
      { articleId: 'a-one', answers: 3, helpful: 2, notHelpful: 1 },
      { articleId: 'b-two', answers: 1, helpful: 0, notHelpful: 0 },
      { articleId: 'c-three', answers: 0, helpful: 0, notHelpful: 1 },
    ]);
  });

  it('counts only answers and votes at or after `since` when asked for a window', async () => {
    await store.recordAnswer({ articleId: 'old-one', confidence: 0.9, messageHash: 'o1', platform: 'slack', at: at(0) });
    await store.recordAnswer({ articleId: 'new-one', confidence: 0.9, messageHash: 'n1', platform: 'teams', at: at(100) });
    await store.recordAnswer({ articleId: 'new-one', confidence: 0.9, messageHash: 'n2', platform: 'teams', at: at(101) });
    await store.recordFeedback({ articleId: 'old-one', messageHash: 'o1', helpful: false, actor: alice, at: at(1) });
    await store.recordFeedback({ articleId: 'new-one', messageHash: 'n1', helpful: true, actor: alice, at: at(102) });
    await store.recordFeedback({ articleId: 'new-one', messageHash: 'n2', helpful: false, actor: bob, at: at(99) });
    expect(await store.articleStats(at(100))).toEqual([{ articleId: 'new-one', answers: 2, helpful: 1, notHelpful: 0 }]);
    expect(await store.articleStats()).toHaveLength(2);
  });

  it('keeps the last context of a thread until it expires', async () => {
    const key = 'slack:C0HELP:1700.2';
    await store.saveThreadContext(key, { text: 'first', checks: [], at: at(0) }, 3600);
    await store.saveThreadContext(key, { text: 'second “quoted” ✓', articleId: 'a-one', confidence: 0.873, messageHash: 'abc', checks: ['user bob: disabled'], at: at(10) }, 3600);
    expect(await store.getThreadContext(key, at(20))).toEqual({ text: 'second “quoted” ✓', articleId: 'a-one', confidence: 0.873, messageHash: 'abc', checks: ['user bob: disabled'], at: at(10) });
    expect(await store.getThreadContext(key, at(3610))).toBeUndefined();
    expect(await store.getThreadContext('slack:C0HELP:other', at(20))).toBeUndefined();
  });

  it('stores conversation references as opaque JSON by key', async () => {
    const ref = { conversation: { id: '19:abc@thread.tacv2', tenantId: 't' }, serviceUrl: 'https://smba.trafficmanager.net/emea/', bot: { id: '28:x' }, n: [1, null, true] };
    await store.saveConversationRef('teams:19:abc', ref, at(0));
    expect(await store.getConversationRef('teams:19:abc')).toEqual(ref);
    await store.saveConversationRef('teams:19:abc', { replaced: true }, at(1));
    expect(await store.getConversationRef('teams:19:abc')).toEqual({ replaced: true });
    expect(await store.getConversationRef('teams:none')).toBeUndefined();
  });

  describe('escalations', () => {
    it('opens with short sequential ids and an "opened" event, keeping everything the bot knew', async () => {
      const first = await store.openEscalation(draft('1700.1'), at(0));
      const second = await store.openEscalation(draft('1700.2', { articleId: undefined, confidence: undefined, note: undefined, checks: [] }), at(1));
      expect(first.created).toBe(true);
      expect(first.escalation).toMatchObject({
        id: 'ESC-1001',
        status: 'open',
        createdAt: at(0),
        updatedAt: at(0),
        requester: alice,
        origin: { channelId: 'C0HELP', threadId: '1700.1', permalink: 'https://example.slack.com/archives/C0HELP/p1700.1' },
        text: draft('x').text,
        articleId: 'scim-sync-user-fails',
        confidence: 0.87,
        checks: ['user alice: found, no findings'],
        note: 'still failing after re-sync',
        history: [{ at: at(0), actor: alice, action: 'opened', note: 'still failing after re-sync' }],
      });
      expect(second.escalation.id).toBe('ESC-1002');
      expect(second.escalation.articleId).toBeUndefined();
      expect(await store.getEscalation('ESC-1001')).toEqual(first.escalation);
      expect(await store.getEscalation('ESC-9999')).toBeUndefined();
    });

    it('returns the existing escalation when the same thread escalates again; never merges thread-less ones', async () => {
      const first = await store.openEscalation(draft('1700.1'), at(0));
      const again = await store.openEscalation(draft('1700.1', { requester: bob, note: 'me too' }), at(5));
      expect(again).toEqual({ escalation: first.escalation, created: false });
      const a = await store.openEscalation(draft(undefined), at(6));
      const b = await store.openEscalation(draft(undefined), at(7));
      expect([a.created, b.created]).toEqual([true, true]);
      expect([a.escalation.id, b.escalation.id]).toEqual(['ESC-1002', 'ESC-1003']);
    });

    it('gives distinct ids to simultaneous opens and one escalation to simultaneous opens of one thread', async () => {
      const many = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((t, i) => store.openEscalation(draft(t), at(i))));
      expect(many.map((m) => m.escalation.id).sort()).toEqual(['ESC-1001', 'ESC-1002', 'ESC-1003', 'ESC-1004', 'ESC-1005']);
      const same = await Promise.all([1, 2, 3, 4].map((i) => store.openEscalation(draft('same'), at(10 + i))));
      expect(same.filter((s) => s.created)).toHaveLength(1);
      expect(new Set(same.map((s) => s.escalation.id)).size).toBe(1);
      expect((await store.openEscalation(draft('next'), at(20))).escalation.id).toBe('ESC-1007');
    });

    it('claims once, resolves with a resolution, reopens, with who and when in the history', async () => {
      const { escalation } = await store.openEscalation(draft('1700.1'), at(0));
      const claimed = await store.changeEscalation(escalation.id, claim(bob, at(60)));
      expect(claimed).toMatchObject({ status: 'claimed', claimedBy: bob, updatedAt: at(60) });
      expect(await store.changeEscalation(escalation.id, claim(carol, at(61)))).toBeUndefined();
      const resolved = await store.changeEscalation(escalation.id, resolve(bob, at(120), 'Re-synced the user after fixing the email attribute'));
      expect(resolved).toMatchObject({ status: 'resolved', resolution: 'Re-synced the user after fixing the email attribute', claimedBy: bob });
      expect(await store.changeEscalation(escalation.id, resolve(carol, at(121), 'again'))).toBeUndefined();
      const reopened = await store.changeEscalation(escalation.id, reopen(alice, at(180), 'broke again'));
      expect(reopened?.status).toBe('open');
      expect(reopened?.claimedBy).toBeUndefined();
      expect(reopened?.resolution).toBeUndefined();
      expect(reopened?.history.map((h) => [h.action, h.actor.id, h.at.getTime() - T0.getTime(), h.note])).toEqual([
        ['opened', 'U0ALICE', 0, 'still failing after re-sync'],
        ['claimed', 'U0BOB', 60_000, undefined],
        ['resolved', 'U0BOB', 120_000, 'Re-synced the user after fixing the email attribute'],
        ['reopened', 'U0ALICE', 180_000, 'broke again'],
      ]);
      expect(await store.changeEscalation('ESC-4040', claim(bob, at(200)))).toBeUndefined();
    });

    it('lets exactly one of simultaneous claimers win', async () => {
      const { escalation } = await store.openEscalation(draft('1700.1'), at(0));
      const claimers = [bob, carol, alice, { ...bob, id: 'U0DAVE' }];
      const results = await Promise.all(claimers.map((c) => store.changeEscalation(escalation.id, claim(c, at(5)))));
      const winners = results.filter((r) => r !== undefined);
      expect(winners).toHaveLength(1);
      const stored = await store.getEscalation(escalation.id);
      expect(stored?.claimedBy).toEqual(winners[0]!.claimedBy);
      expect(stored?.history.filter((h) => h.action === 'claimed')).toHaveLength(1);
    });

    it('lists by status oldest first, and those not yet posted to the support channel', async () => {
      for (const [i, t] of ['t1', 't2', 't3', 't4'].entries()) await store.openEscalation(draft(t), at(100 - i * 10));
      await store.changeEscalation('ESC-1002', claim(bob, at(200)));
      await store.changeEscalation('ESC-1003', resolve(bob, at(200), 'done'));
      await store.setSupportMessage('ESC-1004', { platform: 'slack', channelId: 'C0SUPPORT', messageId: '1700.9', permalink: 'https://x/p1' });
      const open = await store.listEscalations({ status: ['open', 'claimed'], limit: 10 });
      expect(open.map((e) => e.id)).toEqual(['ESC-1004', 'ESC-1002', 'ESC-1001']);
      expect(open[0]!.supportMessage).toEqual({ platform: 'slack', channelId: 'C0SUPPORT', messageId: '1700.9', permalink: 'https://x/p1' });
      expect((await store.listEscalations({ status: ['open', 'claimed'], unposted: true, limit: 10 })).map((e) => e.id)).toEqual(['ESC-1002', 'ESC-1001']);
      expect((await store.listEscalations({ status: ['open', 'claimed'], limit: 2 })).map((e) => e.id)).toEqual(['ESC-1004', 'ESC-1002']);
      expect((await store.listEscalations({ status: ['resolved'], limit: 10 })).map((e) => e.id)).toEqual(['ESC-1003']);
      expect(await store.countEscalations(['open', 'claimed'])).toBe(3);
      expect(await store.countEscalations(['resolved'])).toBe(1);
      expect(await store.countEscalations(['claimed', 'resolved'])).toBe(2);
    });

    it('reminds once per open period, for unclaimed ones open long enough', async () => {
      await store.openEscalation(draft('t1'), at(0));
      await store.openEscalation(draft('t2'), at(0));
      await store.openEscalation(draft('t3'), at(1000));
      await store.changeEscalation('ESC-1002', claim(bob, at(10)));
      expect((await store.dueReminders(at(500), 10)).map((e) => e.id)).toEqual(['ESC-1001']);
      const event = { at: at(500), actor: { platform: 'slack' as const, id: 'idc-assistant' }, action: 'reminded' as const };
      const racers = await Promise.all([store.markReminded('ESC-1001', event), store.markReminded('ESC-1001', event)]);
      expect(racers.sort()).toEqual([false, true]);
      expect(await store.dueReminders(at(5000), 10)).toEqual([expect.objectContaining({ id: 'ESC-1003' })]);
      expect((await store.getEscalation('ESC-1001'))?.remindedAt).toEqual(at(500));
      expect(await store.markReminded('ESC-1002', event)).toBe(false); // claimed: no reminder
      await store.changeEscalation('ESC-1001', resolve(bob, at(600), 'ok'));
      await store.changeEscalation('ESC-1001', reopen(alice, at(700)));
      expect((await store.dueReminders(at(5000), 10)).map((e) => e.id)).toEqual(['ESC-1001', 'ESC-1003']);
      expect((await store.getEscalation('ESC-1001'))?.history.map((h) => h.action)).toEqual(['opened', 'reminded', 'resolved', 'reopened']);
    });
  });

  describe('the watcher’s state', () => {
    const alert = (key: string, count: number, first: number, last: number, over: Partial<WatchAlert> = {}): WatchAlert => ({
      kind: 'scim-failure',
      key,
      subject: 'user alice@example.com',
      article: 'scim-sync-user-fails',
      count,
      first: at(first),
      last: at(last),
      detail: 'SCIM PatchUser rejected',
      ...over,
    });

    it('gives the lease to one holder at a time, renews it for that holder, and lets another take it once expired or released', async () => {
      const racers = await Promise.all(['a', 'b', 'c', 'd'].map((h) => store.takeLease('watch', h, 60, at(0))));
      expect(racers.filter(Boolean)).toHaveLength(1);
      const holder = ['a', 'b', 'c', 'd'][racers.indexOf(true)]!;
      const other = holder === 'a' ? 'b' : 'a';
      expect(await store.takeLease('watch', holder, 60, at(30))).toBe(true); // renewed until 90
      expect(await store.takeLease('watch', other, 60, at(80))).toBe(false);
      expect(await store.takeLease('watch', other, 60, at(90))).toBe(true); // expired: taken over
      expect(await store.takeLease('watch', holder, 60, at(100))).toBe(false);
      await store.releaseLease('watch', holder); // not the holder any more: no effect
      expect(await store.takeLease('watch', holder, 60, at(101))).toBe(false);
      await store.releaseLease('watch', other);
      expect(await store.takeLease('watch', holder, 60, at(102))).toBe(true);
      expect(await store.takeLease('other-job', other, 60, at(102))).toBe(true);
    });

    it('keeps the cursor', async () => {
      expect(await store.getWatchCursor('cloudtrail')).toBeUndefined();
      await store.setWatchCursor('cloudtrail', at(10));
      await store.setWatchCursor('cloudtrail', at(20));
      expect(await store.getWatchCursor('cloudtrail')).toEqual(at(20));
    });

    it('adds up pending summaries, reports them, and offers a recurring one again only after the given time', async () => {
      await store.addWatchAlerts([alert('k1', 2, 10, 20), alert('k2', 1, 5, 5, { kind: 'stale-assignment', article: null, fix: 'aws sso-admin …', check: { name: 'assignments', subject: 'bob' } })], at(30));
      await store.addWatchAlerts([alert('k1', 3, 25, 40, { detail: 'newer text' })], at(40));
      const due = await store.dueWatchAlerts(at(0), 10);
      expect(due.map((a) => a.key)).toEqual(['k2', 'k1']); // oldest first
      expect(due[1]).toEqual(alert('k1', 5, 10, 40, { detail: 'newer text' }));
      expect(due[0]).toMatchObject({ article: null, fix: 'aws sso-admin …', check: { name: 'assignments', subject: 'bob' } });
      await store.markWatchReported(['k1', 'k2'], at(50));
      expect(await store.dueWatchAlerts(at(0), 10)).toEqual([]);
      await store.addWatchAlerts([alert('k1', 1, 60, 60)], at(60)); // happens again: counted afresh
      expect(await store.dueWatchAlerts(at(49), 10)).toEqual([]); // reported at 50: not yet due
      expect(await store.dueWatchAlerts(at(50), 10)).toEqual([alert('k1', 1, 60, 60)]);
      expect(await store.dueWatchAlerts(at(50), 0)).toEqual([]);
    });

    it('remembers deletions of users and groups for a week, oldest first', async () => {
      await store.recordDeletion({ type: 'USER', id: 'u-2', at: at(20) });
      await store.recordDeletion({ type: 'GROUP', id: 'g-1', at: at(10) });
      expect(await store.recentDeletions(at(0))).toEqual([{ type: 'GROUP', id: 'g-1', at: at(10) }, { type: 'USER', id: 'u-2', at: at(20) }]);
      expect(await store.recentDeletions(at(15))).toEqual([{ type: 'USER', id: 'u-2', at: at(20) }]);
      await store.recordDeletion({ type: 'USER', id: 'u-3', at: at(8 * 86_400) });
      expect((await store.recentDeletions(at(0))).map((d) => d.id)).toEqual(['u-3']);
    });
  });

  describe('inbox', () => {
    const entry = (key: string, seconds = 0) => ({ key, platform: 'slack' as const, payload: `{"event_id":"${key}"}`, receivedAt: at(seconds) });
    const claimAt = (owner: string, seconds: number, over: { ignoreLeases?: boolean; maxAttempts?: number } = {}) =>
      store.claimStaleDeliveries({ owner, now: at(seconds), leaseUntil: at(seconds + 30), limit: 10, maxAttempts: 3, ...over });

    it('accepts a delivery once; a retry of the same key is refused', async () => {
      expect(await store.acceptDelivery(entry('slack:event:Ev1'), 'a', at(30))).toBe(true);
      expect(await store.acceptDelivery(entry('slack:event:Ev1', 5), 'b', at(35))).toBe(false);
      const racers = await Promise.all(Array.from({ length: 12 }, (_, i) => store.acceptDelivery(entry('slack:event:EvRace'), `r${i}`, at(30))));
      expect(racers.filter(Boolean)).toHaveLength(1);
    });

    it('hands an entry whose lease ran out to one new owner, with its payload, oldest first', async () => {
      await store.acceptDelivery(entry('k2', 1), 'dead', at(31));
      await store.acceptDelivery(entry('k1', 0), 'dead', at(30));
      await store.acceptDelivery(entry('k3', 2), 'alive', at(32));
      expect(await claimAt('b', 20)).toEqual([]); // every lease still runs
      expect(await store.renewDelivery('k3', 'alive', at(100))).toBe(true);
      const claimed = await claimAt('b', 40);
      expect(claimed.map((e) => [e.key, e.attempts, e.payload])).toEqual([
        ['k1', 2, '{"event_id":"k1"}'],
        ['k2', 2, '{"event_id":"k2"}'],
      ]);
      expect(claimed[0]!.receivedAt).toEqual(at(0));
      expect(await claimAt('c', 41)).toEqual([]); // b holds them now
      expect(await store.renewDelivery('k1', 'dead', at(200))).toBe(false); // the old owner lost it
    });

    it('lets exactly one of simultaneous recoverers claim each stale entry', async () => {
      for (let i = 0; i < 6; i++) await store.acceptDelivery(entry(`s${i}`, i), 'dead', at(10));
      const all = await Promise.all(['x', 'y', 'z'].map((owner) => claimAt(owner, 60)));
      expect(all.flat().map((e) => e.key).sort()).toEqual(['s0', 's1', 's2', 's3', 's4', 's5']);
    });

    it('does not hand out finished entries, drops their payload, and sweeps them after a day', async () => {
      await store.acceptDelivery(entry('done'), 'a', at(30));
      await store.finishDelivery('done', 'someone-else', at(1)); // not the owner: no effect
      await store.acceptDelivery(entry('open'), 'a', at(30));
      await store.finishDelivery('done', 'a', at(2));
      expect((await claimAt('b', 100)).map((e) => e.key)).toEqual(['open']);
      expect(await store.acceptDelivery(entry('done'), 'c', at(200))).toBe(false); // still known: a retry is ignored
      await store.finishDelivery('open', 'b', at(3));
      expect(await store.sweep(at(3600))).toBe(0);
      expect(await store.sweep(at(24 * 3600 + 3))).toBe(2);
      expect(await store.acceptDelivery(entry('done'), 'c', at(24 * 3600 + 4))).toBe(true);
    });

    it('remembers that a reply was being sent, for whoever recovers the entry', async () => {
      await store.acceptDelivery(entry('quiet'), 'a', at(10));
      await store.acceptDelivery(entry('sending'), 'a', at(10));
      await store.markAnswering('sending', 'a', at(5));
      await store.markAnswering('quiet', 'not-the-owner', at(5));
      const claimed = await claimAt('b', 60);
      expect(Object.fromEntries(claimed.map((e) => [e.key, e.answering ?? false]))).toEqual({ quiet: false, sending: true });
    });

    it('gives up after maxAttempts, and at start takes over unexpired entries when told to', async () => {
      await store.acceptDelivery(entry('poison'), 'a', at(10));
      expect((await claimAt('b', 20)).map((e) => e.attempts)).toEqual([2]);
      expect((await claimAt('c', 60)).map((e) => e.attempts)).toEqual([3]);
      expect(await claimAt('d', 100)).toEqual([]);
      await store.acceptDelivery(entry('fresh'), 'a', at(1000));
      expect((await claimAt('e', 5, { ignoreLeases: true })).map((e) => e.key)).toEqual(['fresh']);
    });
  });

  it('answers ping', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
  });
}
