/**
 * The database going away and coming back, through a TCP proxy in front of the real server:
 * answers keep flowing, escalating says it was not recorded, nothing half-written is left,
 * and the same store instance works again when the server is back.
 */
import { Client } from 'pg';
import { StoreError } from '../../src/core/ports/store-error';
import { createStore, type KyselyStore } from '../../src/store/create-store';
import { renderText } from '../../src/render/render-text';
import { buildEscalations } from '../helpers/build-escalations';
import { describePostgres, freshSchema, testDatabaseUrl, type TestSchema } from '../helpers/postgres';
import { TcpProxy } from '../helpers/tcp-proxy';
import { draft } from './store-contract';
import type { Logger } from '../../src/core/ports/ports';

const warnings: string[] = [];
const logger: Logger = {
  debug() {},
  info() {},
  warn: (_o, msg) => void warnings.push(msg ?? ''),
  error: (_o, msg) => void warnings.push(msg ?? ''),
  child: () => logger,
};
const fast = { connectTimeoutMs: 1_000, queryTimeoutMs: 3_000 };

describePostgres('PostgreSQL going away and coming back', () => {
  let schema: TestSchema;
  let proxy: TcpProxy;
  let proxiedUrl: string;
  const stores: KyselyStore[] = [];

  beforeAll(async () => {
    schema = await freshSchema();
    const u = new URL(schema.url);
    proxy = await TcpProxy.start(u.hostname, Number(u.port || 5432));
    u.port = String(proxy.port);
    proxiedUrl = u.toString();
  });
  beforeEach(() => {
    proxy.up();
    warnings.length = 0;
  });
  afterAll(async () => {
    for (const s of stores) await s.close().catch(() => undefined);
    await proxy?.close();
    await schema?.drop();
  });

  async function open(): Promise<KyselyStore> {
    const store = await createStore({ kind: 'postgres', url: proxiedUrl }, logger, fast);
    stores.push(store);
    return store;
  }

  async function count(sql: string): Promise<number> {
    const client = new Client({ connectionString: schema.url });
    await client.connect();
    try {
      return Number((await client.query(sql)).rows[0].n);
    } finally {
      await client.end();
    }
  }

  it('answers from the knowledge base while down, refuses to escalate clearly, and recovers on the same pool', async () => {
    const store = await open();
    const w = buildEscalations({ store, logger });
    const thread = { platform: 'slack' as const, channelId: 'C0OUT', threadId: '1.1' };
    const actor = { platform: 'slack' as const, id: 'U0ALICE', name: 'Alice' };
    await store.ping();

    proxy.down();
    await expect(store.ping()).rejects.toMatchObject({ code: 'store-unavailable', fix: expect.stringMatching(/DATABASE_URL/) });
    await expect(store.firstSeen('slack:event:EvDown', 60)).rejects.toBeInstanceOf(StoreError);
    const answer = await w.assistant.handle({ text: 'Request is unparsable, syntactically incorrect, or violates schema', trigger: 'mention', actor, conversation: thread });
    expect(answer?.articleId).toBe('scim-sync-user-fails');
    const escalated = await w.assistant.handle({ text: 'escalate', trigger: 'mention', actor, conversation: thread });
    expect(renderText(escalated!)).toMatch(/Could not record the escalation[\s\S]*Nothing was saved/);
    expect(w.desk.posts).toHaveLength(0);
    await w.memory.idle();

    proxy.up();
    await store.ping();
    const later = await w.assistant.handle({ text: 'escalate', trigger: 'mention', actor, conversation: thread });
    expect(renderText(later!)).toMatch(/Escalated as ESC-1001/);
  });

  it('leaves nothing half-written when the connection dies inside the escalation transaction', async () => {
    const store = await open();
    const before = await count('select count(*) as n from escalations');
    const counter = await count(`select value as n from counters where name = 'escalation'`);
    proxy.cutWhenSent('insert into "escalations"');
    await expect(store.openEscalation(draft('cut-thread'), new Date())).rejects.toMatchObject({ code: 'store-unavailable' });
    expect(await count('select count(*) as n from escalations')).toBe(before);
    expect(await count(`select count(*) as n from escalation_events e where not exists (select 1 from escalations x where x.id = e.escalation_id)`)).toBe(0);
    expect(await count(`select value as n from counters where name = 'escalation'`)).toBe(counter);
    const retried = await store.openEscalation(draft('cut-thread'), new Date());
    expect(retried).toMatchObject({ created: true, escalation: { id: `ESC-${counter + 1}` } });
  });

  it('starts while the database is down and migrates when it comes back', async () => {
    const fresh = await freshSchema();
    const u = new URL(fresh.url);
    u.port = String(proxy.port);
    proxy.down();
    const store = await createStore({ kind: 'postgres', url: u.toString() }, logger, fast);
    try {
      expect(warnings.join('\n')).toMatch(/unreachable at start/);
      await expect(store.ping()).rejects.toMatchObject({ code: 'store-unavailable' });
      proxy.up();
      expect((await store.openEscalation(draft('after-start'), new Date())).escalation.id).toBe('ESC-1001');
    } finally {
      await store.close();
      await fresh.drop();
    }
  });

  it('survives the server terminating its connections (pg_terminate_backend) without crashing', async () => {
    const app = `idc_term_${process.pid}`;
    const u = new URL(schema.url);
    u.searchParams.set('application_name', app);
    const store = await createStore({ kind: 'postgres', url: u.toString() }, logger, fast);
    stores.push(store);
    await Promise.all([store.ping(), store.ping(), store.ping()]);
    const admin = new Client({ connectionString: testDatabaseUrl });
    await admin.connect();
    const killed = await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1', [app]);
    await admin.end();
    expect(killed.rowCount).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 100));
    // The pool drops the dead clients (logging it) and connects afresh.
    await store.ping();
    expect(await store.firstSeen('slack:event:AfterTerminate', 60)).toBe(true);
    expect(warnings.some((w) => /connection lost/.test(w))).toBe(true);
  });
});
