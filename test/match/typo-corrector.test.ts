import { TypoCorrector } from '../../src/match/typo-corrector';

const vocabulary = ['provision', 'authenticator', 'attribut', 'duplicate', 'conflict', 'signin', 'scim', 'sync', 'administrator', 'certificate'];

describe('TypoCorrector', () => {
  const corrector = new TypoCorrector(vocabulary);

  it.each([
    ['provisoin', 'provision'], // swapped letters
    ['provisionn', 'provision'], // extra letter
    ['authentictor', 'authenticator'], // missing letter
    ['duplicatr', 'duplicate'], // wrong letter
    ['duplcaite', 'duplicate'], // two swapped letters
    ['conflikt', 'conflict'],
  ])('maps %s onto %s', (typo, expected) => {
    expect(corrector.session()(typo)).toBe(expected);
  });

  it.each([
    ['a known word', 'provision'],
    ['a short word', 'sycn'],
    ['a word with digits', 'provision2'],
    ['an unrelated word', 'lunchtime'],
    ['a very long token', `provision${'x'.repeat(40)}`],
  ])('leaves %s alone', (_name, word) => {
    expect(corrector.session()(word)).toBeUndefined();
  });

  it('refuses to guess between two equally close words', () => {
    const ambiguous = new TypoCorrector(['stage', 'state']);
    expect(ambiguous.session()('stape')).toBeUndefined();
  });

  it('falls back to fuse.js for longer words with two mistakes, at most three times per message', () => {
    const fresh = new TypoCorrector(vocabulary);
    const session = fresh.session();
    const words = ['authantikator', 'duplikaate', 'administartorr', 'cerfiticatte'];
    expect(words.map((w) => session(w))).toEqual(['authenticator', 'duplicate', 'administrator', undefined]);
    // The word left out is not remembered as unknown: the next message has budget again.
    expect(fresh.session()('cerfiticatte')).toBe('certificate');
  });
});
