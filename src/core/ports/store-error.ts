import { AppError } from '../app-error';

/**
 * A store operation failed. `code` tells callers what happened; `fix` tells the operator what to
 * do; `cause` keeps the driver's error for the log. Users only ever see a sentence about it.
 */
export type StoreErrorCode =
  /** The database cannot be reached (refused, timed out, connection lost, busy). Retrying later may work. */
  | 'store-unavailable'
  /** The database answered with an error (disk full, read-only, schema). Retrying will not help. */
  | 'store-failed'
  /** Migrations could not be applied at start. */
  | 'store-migration';

export class StoreError extends AppError<StoreErrorCode> {
  constructor(code: StoreErrorCode, message: string, fix: string, options?: { cause?: unknown }) {
    super(code, message, fix, options);
    this.name = 'StoreError';
  }
}

export function isStoreError(err: unknown): err is StoreError {
  return err instanceof StoreError;
}
