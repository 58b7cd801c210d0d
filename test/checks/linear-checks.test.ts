import { DOMParser } from '@xmldom/xmldom';
import { lintSaml } from '../../src/checks/saml/lint-saml';
import { indexSamlTree } from '../../src/checks/saml/index-saml-tree';
import { MAX_ELEMENTS } from '../../src/checks/saml/parse-saml-xml';
import { MAX_JSON_VALUES, lintScim, measureJson } from '../../src/checks/scim/lint-scim';
import { nestedAssertions, nestedSignatures, referencedAssertions, wideScimPatch } from './hostile-shapes';

const rootOf = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml').documentElement!;

/** Every node of the tree, counted independently of the index (recursion is fine for these sizes). */
function nodeCount(node: { childNodes: { length: number; [i: number]: unknown } }): number {
  let n = 1;
  for (let i = 0; i < node.childNodes.length; i++) n += nodeCount(node.childNodes[i] as typeof node);
  return n;
}

describe('SAML checks are linear in the document', () => {
  it.each([
    ['nested assertions', nestedAssertions],
    ['nested signatures', nestedSignatures],
    ['signatures referencing assertions', referencedAssertions],
  ])('%s: the index visits each node once, whatever the nesting', (_name, make) => {
    for (const n of [100, 400]) {
      const root = rootOf(make(n));
      expect(indexSamlTree(root).visited).toBe(nodeCount(root));
    }
  });

  it('reads what the quadratic walk read: Advice, wrapped assertions and signature targets', () => {
    const nested = indexSamlTree(rootOf(nestedAssertions(3)));
    expect(nested.assertions.map((a) => a.inAdvice)).toEqual([false, true, true]);
    expect(nested.signatures.map((s) => s.uri)).toEqual(['#a0', '#a1', '#a2']);
    // The outer signatures' first Reference in document order is the innermost one.
    expect(indexSamlTree(rootOf(nestedSignatures(3))).signatures.map((s) => s.uri)).toEqual(['#a2', '#a2', '#a2']);
    const report = lintSaml(referencedAssertions(50));
    expect(report.rules.find((r) => r.id === 'saml-assertion-count')?.evidence).toMatch(/0 top-level assertions, plus 50 wrapped inside <w>/);
    expect(report.summary.find((s) => s.label === 'Signed')?.value).toBe('50 other element(s) (not the assertion that is used)');
  });

  it('refuses a document with more elements than any SAML response, with a clear message', () => {
    const xml = `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol">${'<a/>'.repeat(MAX_ELEMENTS)}</samlp:Response>`;
    expect(lintSaml(xml).error).toBe(
      'Refused: the XML has more than 20,000 elements; a real SAML response has a few hundred at most. Paste one response, not a log or a generated file.',
    );
    // At the cap (the root plus 19,999) it is read.
    const atCap = `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol">${'<a/>'.repeat(MAX_ELEMENTS - 1)}</samlp:Response>`;
    expect(lintSaml(atCap).verdict).toBe('fail');
  });
});

describe('SCIM checks are bounded', () => {
  it('counts JSON values in one walk and stops past the cap', () => {
    expect(measureJson({ a: [1, 2, { b: null }] })).toEqual({ depth: 3, values: 6 });
    expect(measureJson(Array.from({ length: 50_000 }, () => 1)).values).toBe(MAX_JSON_VALUES + 1);
  });

  it('refuses a body with more values than any SCIM request, with a clear message', () => {
    const body = JSON.stringify({ userName: 'a@b.c', emails: Array.from({ length: MAX_JSON_VALUES }, () => 'x') });
    expect(lintScim(body).error).toBe(
      'The JSON holds more than 20,000 values; one SCIM request has a few hundred at most. Paste one request body, not an export or a log.',
    );
  });

  it('suggests a URN only for near misses, so a huge bogus URN costs no edit-distance table', () => {
    const report = lintScim(wideScimPatch(10));
    const urns = report.rules.find((r) => r.id === 'scim-schema-urns')!;
    expect(urns.status).toBe('fail');
    expect(urns.evidence).not.toMatch(/did you mean/);
    const typo = lintScim(JSON.stringify({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:Usr'], userName: 'a@b.c' }));
    expect(typo.rules.find((r) => r.id === 'scim-schema-urns')!.evidence).toMatch(/did you mean "urn:ietf:params:scim:schemas:core:2.0:User"/);
  });
});
