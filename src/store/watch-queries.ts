import type { Kysely } from 'kysely';
import type { WatchAlert, WatchKind } from '../core/watch/watch-alert';
import { DELETION_MEMORY_MS, mergeAlert } from '../core/watch/memory-watch-store';
import type { DeletedPrincipal } from '../core/watch/watch-ports';
import type { Database, WatchAlertTable } from './schema';

/**
 * The watcher's tables (`watch_*`), for KyselyStore. The lease is one statement
 * (`INSERT … ON CONFLICT … DO UPDATE … WHERE mine or expired … RETURNING`), so two replicas
 * asking at once get one yes. Everything else is written only by the lease holder.
 */
export async function takeLease(db: Kysely<Database>, name: string, holder: string, ttlSeconds: number, now: Date): Promise<boolean> {
  const t = now.getTime();
  const won = await db
    .insertInto('watch_leases')
    .values({ name, holder, expires_at: t + ttlSeconds * 1000 })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet((eb) => ({ holder: eb.ref('excluded.holder'), expires_at: eb.ref('excluded.expires_at') }))
        .where((eb) => eb.or([eb('watch_leases.holder', '=', holder), eb('watch_leases.expires_at', '<=', t)])),
    )
    .returning('name')
    .executeTakeFirst();
  return won !== undefined;
}

export async function releaseLease(db: Kysely<Database>, name: string, holder: string): Promise<void> {
  await db.deleteFrom('watch_leases').where('name', '=', name).where('holder', '=', holder).execute();
}

export async function getCursor(db: Kysely<Database>, name: string): Promise<Date | undefined> {
  const row = await db.selectFrom('watch_cursors').select('at').where('name', '=', name).executeTakeFirst();
  return row ? new Date(Number(row.at)) : undefined;
}

export async function setCursor(db: Kysely<Database>, name: string, at: Date): Promise<void> {
  await db
    .insertInto('watch_cursors')
    .values({ name, at: at.getTime() })
    .onConflict((oc) => oc.column('name').doUpdateSet({ at: at.getTime() }))
    .execute();
}

function toAlert(r: WatchAlertTable): WatchAlert {
  return {
    kind: r.kind as WatchKind,
    key: r.key,
    subject: r.subject,
    article: r.article,
    count: Number(r.count),
    first: new Date(Number(r.first_at)),
    last: new Date(Number(r.last_at)),
    detail: r.detail,
    ...(r.fix === null ? {} : { fix: r.fix }),
    ...(r.check_json === null ? {} : { check: JSON.parse(r.check_json) as WatchAlert['check'] }),
  };
}

export async function addAlerts(db: Kysely<Database>, alerts: readonly WatchAlert[], now: Date): Promise<void> {
  if (alerts.length === 0) return;
  await db.transaction().execute(async (trx) => {
    for (const a of alerts) {
      const row = await trx.selectFrom('watch_alerts').selectAll().where('key', '=', a.key).executeTakeFirst();
      const merged = row && Number(row.count) > 0 ? mergeAlert(toAlert(row), a) : a;
      const values = {
        kind: merged.kind,
        subject: merged.subject,
        article: merged.article,
        detail: merged.detail,
        fix: merged.fix ?? null,
        check_json: merged.check ? JSON.stringify(merged.check) : null,
        count: merged.count,
        first_at: merged.first.getTime(),
        last_at: merged.last.getTime(),
        updated_at: now.getTime(),
      };
      if (row) await trx.updateTable('watch_alerts').set(values).where('key', '=', a.key).execute();
      else await trx.insertInto('watch_alerts').values({ key: a.key, reported_at: null, ...values }).execute();
    }
  });
}

export async function dueAlerts(db: Kysely<Database>, reportedBefore: Date, limit: number): Promise<WatchAlert[]> {
  const rows = await db
    .selectFrom('watch_alerts')
    .selectAll()
    .where('count', '>', 0)
    .where((eb) => eb.or([eb('reported_at', 'is', null), eb('reported_at', '<=', reportedBefore.getTime())]))
    .orderBy('first_at')
    .orderBy('key')
    .limit(limit)
    .execute();
  return rows.map(toAlert);
}

export async function markReported(db: Kysely<Database>, keys: readonly string[], at: Date): Promise<void> {
  if (keys.length === 0) return;
  await db.updateTable('watch_alerts').set({ count: 0, reported_at: at.getTime() }).where('key', 'in', [...keys]).execute();
}

export async function recordDeletion(db: Kysely<Database>, d: DeletedPrincipal): Promise<void> {
  const row = { key: `${d.type}:${d.id}`, principal_type: d.type, principal_id: d.id, at: d.at.getTime() };
  await db
    .insertInto('watch_deletions')
    .values(row)
    .onConflict((oc) => oc.column('key').doUpdateSet({ at: row.at }))
    .execute();
  await db.deleteFrom('watch_deletions').where('at', '<', d.at.getTime() - DELETION_MEMORY_MS).execute();
}

export async function recentDeletions(db: Kysely<Database>, since: Date): Promise<DeletedPrincipal[]> {
  const rows = await db.selectFrom('watch_deletions').selectAll().where('at', '>=', since.getTime()).orderBy('at').execute();
  return rows.map((r) => ({ type: r.principal_type as DeletedPrincipal['type'], id: r.principal_id, at: new Date(Number(r.at)) }));
}
