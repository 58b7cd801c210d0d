import { sql, type Kysely, type Transaction } from 'kysely';
import { Migrator } from 'kysely/migration';
import type { Escalation, EscalationEvent, EscalationStatus, MessageRef } from '../core/escalations/escalation';
import type { FeedbackEntry, LearningSignal } from '../core/ports/ports';
import { escalationId } from '../core/escalations/escalation-id';
import { LEARNING_RETENTION_DAYS, type AnswerEntry, type ArticleStats, type AskedMessage, type AuditEntry, type EscalationChange, type InboxEntry, type NewEscalation, type Store, type ThreadContext } from '../core/ports/store';
import { StoreError } from '../core/ports/store-error';
import { escalationRow, eventRow, toEscalation } from './escalation-rows';
import { inboxQueries } from './inbox-queries';
import { mapStoreError } from './map-store-error';
import { migrations, type Dialect } from './migrations';
import type { Database, EscalationTable } from './schema';
import type { WatchAlert } from '../core/watch/watch-alert';
import type { DeletedPrincipal } from '../core/watch/watch-ports';
import * as watch from './watch-queries';

/** Thrown inside the open transaction when another escalation holds the origin: rolls the id back. */
class OriginTaken extends Error {}

/**
 * The one `Store` implementation for both databases (SQLite and PostgreSQL), on Kysely. Every
 * decision that must happen once is one statement or one transaction in the database:
 * `INSERT … ON CONFLICT … DO UPDATE … WHERE expired … RETURNING` for first sight,
 * `UPDATE … WHERE status IN (…) RETURNING` for claims, a unique origin key for "one escalation
 * per thread", and a counter row for ids. Migrations run before the first operation and are
 * retried on the next one if the database was unreachable.
 */
/** 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now; or the socket closed under the query. */
function serverEndedConnection(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown };
  return (typeof e?.code === 'string' && /^57P0[12]$/.test(e.code)) || (typeof e?.message === 'string' && /Connection terminated/i.test(e.message));
}

export class KyselyStore implements Store {
  private migrated?: Promise<void>;

  constructor(
    private readonly db: Kysely<Database>,
    readonly dialect: Dialect,
    /** Connections reserved for the inbox write before an ack (PostgreSQL); the main ones otherwise. */
    private readonly ackDb: Kysely<Database> = db,
  ) {}

  /** Applies pending migrations (once; retried after a failure). */
  migrate(): Promise<void> {
    this.migrated ??= this.runMigrations().catch((err: unknown) => {
      this.migrated = undefined;
      throw mapStoreError(err, 'migrate', this.dialect);
    });
    return this.migrated;
  }

