import { SignatureIndex } from '../../src/match/signature-index';
import { normalizeText, words } from '../../src/match/normalize-text';
import type { Article } from '../../src/knowledge/article';
import { shippedArticles } from '../helpers/builders';

const base = shippedArticles()[0]!;
const article = (id: string, signatures: string[], excludes: string[] = []): Article => ({ ...base, id, signatures, excludes, events: [] });
const w = (text: string) => words(normalizeText(text));

describe('SignatureIndex', () => {
  const index = new SignatureIndex([
    article('a', ['Cannot perform the operation on the protected role', 'Browser not supported'], ['AWSServiceRoleFor']),
    article('b', ['An unexpected error has occurred']),
    article('c', ['An unexpected error has occurred', 'Invalid MFA credentials']),
  ]);

  it('finds a whole signature whatever the quotes, case and line breaks', () => {
    expect(index.match(w('CANNOT perform the\noperation on the “protected” role!'))).toEqual([
      { article: 0, score: 0.97, signature: 'Cannot perform the operation on the protected role', partial: false },
    ]);
    expect(index.match(w('browser NOT supported.'))).toMatchObject([{ article: 0, partial: false }]);
  });

  it('does not find a signature whose words are scattered', () => {
    expect(index.match(w('cannot perform this; the operation on a protected role'))).toEqual([]);
  });

  it('scores a truncated paste by how much of the signature it has', () => {
    const five = index.match(w('xx Cannot perform the operation on'))[0]!;
    const seven = index.match(w('xx Cannot perform the operation on the protected'))[0]!;
    expect(five.partial && seven.partial).toBe(true);
    expect(seven.score).toBeGreaterThan(five.score);
    expect(index.match(w('Cannot perform the operation'))).toEqual([]);
  });

  it('halves a signature two articles share', () => {
    const hits = index.match(w('An unexpected error has occurred'));
    expect(hits.map((h) => [h.article, h.score])).toEqual([
      [1, 0.5],
      [2, 0.5],
    ]);
  });

  it('names the articles a message excludes, also by a prefix of a longer word', () => {
    expect([...index.excluded(normalizeText("role 'AWSServiceRoleForSupport'"))]).toEqual([0]);
    expect([...index.excluded(normalizeText("role 'AWSReservedSSO_Admin_1'"))]).toEqual([]);
  });
});
