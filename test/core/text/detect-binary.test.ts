import { hasNonTextChars, looksBinary, NON_TEXT_CHARS, nonTextShare } from '../../../src/core/text/detect-binary';

const randomBytes = Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 97 + 13) % 256));

describe('detect-binary', () => {
  it('treats tab, line breaks and any printable script as text', () => {
    const text = 'Invalid SAML\tresponse\r\nÜmlaut, 日本語, emoji 🙂, non-breaking\u00a0space';
    expect(hasNonTextChars(text)).toBe(false);
    expect(nonTextShare(text)).toBe(0);
    expect(looksBinary(text)).toBe(false);
    expect(nonTextShare('')).toBe(0);
  });

  it.each([
    ['a NUL', 'a\u0000b'],
    ['another C0 control', 'a\u0007b'],
    ['DEL', 'a\u007fb'],
    ['a C1 control', 'a\u0085b'],
    ['a replacement character (invalid UTF-8)', 'a\ufffdb'],
  ])('finds %s', (_name, text) => {
    expect(hasNonTextChars(text)).toBe(true);
    expect(text.replace(NON_TEXT_CHARS, ' ')).toBe('a b');
  });

  it('calls random bytes binary, read as UTF-8 or as Latin-1', () => {
    expect(looksBinary(randomBytes.toString('utf8'))).toBe(true);
    expect(looksBinary(randomBytes.toString('latin1'))).toBe(true);
  });

  it('calls any NUL binary, and otherwise compares the share of odd characters with maxShare', () => {
    expect(looksBinary(`${'x'.repeat(10_000)}\u0000`)).toBe(true);
    const fewOdd = `\ufffd\ufffd ${'Invalid MFA credentials when signing in via Okta'}`; // 2 of 51
    expect(nonTextShare(fewOdd)).toBeCloseTo(2 / 51);
    expect(looksBinary(fewOdd)).toBe(true); // linters: above 2 %
    expect(looksBinary(fewOdd, { maxShare: 0.1 })).toBe(false); // the matcher tolerates stray characters
    expect(looksBinary(`\u0000${fewOdd.slice(1)}`, { maxShare: 0.1, anyNul: false })).toBe(false);
    expect(looksBinary(`\u0000${fewOdd.slice(1)}`, { maxShare: 0.1 })).toBe(true);
  });

  it('samples only the first 20,000 characters of a long input', () => {
    expect(looksBinary(`${'x'.repeat(20_000)}${'\u0001'.repeat(5_000)}`)).toBe(false);
    expect(looksBinary(`${'\u0001'.repeat(5_000)}${'x'.repeat(20_000)}`)).toBe(true);
  });
});