  private async runMigrations(): Promise<void> {
    // Kysely looks for its migration tables in every schema it can see; name ours, so another
    // schema in the same database (another app, another test run) cannot be mistaken for it.
    const schema = this.dialect === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(this.db)).rows[0]?.s : undefined;
    const migrator = new Migrator({ db: this.db, provider: { getMigrations: async () => migrations(this.dialect) }, migrationTableSchema: schema });
    const { error, results } = await migrator.migrateToLatest();
    if (error) {
      const failed = results?.find((r) => r.status === 'Error')?.migrationName;
      const mapped = mapStoreError(error, 'migrate', this.dialect);
      if (mapped.code === 'store-unavailable') throw mapped;
      throw new StoreError('store-migration', `Database migration ${failed ?? ''} failed: ${(error as Error).message}`, 'Fix the database (see the cause) and restart; migrations run at every start.', {
        cause: error,
      });
    }
  }

  private async run<T>(operation: string, fn: (db: Kysely<Database>) => Promise<T>): Promise<T> {
    try {
      await this.migrate();
      try {
        return await fn(this.db);
      } catch (err) {
        // The server ended this connection (restart, pg_terminate_backend) and the pool had not
        // noticed yet: the statement was not run (the server rolls back what it cancels), so one
        // more try on a fresh connection is safe and hides a restart from the caller.
        if (!(this.dialect === 'postgres' && serverEndedConnection(err))) throw err;
        return await fn(this.db);
      }
    } catch (err) {
      throw mapStoreError(err, operation, this.dialect);
    }
  }

  firstSeen(key: string, ttlSeconds: number, now = new Date()): Promise<boolean> {
    return this.run('firstSeen', (db) => claimKey(db, 'seen_events', key, ttlSeconds, now));
  }

  acceptDelivery(entry: Omit<InboxEntry, 'attempts' | 'answering'>, owner: string, leaseUntil: Date): Promise<boolean> {
    return this.run('acceptDelivery', () => inboxQueries.accept(this.ackDb, this.dialect, entry, owner, leaseUntil));
  }

  renewDelivery(key: string, owner: string, leaseUntil: Date): Promise<boolean> {
    return this.run('renewDelivery', (db) => inboxQueries.renew(db, key, owner, leaseUntil));
  }

  markAnswering(key: string, owner: string, now: Date): Promise<void> {
    return this.run('markAnswering', (db) => inboxQueries.answering(db, this.dialect, key, owner, now));
  }

  finishDelivery(key: string, owner: string, now: Date): Promise<void> {
    return this.run('finishDelivery', (db) => inboxQueries.finish(db, this.dialect, key, owner, now));
  }

  claimStaleDeliveries(o: Parameters<Store['claimStaleDeliveries']>[0]): Promise<InboxEntry[]> {
    return this.run('claimStaleDeliveries', (db) => inboxQueries.claimStale(db, o));
  }

  markThreadAnswered(threadKey: string, ttlSeconds: number, now: Date): Promise<boolean> {
    return this.run('markThreadAnswered', (db) => claimKey(db, 'answered_threads', threadKey, ttlSeconds, now));
  }

  recordLookup(entry: AuditEntry): Promise<void> {
    return this.run('recordLookup', async (db) => {
      await db
        .insertInto('audit_log')
        .values({ at: entry.at.getTime(), actor: JSON.stringify(entry.actor), check_name: entry.check, subject: entry.subject, outcome: entry.outcome, detail: entry.detail ?? null })
        .execute();
    });
  }

  recentLookups(limit: number): Promise<AuditEntry[]> {
    return this.run('recentLookups', async (db) => {
      const rows = await db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(limit).execute();
      return rows.map((r) => ({
        at: new Date(Number(r.at)),
        actor: JSON.parse(r.actor),
        check: r.check_name,
        subject: r.subject,
        outcome: r.outcome,
        ...(r.detail === null ? {} : { detail: r.detail }),
      }));
    });
  }

  recordFeedback(entry: FeedbackEntry): Promise<void> {
    return this.run('recordFeedback', async (db) => {
      const row = {
        article_id: entry.articleId,
        message_hash: entry.messageHash,
        voter: `${entry.actor.platform}:${entry.actor.id}`,
        helpful: entry.helpful ? 1 : 0,
        actor: JSON.stringify(entry.actor),
        at: entry.at.getTime(),
      };
      await db
        .insertInto('feedback')
        .values(row)
        .onConflict((oc) => oc.columns(['article_id', 'message_hash', 'voter']).doUpdateSet({ helpful: row.helpful, actor: row.actor, at: row.at }))
        .execute();
    });
  }

  recordSignal(signal: LearningSignal): Promise<void> {
    return this.run('recordSignal', async (db) => {
      await db
        .insertInto('learning_signals')
        .values({ message_hash: signal.messageHash, kind: signal.kind, article_id: signal.articleId, actor: JSON.stringify(signal.actor), at: signal.at.getTime() })
        .execute();
    });
  }

  recordAsked(m: AskedMessage): Promise<void> {
    return this.run('recordAsked', async (db) => {
      const row = { message_hash: m.messageHash, text: m.text, outcome: m.outcome, article_id: m.articleId ?? null, confidence: m.confidence ?? null, platform: m.platform, at: m.at.getTime() };
      const { message_hash: _key, ...update } = row;
      await db.insertInto('asked_messages').values(row).onConflict((oc) => oc.column('message_hash').doUpdateSet(update)).execute();
    });
  }

  learningData(since: Date): Promise<{ messages: AskedMessage[]; signals: LearningSignal[] }> {
    return this.run('learningData', async (db) => {
      const rows = await db.selectFrom('asked_messages').selectAll().where('at', '>=', since.getTime()).orderBy('at').execute();
      const hashes = rows.map((r) => r.message_hash);
      const signals = hashes.length === 0 ? [] : await db.selectFrom('learning_signals').selectAll().where('message_hash', 'in', hashes).orderBy('id').execute();
      return {
        messages: rows.map((r) => ({
          messageHash: r.message_hash,
          text: r.text,
          outcome: r.outcome as AskedMessage['outcome'],
          ...(r.article_id === null ? {} : { articleId: r.article_id }),
          ...(r.confidence === null ? {} : { confidence: Number(r.confidence) }),
          platform: r.platform as AskedMessage['platform'],
          at: new Date(Number(r.at)),
        })),
        signals: signals.map((x) => ({
          messageHash: x.message_hash,
          kind: x.kind as LearningSignal['kind'],
          articleId: x.article_id,
          actor: JSON.parse(x.actor) as LearningSignal['actor'],
          at: new Date(Number(x.at)),
        })),
      };
    });
  }

  recordAnswer(entry: AnswerEntry): Promise<void> {
    return this.run('recordAnswer', async (db) => {
      await db
        .insertInto('answers')
        .values({ article_id: entry.articleId, confidence: entry.confidence, message_hash: entry.messageHash, platform: entry.platform, at: entry.at.getTime() })
        .execute();
    });
  }

  articleStats(since?: Date): Promise<ArticleStats[]> {
    const from = since?.getTime() ?? 0;
    return this.run('articleStats', async (db) => {
      const answers = await db
        .selectFrom('answers')
        .select(['article_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('at', '>=', from)
        .groupBy('article_id')
        .execute();
      const votes = await db
        .selectFrom('feedback')
        .where('at', '>=', from)
        .select(['article_id', (eb) => eb.fn.sum<number>('helpful').as('helpful'), (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('article_id')
        .execute();
      const stats = new Map<string, ArticleStats>();
      for (const a of answers) stats.set(a.article_id, { articleId: a.article_id, answers: Number(a.n), helpful: 0, notHelpful: 0 });
      for (const v of votes) {
        const s = stats.get(v.article_id) ?? { articleId: v.article_id, answers: 0, helpful: 0, notHelpful: 0 };
        s.helpful = Number(v.helpful);
        s.notHelpful = Number(v.n) - s.helpful;
        stats.set(v.article_id, s);
      }
      return [...stats.values()].sort((a, b) => b.answers - a.answers || a.articleId.localeCompare(b.articleId));
    });
  }

  saveThreadContext(threadKey: string, context: ThreadContext, ttlSeconds: number): Promise<void> {
    return this.run('saveThreadContext', async (db) => {
      const { at, ...rest } = context;
      const row = { key: threadKey, value: JSON.stringify(rest), at: at.getTime(), expires_at: at.getTime() + ttlSeconds * 1000 };
      await db
        .insertInto('thread_contexts')
        .values(row)
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: row.value, at: row.at, expires_at: row.expires_at }))
        .execute();
    });
  }

  getThreadContext(threadKey: string, now: Date): Promise<ThreadContext | undefined> {
    return this.run('getThreadContext', async (db) => {
      const row = await db.selectFrom('thread_contexts').selectAll().where('key', '=', threadKey).where('expires_at', '>', now.getTime()).executeTakeFirst();
      return row && { ...(JSON.parse(row.value) as Omit<ThreadContext, 'at'>), at: new Date(Number(row.at)) };
    });
  }

  saveConversationRef(key: string, reference: unknown, at: Date): Promise<void> {
    return this.run('saveConversationRef', async (db) => {
      const row = { key, value: JSON.stringify(reference), updated_at: at.getTime() };
      await db
        .insertInto('conversation_refs')
        .values(row)
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: row.value, updated_at: row.updated_at }))
        .execute();
    });
  }

  getConversationRef(key: string): Promise<unknown> {
    return this.run('getConversationRef', async (db) => {
      const row = await db.selectFrom('conversation_refs').select('value').where('key', '=', key).executeTakeFirst();
      return row ? JSON.parse(row.value) : undefined;
    });
  }

  openEscalation(draft: NewEscalation, at: Date): Promise<{ escalation: Escalation; created: boolean }> {
    return this.run('openEscalation', async (db) => {
      const existing = draft.originKey ? await this.byOrigin(db, draft.originKey) : undefined;
      if (existing) return { escalation: existing, created: false };
      try {
        const escalation = await db.transaction().execute(async (trx) => {
          const counter = await trx
            .updateTable('counters')
            .set((eb) => ({ value: eb('value', '+', 1) }))
            .where('name', '=', 'escalation')
            .returning('value')
            .executeTakeFirstOrThrow();
          const number = Number(counter.value);
          const id = escalationId(number);
          const inserted = await trx
            .insertInto('escalations')
            .values(escalationRow(id, number, draft, at.getTime()))
            .onConflict((oc) => oc.column('origin_key').doNothing())
            .returning('id')
            .executeTakeFirst();
          if (!inserted) throw new OriginTaken();
          await trx.insertInto('escalation_events').values(eventRow(id, { at, actor: draft.requester, action: 'opened', note: draft.note })).execute();
          return (await this.load(trx, id))!;
        });
        return { escalation, created: true };
      } catch (err) {
        // Another process opened one for this thread between our check and our insert.
        if (err instanceof OriginTaken && draft.originKey) return { escalation: (await this.byOrigin(db, draft.originKey))!, created: false };
        throw err;
      }
    });
  }

  getEscalation(id: string): Promise<Escalation | undefined> {
    return this.run('getEscalation', (db) => this.load(db, id));
  }

  changeEscalation(id: string, change: EscalationChange): Promise<Escalation | undefined> {
    return this.run('changeEscalation', (db) =>
      db.transaction().execute(async (trx) => {
        const at = change.event.at.getTime();
        const set: Partial<EscalationTable> = { status: change.to, updated_at: at };
        if (change.claimedBy !== undefined) set.claimed_by = change.claimedBy === null ? null : JSON.stringify(change.claimedBy);
        if (change.resolution !== undefined) set.resolution = change.resolution;
        if (change.to === 'open') Object.assign(set, { open_since: at, reminded_at: null });
        const updated = await trx.updateTable('escalations').set(set).where('id', '=', id).where('status', 'in', [...change.from]).returning('id').executeTakeFirst();
        if (!updated) return undefined;
        await trx.insertInto('escalation_events').values(eventRow(id, change.event)).execute();
        return this.load(trx, id);
      }),
    );
  }

  setSupportMessage(id: string, ref: MessageRef): Promise<void> {
    return this.run('setSupportMessage', async (db) => {
      await db.updateTable('escalations').set({ support_message: JSON.stringify(ref) }).where('id', '=', id).execute();
    });
  }

  listEscalations(filter: { status: readonly EscalationStatus[]; unposted?: boolean; limit: number }): Promise<Escalation[]> {
    return this.run('listEscalations', async (db) => {
      let query = db.selectFrom('escalations').selectAll().where('status', 'in', [...filter.status]);
      if (filter.unposted) query = query.where('support_message', 'is', null);
      return this.withHistory(db, await query.orderBy('created_at').orderBy('number').limit(filter.limit).execute());
    });
  }

  countEscalations(status: readonly EscalationStatus[]): Promise<number> {
    return this.run('countEscalations', async (db) => {
      const row = await db.selectFrom('escalations').select((eb) => eb.fn.countAll<number | string | bigint>().as('n')).where('status', 'in', [...status]).executeTakeFirst();
      return Number(row?.n ?? 0);
    });
  }

  dueReminders(openBefore: Date, limit: number): Promise<Escalation[]> {
    return this.run('dueReminders', async (db) => {
      const rows = await db
        .selectFrom('escalations')
        .selectAll()
        .where('status', '=', 'open')
        .where('reminded_at', 'is', null)
        .where('open_since', '<=', openBefore.getTime())
        .orderBy('created_at')
        .orderBy('number')
        .limit(limit)
        .execute();
      return this.withHistory(db, rows);
    });
  }

  markReminded(id: string, event: EscalationEvent): Promise<boolean> {
    return this.run('markReminded', (db) =>
      db.transaction().execute(async (trx) => {
        const taken = await trx
          .updateTable('escalations')
          .set({ reminded_at: event.at.getTime() })
          .where('id', '=', id)
          .where('status', '=', 'open')
          .where('reminded_at', 'is', null)
          .returning('id')
          .executeTakeFirst();
        if (!taken) return false;
        await trx.insertInto('escalation_events').values(eventRow(id, event)).execute();
        return true;
      }),
    );
  }

  takeLease(name: string, holder: string, ttlSeconds: number, now: Date): Promise<boolean> {
    return this.run('takeLease', (db) => watch.takeLease(db, name, holder, ttlSeconds, now));
  }

  releaseLease(name: string, holder: string): Promise<void> {
    return this.run('releaseLease', (db) => watch.releaseLease(db, name, holder));
  }

  getWatchCursor(name: string): Promise<Date | undefined> {
    return this.run('getWatchCursor', (db) => watch.getCursor(db, name));
  }

  setWatchCursor(name: string, at: Date): Promise<void> {
    return this.run('setWatchCursor', (db) => watch.setCursor(db, name, at));
  }

  addWatchAlerts(alerts: readonly WatchAlert[], now: Date): Promise<void> {
    return this.run('addWatchAlerts', (db) => watch.addAlerts(db, alerts, now));
  }

  dueWatchAlerts(reportedBefore: Date, limit: number): Promise<WatchAlert[]> {
    return this.run('dueWatchAlerts', (db) => watch.dueAlerts(db, reportedBefore, limit));
  }

  markWatchReported(keys: readonly string[], at: Date): Promise<void> {
    return this.run('markWatchReported', (db) => watch.markReported(db, keys, at));
  }

  recordDeletion(principal: DeletedPrincipal): Promise<void> {
    return this.run('recordDeletion', (db) => watch.recordDeletion(db, principal));
  }

  recentDeletions(since: Date): Promise<DeletedPrincipal[]> {
    return this.run('recentDeletions', (db) => watch.recentDeletions(db, since));
  }

  ping(): Promise<void> {
    return this.run('ping', async (db) => {
      await db.selectFrom('counters').select('name').limit(1).execute();
    });
  }

  sweep(now: Date): Promise<number> {
    return this.run('sweep', async (db) => {
      let removed = 0;
      for (const table of ['seen_events', 'answered_threads', 'thread_contexts'] as const) {
        const result = await db.deleteFrom(table).where('expires_at', '<=', now.getTime()).executeTakeFirst();
        removed += Number(result.numDeletedRows);
      }
      const kept = now.getTime() - LEARNING_RETENTION_DAYS * 86_400_000;
      for (const table of ['asked_messages', 'learning_signals'] as const) {
        const result = await db.deleteFrom(table).where('at', '<', kept).executeTakeFirst();
        removed += Number(result.numDeletedRows);
      }
      return removed + (await inboxQueries.sweep(db, now));
    });
  }

  async close(): Promise<void> {
    if (this.ackDb !== this.db) await this.ackDb.destroy();
    await this.db.destroy();
  }

  private async byOrigin(db: Kysely<Database>, originKey: string): Promise<Escalation | undefined> {
    const row = await db.selectFrom('escalations').select('id').where('origin_key', '=', originKey).executeTakeFirst();
    return row && this.load(db, row.id);
  }

  private async load(db: Kysely<Database> | Transaction<Database>, id: string): Promise<Escalation | undefined> {
    const row = await db.selectFrom('escalations').selectAll().where('id', '=', id).executeTakeFirst();
    return row && (await this.withHistory(db, [row]))[0];
  }

  private async withHistory(db: Kysely<Database>, rows: EscalationTable[]): Promise<Escalation[]> {
    if (rows.length === 0) return [];
    const events = await db
      .selectFrom('escalation_events')
      .selectAll()
      .where(
        'escalation_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('id')
      .execute();
    return rows.map((r) => toEscalation(r, events.filter((e) => e.escalation_id === r.id)));
  }
}

/**
 * Inserts the key, or takes over an expired one, in one statement; a row comes back only when
 * this caller won. Concurrent callers on PostgreSQL serialise on the row and re-check the WHERE.
 */
async function claimKey(db: Kysely<Database>, table: 'seen_events' | 'answered_threads', key: string, ttlSeconds: number, now: Date): Promise<boolean> {
  const t = now.getTime();
  const won = await db
    .insertInto(table)
    .values({ key, expires_at: t + ttlSeconds * 1000 })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet((eb) => ({ expires_at: eb.ref('excluded.expires_at') }))
        .where(`${table}.expires_at`, '<=', t),
    )
    .returning('key')
    .executeTakeFirst();
  return won !== undefined;
}
