/**
 * The one coded error type: a stable `code` (for logs, metrics and callers' checks), a `message`
 * saying what happened, and a `fix` telling the operator what to do. Configuration, store, chat
 * platform, listen, knowledge base and AWS errors all extend it, so `main.ts` has one catch that
 * prints the two lines and exits 2. Messages and fixes never echo a secret's value.
 */
export class AppError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    message: string,
    readonly fix: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}
