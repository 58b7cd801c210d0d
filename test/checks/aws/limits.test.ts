import { AwsCheckError, toAwsCheckError } from '../../../src/checks/aws/aws-check-error';
import { callAws } from '../../../src/checks/aws/call-aws';
import { CoalescingCache } from '../../../src/core/coalescing-cache';
import { TokenBucket } from '../../../src/checks/aws/token-bucket';

function fakeTime() {
  let t = 0;
  const sleeps: number[] = [];
  return {
    now: () => t,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      t += ms;
    },
    advance: (ms: number) => {
      t += ms;
    },
    sleeps,
  };
}

describe('TokenBucket', () => {
  it('lets the burst through, then spaces requests at the rate', async () => {
    const time = fakeTime();
    const bucket = new TokenBucket({ ratePerSecond: 2, burst: 2, now: time.now, sleep: time.sleep });
    for (let i = 0; i < 5; i++) await bucket.take('cloudtrail:LookupEvents', 10_000);
    expect(time.sleeps).toEqual([500, 500, 500]);
  });

  it('queues concurrent callers fairly', async () => {
    const time = fakeTime();
    const bucket = new TokenBucket({ ratePerSecond: 2, burst: 1, now: time.now, sleep: async (ms) => void time.sleeps.push(ms) });
    await Promise.all([1, 2, 3].map(() => bucket.take('x', 10_000)));
    expect(time.sleeps).toEqual([500, 1000]);
  });

  it('refuses at once when the queue is longer than the caller can wait, and keeps the slot free', async () => {
    const time = fakeTime();
    const bucket = new TokenBucket({ ratePerSecond: 2, burst: 1, now: time.now, sleep: async (ms) => void time.sleeps.push(ms) });
    await bucket.take('cloudtrail:LookupEvents', 0);
    await expect(bucket.take('cloudtrail:LookupEvents', 100)).rejects.toMatchObject({ code: 'rate-limited', action: 'cloudtrail:LookupEvents' });
    time.advance(500);
    await bucket.take('cloudtrail:LookupEvents', 0);
    expect(time.sleeps).toEqual([]);
  });
});

describe('CoalescingCache', () => {
  it('coalesces identical in-flight loads and reuses the result until it expires', async () => {
    const time = fakeTime();
    const cache = new CoalescingCache<number>(60_000, time.now);
    let loads = 0;
    const load = async () => {
      loads++;
      await Promise.resolve();
      return loads;
    };
    expect(await Promise.all([cache.get('k', load), cache.get('k', load), cache.get('k', load)])).toEqual([1, 1, 1]);
    time.advance(59_999);
    expect(await cache.get('k', load)).toBe(1);
    time.advance(1);
    expect(await cache.get('k', load)).toBe(2);
    expect(await cache.get('other', load)).toBe(3);
  });

  it('does not cache failures, nor values it is told not to keep', async () => {
    const cache = new CoalescingCache<string>(60_000, Date.now, 10, (v) => v !== 'partial');
    await expect(cache.get('k', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await cache.get('k', async () => 'partial')).toBe('partial');
    expect(await cache.get('k', async () => 'full')).toBe('full');
    expect(await cache.get('k', async () => 'again')).toBe('full');
  });

  it('stays bounded', async () => {
    const cache = new CoalescingCache<number>(60_000, Date.now, 3);
    for (let i = 0; i < 10; i++) await cache.get(`k${i}`, async () => i);
    expect(await cache.get('k0', async () => -1)).toBe(-1);
    expect(await cache.get('k9', async () => -1)).toBe(9);
  });
});

describe('toAwsCheckError', () => {
  const sdkError = (name: string, status = 400) => Object.assign(new Error('x'), { name, $metadata: { httpStatusCode: status } });

  it.each([
    ['ThrottlingException', 'throttled', /AWS throttled identitystore:GetUserId/],
    ['AccessDeniedException', 'access-denied', /may not call identitystore:GetUserId.*Allow identitystore:GetUserId/],
    ['ExpiredTokenException', 'credentials', /no valid AWS credentials/],
    ['CredentialsProviderError', 'credentials', /default chain/],
    ['AbortError', 'timeout', /did not answer within 5000 ms/],
    ['TimeoutError', 'timeout', /AWS_CALL_TIMEOUT_MS/],
    ['ResourceNotFoundException', 'not-found', /not found/],
    ['ValidationException', 'invalid-request', /IDC_IDENTITY_STORE_ID/],
    ['InternalServerException', 'aws-error', /failed \(InternalServerException\)/],
  ])('maps %s to %s with a fix', (name, code, line) => {
    const e = toAwsCheckError(sdkError(name), 'identitystore:GetUserId', 5000);
    expect(e).toBeInstanceOf(AwsCheckError);
    expect(e.code).toBe(code);
    expect(e.line).toMatch(line);
    expect(e.cause).toBeDefined();
  });

  it('maps network failures and HTTP 429/403 without a known name', () => {
    expect(toAwsCheckError(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }), 'a:B').code).toBe('unreachable');
    expect(toAwsCheckError(sdkError('Weird', 429), 'a:B').code).toBe('throttled');
    expect(toAwsCheckError(sdkError('Weird', 403), 'a:B').code).toBe('access-denied');
    expect(toAwsCheckError(undefined, 'a:B').code).toBe('aws-error');
  });
});

describe('callAws', () => {
  it('settles on time even when the call never does, and aborts it', async () => {
    let aborted = false;
    const started = Date.now();
    await expect(
      callAws('cloudtrail:LookupEvents', 50, (signal) => {
        signal.addEventListener('abort', () => (aborted = true));
        return new Promise(() => {});
      }),
    ).rejects.toMatchObject({ code: 'timeout', action: 'cloudtrail:LookupEvents' });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(aborted).toBe(true);
  });

  it('passes results through', async () => {
    expect(await callAws('a:B', 1000, async () => 42)).toBe(42);
  });
});
