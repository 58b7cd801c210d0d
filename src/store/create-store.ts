import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type Sqlite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { Pool } from 'pg';
import type { StoreConfig } from '../config/load-config';
import type { Logger } from '../core/ports/ports';
import { StoreError } from '../core/ports/store-error';
import { KyselyStore } from './kysely-store';

export type { KyselyStore };
import { mapStoreError } from './map-store-error';
import type { Database } from './schema';

export interface PostgresTuning {
  /** Connections per process (default 5: a chat bot's writes are small and rare). */
  max?: number;
  /** How long to wait for a connection before calling the database unavailable (default 3 s). */
  connectTimeoutMs?: number;
  /** Longest a query may run (default 10 s): a hung server must not hang a reply. */
  queryTimeoutMs?: number;
}

/**
 * Opens the configured store and applies migrations. SQLite: the file (and its directory) is
 * created, WAL journal, 5 s busy timeout. PostgreSQL: a pool that reconnects by itself; when the
 * server is unreachable at start the bot starts anyway (answers do not need the store) and
 * migrations are retried before the next store operation.
 */
export async function createStore(config: StoreConfig, logger: Logger, tuning: PostgresTuning = {}): Promise<KyselyStore> {
  // Only the driver in use is loaded (each is tens of ms at start).
  const store = config.kind === 'sqlite' ? openSqlite((await import('better-sqlite3')).default, config.file) : openPostgres(await import('pg'), config.url, logger, tuning);
  try {
    await store.migrate();
  } catch (err) {
    if (store.dialect === 'postgres' && err instanceof StoreError && err.code === 'store-unavailable') {
      logger.warn({ err: err.message, fix: err.fix }, 'PostgreSQL is unreachable at start: answers work, escalations and feedback fail until it is back');
      return store;
    }
    await store.close().catch(() => undefined);
    throw err;
  }
  return store;
}

function openSqlite(Database: typeof Sqlite, file: string): KyselyStore {
  let database: Sqlite.Database;
  try {
    mkdirSync(dirname(file), { recursive: true });
    database = new Database(file);
    database.pragma('journal_mode = WAL');
    database.pragma('busy_timeout = 5000');
    database.pragma('synchronous = NORMAL');
    database.pragma('foreign_keys = ON');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (/^(E|SQLITE_CANTOPEN|SQLITE_READONLY|SQLITE_PERM|SQLITE_NOTADB)/.test(code)) {
      throw new StoreError('store-failed', `Cannot open the SQLite store at ${file} (${code})`, 'Make DATA_DIR a writable directory (default ./data), not a file, or set DATABASE_URL for PostgreSQL.', {
        cause: err,
      });
    }
    throw mapStoreError(err, 'open', 'sqlite');
  }
  return new KyselyStore(new Kysely<Database>({ dialect: new SqliteDialect({ database }) }), 'sqlite');
}

type Pg = typeof import('pg');

function openPostgres(pg: Pg, url: string, logger: Logger, tuning: PostgresTuning): KyselyStore {
  const dialect = (max: number) => new PostgresDialect({ pool: openPool(pg, url, logger, tuning, max) });
  // The inbox write that comes before each ack has connections of its own (4: each insert waits for
  // its commit to reach the disk, a few ms): under load it must not queue behind the work of
  // deliveries already acknowledged.
  return new KyselyStore(new Kysely<Database>({ dialect: dialect(tuning.max ?? 5) }), 'postgres', new Kysely<Database>({ dialect: dialect(4) }));
}

function openPool(pg: Pg, url: string, logger: Logger, tuning: PostgresTuning, max: number): Pool {
  // BIGINT (oid 20) columns hold epoch milliseconds and counts: well inside Number's safe range.
  const types = new pg.TypeOverrides();
  types.setTypeParser(20, (v: string) => Number(v));
  const pool = new pg.Pool({
    connectionString: url,
    max,
    connectionTimeoutMillis: tuning.connectTimeoutMs ?? 3_000,
    query_timeout: tuning.queryTimeoutMs ?? 10_000,
    idleTimeoutMillis: 30_000,
    types,
  });
  // A client whose server goes away emits 'error'; an emitter without a listener throws, which
  // would end the process. Idle clients: the pool re-emits here, drops the client and connects
  // afresh on the next query. Clients in use (checked out by Kysely): their query rejects too,
  // and the caller maps and logs that, so the client's own event only needs a listener.
  pool.on('error', (err) => logger.warn({ err: err.message }, 'PostgreSQL connection lost; the pool reconnects on the next query'));
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}
