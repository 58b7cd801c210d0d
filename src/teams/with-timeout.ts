/** Rejected by `withTimeout` when the work did not settle in time. */
export class TimeoutError extends Error {
  readonly code = 'timeout';
  constructor(
    readonly what: string,
    readonly ms: number,
  ) {
    super(`${what} did not answer within ${ms} ms`);
    this.name = 'TimeoutError';
  }
}

/** Settles with `work` or rejects with TimeoutError after `ms`; the timer never keeps the process alive. */
export function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(what, ms)), ms);
    timer.unref();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export type Settled<T> = { done: true; value: T } | { done: false };

/** Waits up to `ms` for `work`: its value if it finished, `{ done: false }` if it is still running. Rejections pass through. */
export function settleWithin<T>(work: Promise<T>, ms: number): Promise<Settled<T>> {
  let timer: NodeJS.Timeout | undefined;
  const later = new Promise<Settled<T>>((resolve) => {
    timer = setTimeout(() => resolve({ done: false }), ms);
    timer.unref();
  });
  return Promise.race([work.then((value): Settled<T> => ({ done: true, value })), later]).finally(() => clearTimeout(timer));
}
