/**
 * The durable inbox over real HTTP: a Slack event and a Teams activity are in the store before the
 * platform gets its 200; what a crashed process left unfinished is answered by the next one, once.
 */
import type { InboxEntry } from '../../src/core/ports/inbox-store';
import { MemoryStore } from '../../src/core/ports/memory-store';
import { FakeSlack } from '../helpers/fake-slack';
import { appMention, eventCallback } from '../helpers/slack-payloads';
import { sendSigned } from '../helpers/slack-requests';
import { startSlackApp } from '../slack/slack-harness';
import { personalMessage } from '../teams/teams-activities';
import { startTeams } from '../teams/teams-harness';

const PASTE = "An error occurred: Cannot perform the operation on the protected role 'AWSReservedSSO_Admin_0123abcd' - this role is only modifiable by AWS";
const LONG_AGO = new Date(Date.now() - 3_600_000);

/** A MemoryStore that logs when inbox writes finish, and can hold them back. */
class WatchedStore extends MemoryStore {
  readonly log: string[] = [];
  holdMs = 0;
  failAccept = false;
  constructor() {
    super();
    const accept = this.acceptDelivery;
    const finish = this.finishDelivery;
    Object.assign(this, {
      acceptDelivery: async (entry: Omit<InboxEntry, 'attempts'>, owner: string, lease: Date) => {
        if (this.failAccept) throw new Error('database is down');
        await new Promise((r) => setTimeout(r, this.holdMs));
        const first = await accept(entry, owner, lease);
        this.log.push(`accepted ${entry.key} ${first}`);
        return first;
      },
      finishDelivery: async (key: string, owner: string, now: Date) => {
        await finish(key, owner, now);
        this.log.push(`finished ${key}`);
      },
    });
  }
}

/** A delivery a killed process wrote and never finished: claimed by a dead owner, lease long over. */
async function orphan(store: MemoryStore, key: string, platform: 'slack' | 'teams', payload: unknown): Promise<void> {
  expect(await store.acceptDelivery({ key, platform, payload: JSON.stringify(payload), receivedAt: LONG_AGO }, 'dead-process', LONG_AGO)).toBe(true);
}

describe('durable inbox: Slack', () => {
  let fake: FakeSlack;
  beforeAll(async () => {
    fake = await new FakeSlack().start();
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());

  it('writes the event before the 200, answers it, marks it done; a retry is only acknowledged', async () => {
    const store = new WatchedStore();
    store.holdMs = 150;
    const h = await startSlackApp({ fake, store });
    try {
      const { body, eventId } = eventCallback(appMention(PASTE));
      const res = await sendSigned(h.events, body);
      store.log.push(`acked ${res.status}`);
      await fake.waitFor(() => fake.posts().length === 1);
      await fake.settle(100);
      expect(store.log).toEqual([`accepted slack:event:${eventId} true`, 'acked 200', `finished slack:event:${eventId}`]);
      expect((await sendSigned(h.events, body, { retryNum: 1 })).status).toBe(200);
      await fake.settle(300);
      expect(fake.posts()).toHaveLength(1);
      expect(store.log.at(-1)).toBe(`accepted slack:event:${eventId} false`);
    } finally {
      await h.close();
    }
  });

  it('answers, once, an event a crashed process acknowledged but never answered', async () => {
    const store = new MemoryStore();
    const event = appMention(PASTE);
    const { body, eventId } = eventCallback(event);
    await orphan(store, `slack:event:${eventId}`, 'slack', { body: JSON.parse(body) });
    const h = await startSlackApp({ fake, store });
    try {
      await fake.waitFor(() => fake.posts().length === 1);
      expect(fake.posts()[0]!.args).toMatchObject({ thread_ts: event.ts });
      // Slack's retry of the same event after the restart is not answered again.
      await sendSigned(h.events, body, { retryNum: 2 });
      await fake.settle(300);
      expect(fake.posts()).toHaveLength(1);
      expect(await store.claimStaleDeliveries({ owner: 'x', now: new Date(Date.now() + 3_600_000), leaseUntil: new Date(), limit: 10, maxAttempts: 9, ignoreLeases: true })).toEqual([]);
    } finally {
      await h.close();
    }
  });

  it('after a crash while replying, reads the thread: answered there means not again, else it answers', async () => {
    const store = new MemoryStore();
    const replied = appMention(PASTE);
    const silent = appMention(PASTE);
    const a = eventCallback(replied);
    const b = eventCallback(silent);
    for (const { body, eventId } of [a, b]) {
      await orphan(store, `slack:event:${eventId}`, 'slack', { body: JSON.parse(body) });
      await store.markAnswering(`slack:event:${eventId}`, 'dead-process');
    }
    // The dead process's reply to the first one did reach Slack.
    await fetch(`${fake.apiUrl}chat.postMessage`, { method: 'POST', headers: { authorization: 'Bearer xoxb-test-token', 'content-type': 'application/json' }, body: JSON.stringify({ channel: replied.channel, thread_ts: replied.ts, text: 'the answer' }) });
    fake.reset();
    const h = await startSlackApp({ fake, store });
    try {
      await fake.waitFor(() => fake.posts().length === 1);
      await fake.settle(300);
      expect(fake.posts().map((p) => p.args.thread_ts)).toEqual([silent.ts]);
      expect(fake.calls.filter((c) => c.method === 'conversations.replies').map((c) => c.args.ts).sort()).toEqual([replied.ts, silent.ts].sort());
    } finally {
      await h.close();
    }
  });

  it('still answers when the store cannot record the event', async () => {
    const store = new WatchedStore();
    store.failAccept = true;
    const h = await startSlackApp({ fake, store });
    try {
      expect((await sendSigned(h.events, eventCallback(appMention(PASTE)).body)).status).toBe(200);
      await fake.waitFor(() => fake.posts().length === 1);
    } finally {
      await h.close();
    }
  });
});

describe('durable inbox: Teams', () => {
  it('writes the activity before the turn ends with 200, and a repeat is not run twice', async () => {
    const store = new WatchedStore();
    const h = await startTeams({}, { store });
    try {
      const activity = personalMessage(h.connector.url, PASTE);
      const res = await h.post(activity);
      store.log.push(`acked ${res.status}`);
      await h.connector.waitFor(1);
      const key = `teams:${activity.conversation.id}:${activity.id}`;
      expect(store.log).toEqual([`accepted ${key} true`, `finished ${key}`, 'acked 200']);
      expect((await h.post(activity)).status).toBe(200);
      await new Promise((r) => setTimeout(r, 300));
      expect(h.connector.calls).toHaveLength(1);
    } finally {
      await h.close();
    }
  });

  it('answers an activity a crashed process never finished', async () => {
    const store = new MemoryStore();
    const h0 = await startTeams(); // only for its connector URL and activity shape
    const activity = personalMessage(h0.connector.url, PASTE);
    await orphan(store, `teams:${activity.conversation.id}:${activity.id}`, 'teams', { body: activity, user: { name: 'anonymous' } });
    await h0.app.close();
    const h = await startTeams({}, { store });
    try {
      // The recovered turn replies through the connector named in the activity (h0's, still up).
      const [call] = await h0.connector.waitFor(1);
      expect(call).toMatchObject({ kind: 'reply', activityId: activity.id });
    } finally {
      await h.close();
      await h0.connector.close();
    }
  });
});
