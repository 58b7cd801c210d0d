import { StoreError } from '../core/ports/store-error';
import type { Dialect } from './migrations';

/** Network-level failures: the database is down, restarting, or unreachable. */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'EAI_AGAIN']);
const UNREACHABLE_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connection error|not queryable|terminating connection/i;

/**
 * Maps a driver error (pg, better-sqlite3) to a StoreError with a fix for the operator.
 * PostgreSQL SQLSTATE class 08 (connection exception) and 57P01–57P03 (shutdown, cannot connect
 * now) mean "unavailable"; SQLITE_BUSY means another process holds the write lock longer than
 * the 5 s busy timeout.
 */
export function mapStoreError(err: unknown, operation: string, dialect: Dialect): StoreError {
  if (err instanceof StoreError) return err;
  const e = err as { code?: unknown; message?: unknown };
  const code = typeof e?.code === 'string' ? e.code : '';
  const message = typeof e?.message === 'string' ? e.message : String(err);
  if (dialect === 'postgres') {
    if (UNREACHABLE_CODES.has(code) || code.startsWith('08') || /^57P0[123]$/.test(code) || UNREACHABLE_MESSAGES.test(message)) {
      return new StoreError(
        'store-unavailable',
        `PostgreSQL is unreachable (${operation}: ${code || message})`,
        'Check that the PostgreSQL server in DATABASE_URL is running and reachable from the bot; it reconnects by itself when the server is back.',
        { cause: err },
      );
    }
    return new StoreError('store-failed', `PostgreSQL refused ${operation}: ${message}`, 'See the cause in the log; check the database user may create tables and write in its schema.', {
      cause: err,
    });
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new StoreError('store-unavailable', `The SQLite file is locked (${operation})`, 'Another process holds the SQLite write lock: run one bot process per SQLite file, or use DATABASE_URL (PostgreSQL) for several.', {
      cause: err,
    });
  }
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY') || code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR') || code === 'SQLITE_PERM') {
    return new StoreError('store-failed', `The SQLite file cannot be written (${operation}: ${code})`, 'Make DATA_DIR a writable directory with free space (default ./data), or set DATABASE_URL.', {
      cause: err,
    });
  }
  return new StoreError('store-failed', `Store operation ${operation} failed: ${message}`, 'See the cause in the log.', { cause: err });
}
