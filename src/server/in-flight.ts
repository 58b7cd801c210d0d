/**
 * Work that outlives its HTTP request (Slack and Teams are acknowledged first, answered after).
 * Graceful shutdown waits for it, up to a deadline, so no acknowledged event is dropped.
 */
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();

  /** Tracks `work` until it settles; returns it unchanged. */
  track<T>(work: Promise<T>): Promise<T> {
    const p = work.finally(() => this.running.delete(p));
    this.running.add(p);
    p.catch(() => undefined);
    return work;
  }

  get size(): number {
    return this.running.size;
  }

  /** Resolves when all tracked work has settled, or after `timeoutMs`; true if everything finished. */
  async drain(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.running.size > 0) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...this.running]),
        new Promise((r) => {
          timer = setTimeout(r, left);
        }),
      ]);
      clearTimeout(timer);
    }
    return true;
  }
}
