import { AwsCheckError } from './aws-check-error';

export interface TokenBucketOptions {
  /** Tokens added per second (CloudTrail LookupEvents: 2 per account and region). */
  ratePerSecond: number;
  /** Most tokens held at once (requests that may go out back to back). */
  burst: number;
  /** Milliseconds clock; injectable for tests. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A token bucket shared by every caller of one rate-limited API. Callers queue by reserving a
 * token (the count may go negative) and sleeping until it is theirs, so the order is fair and the
 * rate holds across concurrent checks.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly opts: TokenBucketOptions) {
    this.now = opts.now ?? Date.now;
    this.sleep = opts.sleep ?? realSleep;
    this.tokens = opts.burst;
    this.last = this.now();
  }

  private refill(): void {
    const t = this.now();
    this.tokens = Math.min(this.opts.burst, this.tokens + ((t - this.last) / 1000) * this.opts.ratePerSecond);
    this.last = t;
  }

  /**
   * Waits for a token. Throws AwsCheckError('rate-limited') at once, without queueing, when the
   * wait would exceed `maxWaitMs` (the queue is too long to answer in time).
   */
  async take(action: string, maxWaitMs: number): Promise<void> {
    this.refill();
    this.tokens -= 1;
    if (this.tokens >= 0) return;
    const waitMs = Math.ceil((-this.tokens / this.opts.ratePerSecond) * 1000);
    if (waitMs > maxWaitMs) {
      this.tokens += 1;
      throw new AwsCheckError(
        'rate-limited',
        action,
        `Too many ${action} requests are queued (AWS allows ${this.opts.ratePerSecond} per second).`,
        'Try again in a few seconds.',
      );
    }
    await this.sleep(waitMs);
  }
}
