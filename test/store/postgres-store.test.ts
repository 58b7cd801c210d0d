import { Client } from 'pg';
import { silentLogger } from '../../src/core/ports/ports';
import { createStore } from '../../src/store/create-store';
import { describePostgres, freshSchema, type TestSchema } from '../helpers/postgres';
import { storeContract } from './store-contract';

const TABLES = ['seen_events', 'answered_threads', 'thread_contexts', 'conversation_refs', 'audit_log', 'answers', 'feedback', 'escalation_events', 'escalations', 'watch_leases', 'watch_cursors', 'watch_alerts', 'watch_deletions', 'inbox'];

describePostgres('PostgreSQL store', () => {
  let schema: TestSchema;
  beforeAll(async () => {
    schema = await freshSchema();
    await (await createStore({ kind: 'postgres', url: schema.url }, silentLogger)).close(); // migrate once
  });
  afterAll(async () => {
    await schema?.drop();
  });

  // One migrated schema per file; every test starts from empty tables and a fresh id counter.
  storeContract(async () => {
    const client = new Client({ connectionString: schema.url });
    await client.connect();
    await client.query(`TRUNCATE ${TABLES.join(', ')} RESTART IDENTITY; UPDATE counters SET value = 1000`);
    await client.end();
    return createStore({ kind: 'postgres', url: schema.url }, silentLogger);
  });
});
