/**
 * Short-lived cache that also coalesces identical in-flight loads: ten people clicking "Sign-in
 * trail" for the same user cost one CloudTrail lookup. Failures are not cached.
 */
export class CoalescingCache<T> {
  private readonly done = new Map<string, { value: T; expires: number }>();
  private readonly pending = new Map<string, Promise<T>>();

  constructor(
    /** How long a result stays fresh, in milliseconds. */
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
    private readonly maxEntries = 500,
    /** Results for which this is false are shared with concurrent callers but not kept. */
    private readonly keep: (value: T) => boolean = () => true,
  ) {}

  async get(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.done.get(key);
    if (hit && hit.expires > this.now()) return hit.value;
    const inFlight = this.pending.get(key);
    if (inFlight) return inFlight;
    const promise = load().then(
      (value) => {
        this.pending.delete(key);
        if (this.keep(value)) this.done.set(key, { value, expires: this.now() + this.ttlMs });
        this.evict();
        return value;
      },
      (err: unknown) => {
        this.pending.delete(key);
        throw err;
      },
    );
    this.pending.set(key, promise);
    return promise;
  }

  private evict(): void {
    if (this.done.size <= this.maxEntries) return;
    const t = this.now();
    for (const [k, v] of this.done) if (v.expires <= t) this.done.delete(k);
    // Still too many: drop the oldest insertions (Map keeps insertion order).
    for (const k of this.done.keys()) {
      if (this.done.size <= this.maxEntries) break;
      this.done.delete(k);
    }
  }
}
