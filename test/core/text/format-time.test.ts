import { formatAge, formatDate, formatTime } from '../../../src/core/text/format-time';

describe('formatTime and formatDate', () => {
  it('writes minutes in UTC, whatever the local zone, and days as ISO dates', () => {
    const at = new Date('2026-03-01T23:59:59.999+05:00');
    expect(formatTime(at)).toBe('2026-03-01 18:59 UTC');
    expect(formatDate(at)).toBe('2026-03-01');
    expect(formatDate(new Date('2026-03-01T23:30:00-02:00'))).toBe('2026-03-02');
  });
});

describe('formatAge', () => {
  it.each([
    [-5_000, '0 min'],
    [59_999, '0 min'],
    [45 * 60_000, '45 min'],
    [60 * 60_000, '1 h'],
    [125 * 60_000, '2 h 5 min'],
    [24 * 3_600_000, '1 d'],
    [(3 * 24 + 4) * 3_600_000 + 59 * 60_000, '3 d 4 h'],
  ])('%d ms is "%s"', (ms, expected) => {
    expect(formatAge(ms)).toBe(expected);
  });
});
