import Sqlite from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../src/core/ports/ports';
import { StoreError } from '../../src/core/ports/store-error';
import { migrations } from '../../src/store/migrations';
import { createStore } from '../../src/store/create-store';
import { mapStoreError } from '../../src/store/map-store-error';

describe('store errors', () => {
  const dir = mkdtempSync(join(tmpdir(), 'idc-store-err-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['postgres', { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5432' }, 'store-unavailable', /DATABASE_URL/],
    ['postgres', new Error('Connection terminated unexpectedly'), 'store-unavailable', /reconnects by itself/],
    ['postgres', new Error('timeout exceeded when trying to connect'), 'store-unavailable', /reachable/],
    ['postgres', { code: '57P01', message: 'terminating connection due to administrator command' }, 'store-unavailable', /running/],
    ['postgres', { code: '08006', message: 'connection failure' }, 'store-unavailable', /running/],
    ['postgres', { code: '42501', message: 'permission denied for schema public' }, 'store-failed', /create tables/],
    ['sqlite', { code: 'SQLITE_BUSY', message: 'database is locked' }, 'store-unavailable', /one bot process per SQLite file/],
    ['sqlite', { code: 'SQLITE_READONLY', message: 'attempt to write a readonly database' }, 'store-failed', /writable directory/],
    ['sqlite', { code: 'SQLITE_FULL', message: 'database or disk is full' }, 'store-failed', /free space/],
  ] as const)('%s %j → %s', (dialect, err, code, fix) => {
    const mapped = mapStoreError(err, 'firstSeen', dialect);
    expect(mapped).toBeInstanceOf(StoreError);
    expect(mapped.code).toBe(code);
    expect(mapped.fix).toMatch(fix);
    expect(mapped.cause).toBe(err);
  });

  it('runs migrations once, records them, and leaves a second start alone', async () => {
    const file = join(dir, 'twice.sqlite');
    const first = await createStore({ kind: 'sqlite', file }, silentLogger);
    await first.firstSeen('k', 60);
    await first.close();
    const second = await createStore({ kind: 'sqlite', file }, silentLogger);
    expect(await second.firstSeen('k', 60)).toBe(false); // same data, no re-created tables
    await second.close();
    const raw = new Sqlite(file, { readonly: true });
    expect(raw.prepare('select name from kysely_migration order by name').all()).toEqual(Object.keys(migrations('sqlite')).sort().map((name) => ({ name })));
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('stops the start with a clear error when a migration cannot be applied', async () => {
    const file = join(dir, 'foreign.sqlite');
    const raw = new Sqlite(file);
    raw.exec('create table escalations (something text)'); // another app's table in our file
    raw.close();
    const error = await createStore({ kind: 'sqlite', file }, silentLogger).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ code: 'store-migration', message: expect.stringMatching(/2025-01-01-001-initial failed: .*escalations/), fix: expect.stringMatching(/restart/) });
  });
});
