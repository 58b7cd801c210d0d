import { Matcher, MAX_MATCH_CHARS } from '../../src/match/index';
import { shippedArticles } from '../helpers/builders';

const matcher = new Matcher(shippedArticles());

/** Generous bound for one call on a shared CI machine; the bench measures real latency. */
const FAST_MS = 100;

function timed<T>(f: () => T): { value: T; ms: number } {
  const t0 = process.hrtime.bigint();
  const value = f();
  return { value, ms: Number(process.hrtime.bigint() - t0) / 1e6 };
}

describe('Matcher on bad input', () => {
  beforeAll(() => matcher.match('warm up the JIT with Request is unparsable, syntactically incorrect, or violates schema'));

  it.each([
    ['empty', ''],
    ['whitespace only', ' \n\t\r  \u00a0'],
    ['only an empty code fence', ' ```\n``` '],
  ])('says %s is empty', (_name, text) => {
    const r = matcher.match(text);
    expect(r.silence).toBe('empty');
    expect(r.matches).toEqual([]);
  });

  it('reads a 40,000+ character paste on its first MAX_MATCH_CHARS and says so', () => {
    const text = `Request is unparsable, syntactically incorrect, or violates schema\n${'log line without meaning '.repeat(2000)}`;
    expect(text.length).toBeGreaterThan(40_000);
    const { value: r, ms } = timed(() => matcher.match(text));
    expect(r.truncated).toBe(true);
    expect(r.inputChars).toBe(text.length);
    expect(r.matches[0]?.articleId).toBe('scim-sync-user-fails');
    expect(ms).toBeLessThan(FAST_MS);
    // Something only past the limit is not read.
    const late = `${'x '.repeat(MAX_MATCH_CHARS)} Request is unparsable, syntactically incorrect, or violates schema`;
    expect(matcher.match(late).matches).toEqual([]);
  });

  it('recognises binary junk and stays silent', () => {
    const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256)).toString('latin1');
    const r = matcher.match(junk);
    expect(r.silence).toBe('binary');
    expect(r.matches).toEqual([]);
  });

  it('treats invalid UTF-8 (0xff bytes decoded) as binary, without throwing', () => {
    const decoded = Buffer.from([0xff, 0xfe, 0xff, 0x00, 0xc3, 0x28, ...Array(500).fill(0xff)]).toString('utf8');
    expect(decoded).toContain('\uFFFD');
    expect(matcher.match(decoded).silence).toBe('binary');
  });

  it('still reads an error next to a few replacement characters', () => {
    const text = `\uFFFD\uFFFD Invalid MFA credentials when signing in via Okta`;
    expect(matcher.match(text).matches[0]?.articleId).toBe('invalid-mfa-credentials');
  });

  it('reads a giant JSON paste quickly and finds the failed record in it', () => {
    const records = Array.from({ length: 2000 }, (_, i) => ({
      eventVersion: '1.08',
      eventSource: 'signin.amazonaws.com',
      eventName: i === 3 ? 'ExternalIdPDirectoryLogin' : 'UserAuthentication',
      errorMessage: i === 3 ? 'Response contains invalid name id policy format' : undefined,
      requestID: `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`,
    }));
    const text = JSON.stringify({ Records: records }, null, 2);
    expect(text.length).toBeGreaterThan(300_000);
    const { value: r, ms } = timed(() => matcher.match(text));
    expect(r.truncated).toBe(true);
    expect(r.matches[0]?.articleId).toBe('external-idp-unexpected-error');
    expect(ms).toBeLessThan(FAST_MS);
  });

  it.each([
    ['100k of "a"', 'a'.repeat(100_000)],
    ['100k of "a@"', 'a@'.repeat(50_000)],
    ['100k of "a."', 'a.'.repeat(50_000)],
    ['long local parts before "@"', `${'a'.repeat(70)}@${'b'.repeat(70)}.`.repeat(700)],
    ['nested quotes', '"\\"'.repeat(30_000)],
    ['unbalanced braces', '{"eventName": "x", '.repeat(5000)],
    ['repeated record starts', '"eventVersion": "1", "eventName": "x", "errorCode": "E", '.repeat(2000)],
    ['ARN prefixes', 'arn:aws:iam::123456789012:'.repeat(4000)],
    ['sessionIssuer without an end', '"sessionIssuer": {'.repeat(5000)],
    ['thousands of distinct misspellings', Array.from({ length: 5000 }, (_, i) => `provisioningx${i.toString(36)}`).join(' ')],
    ['combining marks and ligatures', 'e\u0301\uFB01\u{1D552}'.repeat(20_000)],
  ])('stays fast on %s', (_name, text) => {
    const { value: r, ms } = timed(() => matcher.match(text));
    expect(ms).toBeLessThan(FAST_MS);
    expect(Array.isArray(r.matches)).toBe(true);
  });

  it('never throws on lone surrogates and control characters', () => {
    const text = `\uD800abc\uDFFF\u0000\u0007 Cannot perform the operation on the protected role 'AWSReservedSSO_A_1'`;
    expect(matcher.match(text).matches[0]?.articleId).toBe('protected-role-awsreservedsso');
  });
});
