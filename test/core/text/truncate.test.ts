import fc from 'fast-check';
import { listSome, truncate, truncateLine } from '../../../src/core/text/truncate';

describe('truncate', () => {
  it('keeps text that fits and cuts longer text to exactly max characters ending in "…"', () => {
    expect(truncate('abcde', 5)).toBe('abcde');
    expect(truncate('abcdef', 5)).toBe('abcd…');
    expect(truncate('abcdef', 1)).toBe('…');
  });

  it('never returns more than max characters, and keeps the start (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.integer({ min: 1, max: 200 }), (text, max) => {
        const out = truncate(text, max);
        expect(out.length).toBeLessThanOrEqual(max);
        expect(out === text || (out.endsWith('…') && text.startsWith(out.slice(0, -1)))).toBe(true);
      }),
    );
  });
});

describe('truncateLine', () => {
  it('quotes a pasted value on one line before cutting it', () => {
    expect(truncateLine('  a\n\n b\tc  ')).toBe('a b c');
    expect(truncateLine(`x\n${'y'.repeat(100)}`, 10)).toBe('x yyyyyyy…');
    expect(truncateLine('z'.repeat(81))).toHaveLength(80);
  });
});

describe('listSome', () => {
  it('lists up to max items and counts the rest', () => {
    expect(listSome([])).toBe('');
    expect(listSome(['a', 'b', 'c'], 3)).toBe('a, b, c');
    expect(listSome(['a', 'b', 'c', 'd', 'e', 'f', 'g'])).toBe('a, b, c, d, e and 2 more');
  });
});
