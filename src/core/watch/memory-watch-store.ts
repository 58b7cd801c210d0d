import type { WatchAlert } from './watch-alert';
import type { DeletedPrincipal, WatchStore } from './watch-ports';

interface Pending {
  alert: WatchAlert;
  reportedAt?: number;
  updatedAt: number;
}

/** Deletions are kept this long: SCIM re-creates a deleted user at its next cycle (about 40 minutes). */
export const DELETION_MEMORY_MS = 7 * 86_400_000;

/** The watcher's state in memory (tests, the CLI, MemoryStore). Returns copies, as a database would. */
export class MemoryWatchStore implements WatchStore {
  private readonly leases = new Map<string, { holder: string; expires: number }>();
  private readonly cursors = new Map<string, number>();
  private readonly pending = new Map<string, Pending>();
  private readonly deletions = new Map<string, DeletedPrincipal>();

  async takeLease(name: string, holder: string, ttlSeconds: number, now: Date): Promise<boolean> {
    const lease = this.leases.get(name);
    if (lease && lease.holder !== holder && lease.expires > now.getTime()) return false;
    this.leases.set(name, { holder, expires: now.getTime() + ttlSeconds * 1000 });
    return true;
  }

  async releaseLease(name: string, holder: string): Promise<void> {
    if (this.leases.get(name)?.holder === holder) this.leases.delete(name);
  }

  async getWatchCursor(name: string): Promise<Date | undefined> {
    const at = this.cursors.get(name);
    return at === undefined ? undefined : new Date(at);
  }

  async setWatchCursor(name: string, at: Date): Promise<void> {
    this.cursors.set(name, at.getTime());
  }

  async addWatchAlerts(alerts: readonly WatchAlert[], now: Date): Promise<void> {
    for (const a of alerts) {
      const row = this.pending.get(a.key);
      const merged = row && row.alert.count > 0 ? mergeAlert(row.alert, a) : structuredClone(a);
      this.pending.set(a.key, { alert: merged, reportedAt: row?.reportedAt, updatedAt: now.getTime() });
    }
  }

  async dueWatchAlerts(reportedBefore: Date, limit: number): Promise<WatchAlert[]> {
    return [...this.pending.values()]
      .filter((p) => p.alert.count > 0 && (p.reportedAt === undefined || p.reportedAt <= reportedBefore.getTime()))
      .sort((a, b) => a.alert.first.getTime() - b.alert.first.getTime() || a.alert.key.localeCompare(b.alert.key))
      .slice(0, limit)
      .map((p) => structuredClone(p.alert));
  }

  async markWatchReported(keys: readonly string[], at: Date): Promise<void> {
    for (const key of keys) {
      const row = this.pending.get(key);
      if (row) this.pending.set(key, { ...row, alert: { ...row.alert, count: 0 }, reportedAt: at.getTime() });
    }
  }

  async recordDeletion(principal: DeletedPrincipal): Promise<void> {
    this.deletions.set(`${principal.type}:${principal.id}`, structuredClone(principal));
    const cutoff = principal.at.getTime() - DELETION_MEMORY_MS;
    for (const [k, d] of this.deletions) if (d.at.getTime() < cutoff) this.deletions.delete(k);
  }

  async recentDeletions(since: Date): Promise<DeletedPrincipal[]> {
    return [...this.deletions.values()].filter((d) => d.at >= since).sort((a, b) => a.at.getTime() - b.at.getTime()).map((d) => structuredClone(d));
  }
}

/** A pending summary plus new occurrences: counts add up, the time span widens, the newest text wins. */
export function mergeAlert(pending: WatchAlert, next: WatchAlert): WatchAlert {
  return {
    ...next,
    count: pending.count + next.count,
    first: pending.first < next.first ? pending.first : next.first,
    last: pending.last > next.last ? pending.last : next.last,
  };
}
