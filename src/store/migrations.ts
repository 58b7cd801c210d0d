import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import { FIRST_ESCALATION_NUMBER } from '../core/escalations/escalation-id';

export type Dialect = 'sqlite' | 'postgres';

/**
 * Versioned migrations, in code (no files to ship or find at run time). Kysely's Migrator runs
 * them in order at start and records them in `kysely_migration`; on PostgreSQL it holds an
 * advisory lock, so replicas starting together migrate once. Never edit a released migration:
 * add the next one.
 */
export function migrations(dialect: Dialect): Record<string, Migration> {
  const millis = dialect === 'postgres' ? 'bigint' : 'integer';
  const float = dialect === 'postgres' ? 'double precision' : 'real';
  const autoId = (db: Kysely<any>, table: string) =>
    dialect === 'postgres'
      ? db.schema.createTable(table).addColumn('id', 'bigserial', (c) => c.primaryKey())
      : db.schema.createTable(table).addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());

  return {
    '2025-01-01-001-initial': {
      async up(db: Kysely<any>) {
        for (const table of ['seen_events', 'answered_threads']) {
          await db.schema
            .createTable(table)
            .addColumn('key', 'text', (c) => c.primaryKey())
            .addColumn('expires_at', millis, (c) => c.notNull())
            .execute();
          await db.schema.createIndex(`${table}_expires_at`).on(table).column('expires_at').execute();
        }
        await db.schema
          .createTable('thread_contexts')
          .addColumn('key', 'text', (c) => c.primaryKey())
          .addColumn('value', 'text', (c) => c.notNull())
          .addColumn('at', millis, (c) => c.notNull())
          .addColumn('expires_at', millis, (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('conversation_refs')
          .addColumn('key', 'text', (c) => c.primaryKey())
          .addColumn('value', 'text', (c) => c.notNull())
          .addColumn('updated_at', millis, (c) => c.notNull())
          .execute();
        await autoId(db, 'audit_log')
          .addColumn('at', millis, (c) => c.notNull())
          .addColumn('actor', 'text', (c) => c.notNull())
          .addColumn('check_name', 'text', (c) => c.notNull())
          .addColumn('subject', 'text', (c) => c.notNull())
          .addColumn('outcome', 'text', (c) => c.notNull())
          .addColumn('detail', 'text')
          .execute();
        await autoId(db, 'answers')
          .addColumn('article_id', 'text', (c) => c.notNull())
          .addColumn('confidence', float, (c) => c.notNull())
          .addColumn('message_hash', 'text', (c) => c.notNull())
          .addColumn('platform', 'text', (c) => c.notNull())
          .addColumn('at', millis, (c) => c.notNull())
          .execute();
        await db.schema.createIndex('answers_article_id').on('answers').column('article_id').execute();
        await db.schema
          .createTable('feedback')
          .addColumn('article_id', 'text', (c) => c.notNull())
          .addColumn('message_hash', 'text', (c) => c.notNull())
          .addColumn('voter', 'text', (c) => c.notNull())
          .addColumn('helpful', 'integer', (c) => c.notNull())
          .addColumn('actor', 'text', (c) => c.notNull())
          .addColumn('at', millis, (c) => c.notNull())
          .addPrimaryKeyConstraint('feedback_pk', ['article_id', 'message_hash', 'voter'])
          .execute();
        await db.schema
          .createTable('counters')
          .addColumn('name', 'text', (c) => c.primaryKey())
          .addColumn('value', millis, (c) => c.notNull())
          .execute();
        await db.insertInto('counters').values({ name: 'escalation', value: FIRST_ESCALATION_NUMBER - 1 }).execute();
        await db.schema
          .createTable('escalations')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('number', 'integer', (c) => c.notNull().unique())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('created_at', millis, (c) => c.notNull())
          .addColumn('updated_at', millis, (c) => c.notNull())
          .addColumn('open_since', millis, (c) => c.notNull())
          .addColumn('reminded_at', millis)
          .addColumn('requester', 'text', (c) => c.notNull())
          .addColumn('origin', 'text', (c) => c.notNull())
          .addColumn('origin_key', 'text', (c) => c.unique())
          .addColumn('text', 'text', (c) => c.notNull())
          .addColumn('article_id', 'text')
          .addColumn('confidence', float)
          .addColumn('checks', 'text', (c) => c.notNull())
          .addColumn('note', 'text')
          .addColumn('claimed_by', 'text')
          .addColumn('resolution', 'text')
          .addColumn('support_message', 'text')
          .execute();
        await db.schema.createIndex('escalations_status_created').on('escalations').columns(['status', 'created_at']).execute();
        await autoId(db, 'escalation_events')
          .addColumn('escalation_id', 'text', (c) => c.notNull().references('escalations.id').onDelete('cascade'))
          .addColumn('at', millis, (c) => c.notNull())
          .addColumn('actor', 'text', (c) => c.notNull())
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('note', 'text')
          .execute();
        await db.schema.createIndex('escalation_events_escalation').on('escalation_events').columns(['escalation_id', 'id']).execute();
      },
      async down(db: Kysely<any>) {
        for (const t of ['escalation_events', 'escalations', 'counters', 'feedback', 'answers', 'audit_log', 'conversation_refs', 'thread_contexts', 'answered_threads', 'seen_events']) {
          await db.schema.dropTable(t).ifExists().execute();
        }
      },
    },
    '2026-12-01-002-learning': {
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('asked_messages')
          .addColumn('message_hash', 'text', (c) => c.primaryKey())
          .addColumn('text', 'text', (c) => c.notNull())
          .addColumn('outcome', 'text', (c) => c.notNull())
          .addColumn('article_id', 'text')
          .addColumn('confidence', float)
          .addColumn('platform', 'text', (c) => c.notNull())
          .addColumn('at', millis, (c) => c.notNull())
          .execute();
        await db.schema.createIndex('asked_messages_at').on('asked_messages').column('at').execute();
        await autoId(db, 'learning_signals')
          .addColumn('message_hash', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('article_id', 'text')
          .addColumn('actor', 'text', (c) => c.notNull())
          .addColumn('at', millis, (c) => c.notNull())
          .execute();
        await db.schema.createIndex('learning_signals_hash').on('learning_signals').column('message_hash').execute();
      },
      async down(db: Kysely<any>) {
        await db.schema.dropTable('learning_signals').ifExists().execute();
        await db.schema.dropTable('asked_messages').ifExists().execute();
      },
    },
    '2026-12-01-003-inbox': {
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('inbox')
          .addColumn('key', 'text', (c) => c.primaryKey())
          .addColumn('platform', 'text', (c) => c.notNull())
          .addColumn('payload', 'text', (c) => c.notNull())
          .addColumn('received_at', millis, (c) => c.notNull())
          .addColumn('owner', 'text', (c) => c.notNull())
          .addColumn('lease_until', millis, (c) => c.notNull())
          .addColumn('attempts', 'integer', (c) => c.notNull())
          .addColumn('done_at', millis)
          .addColumn('answering_at', millis)
          .execute();
        // Recovery looks for unfinished entries by lease; the sweep for old finished ones.
        await db.schema.createIndex('inbox_unfinished').on('inbox').columns(['done_at', 'lease_until']).execute();
      },
      async down(db: Kysely<any>) {
        await db.schema.dropTable('inbox').ifExists().execute();
      },
    },
    /** The CloudTrail watcher: its lease (one replica watches), cursor, pending summaries and deletions. */
    '2026-12-01-004-watch': {
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('watch_leases')
          .addColumn('name', 'text', (c) => c.primaryKey())
          .addColumn('holder', 'text', (c) => c.notNull())
          .addColumn('expires_at', millis, (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('watch_cursors')
          .addColumn('name', 'text', (c) => c.primaryKey())
          .addColumn('at', millis, (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('watch_alerts')
          .addColumn('key', 'text', (c) => c.primaryKey())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('subject', 'text', (c) => c.notNull())
          .addColumn('article', 'text')
          .addColumn('detail', 'text', (c) => c.notNull())
          .addColumn('fix', 'text')
          .addColumn('check_json', 'text')
          .addColumn('count', 'integer', (c) => c.notNull())
          .addColumn('first_at', millis, (c) => c.notNull())
          .addColumn('last_at', millis, (c) => c.notNull())
          .addColumn('reported_at', millis)
          .addColumn('updated_at', millis, (c) => c.notNull())
          .execute();
        await db.schema.createIndex('watch_alerts_due').on('watch_alerts').columns(['count', 'reported_at']).execute();
        await db.schema
          .createTable('watch_deletions')
          .addColumn('key', 'text', (c) => c.primaryKey())
          .addColumn('principal_type', 'text', (c) => c.notNull())
          .addColumn('principal_id', 'text', (c) => c.notNull())
          .addColumn('at', millis, (c) => c.notNull())
          .execute();
      },
      async down(db: Kysely<any>) {
        for (const t of ['watch_deletions', 'watch_alerts', 'watch_cursors', 'watch_leases']) await db.schema.dropTable(t).ifExists().execute();
      },
    },
  };
}
