import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { truncateLine } from '../../core/text/truncate';

export const NS = {
  assertion: 'urn:oasis:names:tc:SAML:2.0:assertion',
  protocol: 'urn:oasis:names:tc:SAML:2.0:protocol',
  dsig: 'http://www.w3.org/2000/09/xmldsig#',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
} as const;

/** `response`: a samlp:Response; `assertion`: a bare (Encrypted)Assertion; `fragment`: part of one (e.g. an AttributeStatement). */
export type SamlShape = 'response' | 'assertion' | 'fragment';

export type ParsedSaml = { ok: true; root: Element; shape: SamlShape } | { ok: false; error: string };

/** Elements a pasted fragment may start with; they are linted for what they contain. */
const FRAGMENT_ROOTS = new Set(['AttributeStatement', 'Attribute', 'Subject', 'NameID', 'Conditions', 'AuthnStatement']);

/** Elements a document may have before it is refused unparsed. Real responses have 30 to 300; the bench's hostile shapes stay below. */
export const MAX_ELEMENTS = 20_000;

/** Start tags (`<name`), counted with one scan and no DOM; stops counting past `limit`. */
export function countStartTags(xml: string, limit: number): number {
  let n = 0;
  for (let at = xml.indexOf('<'); at >= 0 && n <= limit; at = xml.indexOf('<', at + 1)) {
    const c = xml.charCodeAt(at + 1);
    // A letter, '_' or ':' starts a name; '/', '!', '?' are end tags, comments, CDATA, instructions.
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 58 || c > 127) n++;
  }
  return n;
}

/**
 * Parses SAML XML safely. DTDs are refused before the parser sees them: no DOCTYPE and no ENTITY
 * declarations, so entity expansion (billion laughs) and external entities (XXE) cannot happen,
 * and the refusal costs one regular-expression scan. xmldom never fetches anything itself.
 */
export function parseSamlXml(xml: string): ParsedSaml {
  if (/<!DOCTYPE/i.test(xml) || /<!ENTITY/i.test(xml)) {
    return {
      ok: false,
      error:
        'Refused: the XML contains a DOCTYPE or ENTITY declaration. SAML responses never carry a DTD, and DTDs enable entity-expansion (billion laughs) and external-entity attacks, so they are not parsed.',
    };
  }
  const elements = countStartTags(xml, MAX_ELEMENTS);
  if (elements > MAX_ELEMENTS) {
    return {
      ok: false,
      error: `Refused: the XML has more than ${MAX_ELEMENTS.toLocaleString('en-US')} elements; a real SAML response has a few hundred at most. Paste one response, not a log or a generated file.`,
    };
  }
  const first = parse(xml);
  if (first.ok) return classify(first.doc);
  // A fragment copied out of a larger document uses prefixes declared further up: declare the usual ones.
  const firstTag = /<(?:([\w.-]+):)?([\w.-]+)/.exec(xml.replace(/<\?xml[^>]*\?>/, ''));
  if (firstTag && FRAGMENT_ROOTS.has(firstTag[2]!)) {
    const wrapped = parse(
      `<fragment xmlns="${NS.assertion}" xmlns:saml="${NS.assertion}" xmlns:saml2="${NS.assertion}" xmlns:samlp="${NS.protocol}" xmlns:saml2p="${NS.protocol}" xmlns:ds="${NS.dsig}" xmlns:xsi="${NS.xsi}" xmlns:xs="http://www.w3.org/2001/XMLSchema">${xml.replace(/<\?xml[^>]*\?>/, '')}</fragment>`,
    );
    if (wrapped.ok) return { ok: true, root: wrapped.doc.documentElement!, shape: 'fragment' };
  }
  return { ok: false, error: explain(first.message, xml) };
}

