import { SymptomIndex } from '../../src/match/symptom-index';
import { contentTerms, normalizeText } from '../../src/match/normalize-text';
import type { Article } from '../../src/knowledge/article';
import { shippedArticles } from '../helpers/builders';

const base = shippedArticles()[0]!;
const article = (id: string, symptoms: string[], title = id): Article => ({ ...base, id, title, symptoms, tags: [], cause: '', signatures: [], events: [] });
const terms = (text: string) => contentTerms(normalizeText(text));

describe('SymptomIndex', () => {
  const index = new SymptomIndex([
    article('domain', ['Domain Users group has no members in identity center'], 'Domain Users group'),
    article('totp', ['authenticator app code is rejected at sign in'], 'Authenticator app codes'),
    article('stale', ['user deleted and recreated in the identity provider lost access'], 'Recreated users lose access'),
    article('generic', ['users in identity center have a problem'], 'Identity center users'),
  ]);
  const score = (text: string, inContext = true) => {
    const hits = index.match(terms(text), inContext);
    return (id: string) => hits.find((h) => h.article === ['domain', 'totp', 'stale', 'generic'].indexOf(id))?.score ?? 0;
  };

  it('prefers the article whose rare words the message uses', () => {
    const s = score('aws: the Domain Users group shows no members');
    expect(s('domain')).toBeGreaterThan(0.5);
    expect(s('domain')).toBeGreaterThan(s('generic'));
  });

  it('gives words every article uses almost no weight', () => {
    expect(score('identity center users')('generic')).toBeLessThan(0.3);
  });

  it('needs more than one informative word to be sure', () => {
    const one = score('my authenticator')('totp');
    const three = score('authenticator app code rejected')('totp');
    expect(one).toBeLessThan(0.4);
    expect(three).toBeGreaterThan(one * 1.5);
  });

  it('counts a message outside any AWS context for less', () => {
    const text = 'authenticator app code rejected at sign in';
    expect(score(text, false)('totp')).toBeLessThan(score(text, true)('totp'));
  });

  it('reports the symptom phrase that matched best', () => {
    const hit = index.match(terms('user was deleted and re-created, lost access'), true).find((h) => h.article === 2)!;
    expect(hit.phrase).toBe('user deleted and recreated in the identity provider lost access');
  });
});
