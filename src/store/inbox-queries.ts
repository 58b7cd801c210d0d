import type { Kysely } from 'kysely';
import { INBOX_DONE_TTL_MS, type InboxEntry, type InboxStore } from '../core/inbox-store';
import type { Platform } from '../core/input';
import type { Database, InboxTable } from './schema';

type ClaimOptions = Parameters<InboxStore['claimStaleDeliveries']>[0];

const toEntry = (r: InboxTable): InboxEntry => ({
  key: r.key,
  platform: r.platform as Platform,
  payload: r.payload,
  receivedAt: new Date(Number(r.received_at)),
  attempts: Number(r.attempts),
  ...(r.answering_at === null ? {} : { answering: true }),
});

/** The inbox's statements, one per decision: an insert that does nothing on a known key, conditional updates. */
export const inboxQueries = {
  async accept(db: Kysely<Database>, entry: Omit<InboxEntry, 'attempts' | 'answering'>, owner: string, leaseUntil: Date): Promise<boolean> {
    const row = { key: entry.key, platform: entry.platform, payload: entry.payload, received_at: entry.receivedAt.getTime(), owner, lease_until: leaseUntil.getTime(), attempts: 1, done_at: null, answering_at: null };
    const result = await db.insertInto('inbox').values(row).onConflict((oc) => oc.column('key').doNothing()).executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  },

  async renew(db: Kysely<Database>, key: string, owner: string, leaseUntil: Date): Promise<boolean> {
    const result = await db.updateTable('inbox').set({ lease_until: leaseUntil.getTime() }).where('key', '=', key).where('owner', '=', owner).where('done_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  async answering(db: Kysely<Database>, key: string, owner: string, now: Date): Promise<void> {
    await db.updateTable('inbox').set({ answering_at: now.getTime() }).where('key', '=', key).where('owner', '=', owner).execute();
  },

  async finish(db: Kysely<Database>, key: string, owner: string, now: Date): Promise<void> {
    await db.updateTable('inbox').set({ done_at: now.getTime(), payload: '' }).where('key', '=', key).where('owner', '=', owner).execute();
  },

  async claimStale(db: Kysely<Database>, o: ClaimOptions): Promise<InboxEntry[]> {
    const now = o.now.getTime();
    let candidates = db.selectFrom('inbox').select('key').where('done_at', 'is', null).where('attempts', '<', o.maxAttempts);
    if (!o.ignoreLeases) candidates = candidates.where('lease_until', '<', now);
    const keys = await candidates.orderBy('received_at').limit(o.limit).execute();
    const claimed: InboxEntry[] = [];
    for (const { key } of keys) {
      // The same conditions again, in the update itself: of two replicas, one gets the row.
      let update = db
        .updateTable('inbox')
        .set((eb) => ({ owner: o.owner, lease_until: o.leaseUntil.getTime(), attempts: eb('attempts', '+', 1) }))
        .where('key', '=', key)
        .where('done_at', 'is', null)
        .where('attempts', '<', o.maxAttempts);
      if (!o.ignoreLeases) update = update.where('lease_until', '<', now);
      const row = await update.returningAll().executeTakeFirst();
      if (row) claimed.push(toEntry(row));
    }
    return claimed;
  },

  async sweep(db: Kysely<Database>, now: Date): Promise<number> {
    const result = await db.deleteFrom('inbox').where('done_at', '<=', now.getTime() - INBOX_DONE_TTL_MS).executeTakeFirst();
    return Number(result.numDeletedRows);
  },
};