function parse(xml: string): { ok: true; doc: Document } | { ok: false; message: string } {
  const problems: string[] = [];
  try {
    const doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') problems.push(message);
      },
    }).parseFromString(xml, 'text/xml');
    if (problems.length > 0 || !doc.documentElement) return { ok: false, message: problems[0] ?? 'missing root element' };
    return { ok: true, doc };
  } catch (err) {
    return { ok: false, message: problems[0] ?? (err as Error).message };
  }
}

/** xmldom's messages are terse; say what is wrong in the paste and what to do. */
function explain(message: string, xml: string): string {
  const m = message.replace(/^\[xmldom [^\]]*\]\s*/, '');
  if (/Only one element can be added|junk after/i.test(m)) {
    const roots = xml.match(/<(?:[\w.-]+:)?Response[\s>]/g)?.length ?? 0;
    return `Malformed XML: there is more than one top-level element${roots > 1 ? ` (${roots} Response documents back to back)` : ''}. Paste one SAML response at a time.`;
  }
  if (/prefix is non-null and namespace is null|unbound|namespace prefix/i.test(m)) {
    const prefix = undeclaredPrefix(xml);
    const which = prefix ? `the namespace prefix "${prefix}:"` : 'a namespace prefix';
    return `Malformed XML: ${which} is used without an xmlns declaration, so the document is not well-formed. The IdP (or an edit of the paste) produced invalid XML.`;
  }
  if (/missing root element/i.test(m)) return 'Malformed XML: no root element. Paste the whole SAML response.';
  if (/entity not found/i.test(m)) return `Malformed XML: ${truncateLine(m, 80)}. SAML responses use only the five predefined XML entities.`;
  if (/unclosed|end of|mismatch|not closed/i.test(m)) return `Malformed XML: ${truncateLine(m, 120)}. The paste may be cut off: copy the whole response again.`;
  return `Malformed XML: ${truncateLine(m, 160)}.`;
}

function undeclaredPrefix(xml: string): string | undefined {
  const declared = new Set([...xml.matchAll(/xmlns:([\w.-]+)\s*=/g)].map((m) => m[1]));
  declared.add('xml');
  for (const m of xml.matchAll(/<\/?([\w.-]+):[\w.-]+/g)) if (!declared.has(m[1]!)) return m[1];
  return undefined;
}

function classify(doc: Document): ParsedSaml {
  const root = doc.documentElement!;
  const ns = root.namespaceURI ?? '';
  const name = root.localName ?? root.nodeName;
  if (ns === NS.protocol && name === 'Response') return { ok: true, root, shape: 'response' };
  if (ns === NS.assertion && (name === 'Assertion' || name === 'EncryptedAssertion')) return { ok: true, root, shape: 'assertion' };
  if (ns === NS.assertion && FRAGMENT_ROOTS.has(name)) return { ok: true, root, shape: 'fragment' };
  if (ns === NS.protocol && name === 'AuthnRequest') {
    return { ok: false, error: 'This is a SAML AuthnRequest (what the service provider sends to the IdP), not the response. Paste the SAMLResponse the IdP posts back.' };
  }
  if (ns === NS.protocol && /^Logout(Request|Response)$/.test(name)) {
    return { ok: false, error: `This is a SAML ${name}, not a sign-in response. Paste the SAMLResponse from the sign-in.` };
  }
  if (name === 'EntityDescriptor' || name === 'EntitiesDescriptor') {
    return { ok: false, error: 'This is SAML metadata (EntityDescriptor), not a response. Paste the SAMLResponse from a sign-in attempt.' };
  }
  if (/urn:oasis:names:tc:SAML:1\.[01]:/.test(ns)) {
    return { ok: false, error: 'This is a SAML 1.x document. IAM Identity Center speaks SAML 2.0 only: configure the IdP application for SAML 2.0.' };
  }
  return {
    ok: false,
    error: `This XML is not a SAML 2.0 response: its root element is <${truncateLine(root.nodeName, 60)}>${ns ? ` in namespace ${truncateLine(ns, 80)}` : ' without a namespace'}. Paste the samlp:Response (or a saml:Assertion).`,
  };
}
