import { INBOX_DONE_TTL_MS, type InboxEntry, type InboxStore } from './inbox-store';

interface Row {
  entry: InboxEntry;
  owner: string;
  leaseUntil: number;
  doneAt?: number;
}

/** The inbox in memory (MemoryStore's part): same rules as the database, lost on restart. */
export class MemoryInbox implements InboxStore {
  private readonly rows = new Map<string, Row>();

  async acceptDelivery(entry: Omit<InboxEntry, 'attempts' | 'answering'>, owner: string, leaseUntil: Date): Promise<boolean> {
    if (this.rows.has(entry.key)) return false;
    this.rows.set(entry.key, { entry: { ...entry, attempts: 1 }, owner, leaseUntil: leaseUntil.getTime() });
    return true;
  }

  async renewDelivery(key: string, owner: string, leaseUntil: Date): Promise<boolean> {
    const row = this.rows.get(key);
    if (!row || row.owner !== owner || row.doneAt !== undefined) return false;
    row.leaseUntil = leaseUntil.getTime();
    return true;
  }

  async markAnswering(key: string, owner: string): Promise<void> {
    const row = this.rows.get(key);
    if (row && row.owner === owner) row.entry = { ...row.entry, answering: true };
  }

  async finishDelivery(key: string, owner: string, now: Date): Promise<void> {
    const row = this.rows.get(key);
    if (!row || row.owner !== owner) return;
    row.doneAt = now.getTime();
    row.entry = { ...row.entry, payload: '' };
  }

  async claimStaleDeliveries(o: { owner: string; now: Date; leaseUntil: Date; limit: number; maxAttempts: number; ignoreLeases?: boolean }): Promise<InboxEntry[]> {
    const stale = [...this.rows.values()]
      .filter((r) => r.doneAt === undefined && r.entry.attempts < o.maxAttempts && (o.ignoreLeases || r.leaseUntil < o.now.getTime()))
      .sort((a, b) => a.entry.receivedAt.getTime() - b.entry.receivedAt.getTime())
      .slice(0, o.limit);
    return stale.map((r) => {
      r.owner = o.owner;
      r.leaseUntil = o.leaseUntil.getTime();
      r.entry = { ...r.entry, attempts: r.entry.attempts + 1 };
      return { ...r.entry, receivedAt: new Date(r.entry.receivedAt) };
    });
  }

  /** Deletes entries done more than a day before `now`; returns how many. */
  sweep(now: Date): number {
    let removed = 0;
    for (const [key, row] of this.rows) if (row.doneAt !== undefined && row.doneAt <= now.getTime() - INBOX_DONE_TTL_MS && this.rows.delete(key)) removed++;
    return removed;
  }
}
