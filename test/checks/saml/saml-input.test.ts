import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { lintSaml } from '../../../src/checks/saml/lint-saml';
import { fixturesDir } from '../../helpers/builders';

const xml = readFileSync(join(fixturesDir, 'saml', 'py3saml_simplesamlphp_email_nameid_clean.xml'), 'utf8');
const b64 = Buffer.from(xml).toString('base64');
const verdictOf = (text: string) => lintSaml(text).verdict;
const input = (text: string) => lintSaml(text).summary.find((f) => f.label === 'Input')?.value;

/** The same clean response, as people paste it. Every form must lint exactly like the XML. */
describe('SAML input forms', () => {
  const expected = lintSaml(xml).rules;

  it.each([
    ['base64', b64, /^base64,/],
    ['base64 wrapped at 76 characters', b64.replace(/(.{76})/g, '$1\n'), /^base64,/],
    ['URL-encoded base64', encodeURIComponent(b64), /URL-encoded/],
    ['a form body with SAMLResponse= and RelayState', `SAMLResponse=${encodeURIComponent(b64)}&RelayState=https%3A%2F%2Fportal`, /SAMLResponse parameter \(URL-encoded\)/],
    ["a browser's form-data view", `SAMLResponse: ${b64}\nRelayState: abc`, /SAMLResponse parameter/],
    ['a JSON string with literal \\n', `"${b64.replace(/(.{64})/g, '$1\\n')}"`, /base64/],
    ['base64url', b64.replace(/\+/g, '-').replace(/\//g, '_'), /^base64,/],
    ['DEFLATE + base64 (HTTP-Redirect binding)', deflateRawSync(Buffer.from(xml)).toString('base64'), /DEFLATE/],
    ['XML inside a chat message with a code fence', `here is what okta sends:\n\`\`\`\n${xml}\n\`\`\`\nany idea?`, /^XML,/],
    ['XML with a byte-order mark', `\uFEFF${xml}`, /^XML,/],
  ])('reads %s', (_name, text, form) => {
    const report = lintSaml(text);
    expect(report.verdict).toBe('pass');
    expect(report.rules).toEqual(expected);
    expect(input(text)).toMatch(form);
  });
});

describe('SAML input that cannot be used', () => {
  it.each([
    ['empty', '', /input is empty/],
    ['whitespace', ' \n\t ', /input is empty/],
    ['binary junk', Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 97 + 13) % 256)).toString('utf8'), /binary data/],
    ['NUL bytes', `<samlp:Response>\u0000\u0000</samlp:Response>`, /binary data/],
    ['invalid base64', 'PHNhbWxwOlJlc3BvbnNlIHhtbG5zOnNhbWxwPSJ1cm4*&^PHNhbWxw', /Not valid base64: unexpected character "\*" at position 44/],
    ['truncated base64', b64.slice(0, 401), /truncated/],
    ['base64 of something that is not XML', Buffer.from('hello world, this is not xml at all').toString('base64'), /decodes to text that is not XML/],
    ['base64 of binary', Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 31) % 256)).toString('base64'), /decodes to binary data/],
    ['a broken %-escape', `SAMLResponse=${encodeURIComponent(b64).slice(0, 300)}%G1`, /broken %-escape|Not valid base64/],
    ['malformed XML (cut off)', xml.slice(0, 1500), /^Malformed XML: .*cut off/],
    ['mismatched tags', '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"><a></b></samlp:Response>', /^Malformed XML/],
    ['an undefined entity', '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol">&nope;</samlp:Response>', /predefined XML entities/],
    ['non-SAML XML', '<?xml version="1.0"?><note><to>Tove</to></note>', /not a SAML 2\.0 response: its root element is <note> without a namespace/],
    ['an AuthnRequest', '<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="x"/>', /AuthnRequest \(what the service provider sends/],
    ['SAML metadata', '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="x"/>', /SAML metadata/],
    ['a SAML 1.1 assertion', '<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:1.0:assertion"/>', /SAML 2\.0 only/],
    ['JSON', '{"userName": "a@b.c", "name": {}}', /This is JSON/],
    ['a sentence', 'why does SAML sign-in fail for bob?', /No SAML response found/],
  ])('refuses %s with a specific message', (_name, text, message) => {
    const report = lintSaml(text);
    expect(report.verdict).toBe('error');
    expect(report.rules).toEqual([]);
    expect(report.error).toMatch(message);
  });

  it('refuses a billion-laughs DTD before parsing, in plain or base64 form, quickly', () => {
    const bomb = readFileSync(join(fixturesDir, 'saml', 'rubysaml_billion_laughs_doctype_entities.xml'), 'utf8');
    for (const text of [bomb, Buffer.from(bomb).toString('base64'), bomb.replace('DOCTYPE', 'doctype')]) {
      const started = performance.now();
      const report = lintSaml(text);
      expect(performance.now() - started).toBeLessThan(50);
      expect(report.verdict).toBe('error');
      expect(report.error).toMatch(/DOCTYPE or ENTITY declaration/);
    }
  });

  it('refuses an external entity (XXE) and never reads the file', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>${xml.replace('</samlp:Response>', '&xxe;</samlp:Response>').replace('<?xml version="1.0"?>', '')}`;
    const report = lintSaml(xxe);
    expect(report.verdict).toBe('error');
    expect(JSON.stringify(report)).not.toContain(readFileSync('/etc/hostname', 'utf8').trim() || 'unreachable');
  });

  it('bounds the size: 256 KB decoded, 1 MiB raw, both refused fast', () => {
    const padding = `<saml:AttributeValue xsi:type="xs:string">${'x'.repeat(300 * 1024)}</saml:AttributeValue>`;
    const big = xml.replace(/<saml:AttributeValue[^>]*>someone@example.com<\/saml:AttributeValue>/, padding);
    expect(big.length).toBeGreaterThan(300 * 1024);
    expect(lintSaml(big).error).toMatch(/document is 30\d KB; the limit is 256 KB/);
    expect(lintSaml(Buffer.from(big).toString('base64')).error).toMatch(/would exceed 256 KB/);
    const huge = 'A'.repeat(2 * 1024 * 1024);
    const started = performance.now();
    expect(lintSaml(huge).error).toMatch(/2,097,152 characters; the limit is 1,048,576/);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => ['pass', 'fail', 'error'].includes(lintSaml(s).verdict)),
      { numRuns: 300 },
    );
    // Damaged real responses: slices and byte flips of the XML.
    fc.assert(
      fc.property(fc.nat(xml.length), fc.nat(xml.length), fc.string({ minLength: 1, maxLength: 1 }), (a, b, c) => {
        const damaged = xml.slice(0, Math.min(a, b)) + c + xml.slice(Math.max(a, b));
        return ['pass', 'fail', 'error'].includes(verdictOf(damaged));
      }),
      { numRuns: 300 },
    );
  });
});
