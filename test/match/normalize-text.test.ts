import { contentTerms, normalizeText, stem, words } from '../../src/match/normalize-text';

describe('normalizeText and words', () => {
  it('folds case, curly quotes, dashes, full-width letters and white space', () => {
    expect(normalizeText('  Can’t  DELETE\u2014the “Role”\n\tＡＷＳ ')).toBe('can\'t delete-the "role" aws');
  });

  it('splits on everything but letters and digits, so punctuation never blocks a match', () => {
    expect(words(normalizeText("'AWSReservedSSO_Admin_1a2b' - delete/modify"))).toEqual(['awsreservedsso', 'admin', '1a2b', 'delete', 'modify']);
  });
});

describe('stem', () => {
  it.each([
    ['attributes', 'attribute'],
    ['created', 'creates'],
    ['provisioning', 'provisioned'],
    ['mapped', 'maps'],
    ['policies', 'policy'],
    ['groups', 'group'],
  ])('makes %s and %s meet', (a, b) => {
    expect(stem(a)).toBe(stem(b));
  });

  it.each([
    ['access', 'access'],
    ['status', 'status'],
    ['adding', 'add'],
    ['scim', 'scim'],
    ['409', '409'],
  ])('keeps %s recognisable as %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });
});

describe('contentTerms', () => {
  it.each([
    ['log in to the portal', 'sign-in to the portal'],
    ['users cannot login', 'users cannot sign in'],
    ['e-mail not received', 'emails not received'],
    ['user deleted and re-created', 'user deleted and recreated'],
    ['group synchronisation', 'group syncing'],
    ['user principal name', 'UPN'],
    ['multi-factor authentication', 'MFA'],
    ['user name', 'username'],
  ])('treats "%s" like "%s"', (a, b) => {
    expect(contentTerms(normalizeText(a))).toEqual(contentTerms(normalizeText(b)));
  });

  it('drops stop words and failure words that every message has', () => {
    expect(contentTerms(normalizeText('Hi, I get an unexpected error: the sync failed again'))).toEqual(['sync']);
  });
});
