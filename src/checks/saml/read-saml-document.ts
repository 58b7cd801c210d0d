import type { Element, Node } from '@xmldom/xmldom';
import { indexSamlTree, type SamlTreeIndex } from './index-saml-tree';
import { NS, type SamlShape } from './parse-saml-xml';

export interface SamlAttribute {
  name: string;
  nameFormat?: string;
  /** Number of AttributeValue elements (0 happens: Google sends empty attributes). */
  values: number;
  /** An AttributeValue holds child elements (structured XML) instead of text. */
  structured: boolean;
}

/** Where each Assertion (or EncryptedAssertion) sits, which is what decides whether it counts. */
export interface AssertionCount {
  /** Children of the Response (or the pasted Assertion itself): what a service provider consumes. */
  topLevel: number;
  encryptedTopLevel: number;
  /** Inside an assertion's Advice: allowed by SAML core §2.6, ignored by most service providers. */
  inAdvice: number;
  /** Anywhere else, e.g. inside an unknown element: the XML signature wrapping pattern. */
  wrappedIn: string[];
}

/** What a SAML document says, as plain data: the rules and the summary read only this. */
export interface SamlFacts {
  shape: SamlShape;
  issuer?: string;
  destination?: string;
  status?: { code: string; detail: string[] };
  assertions: AssertionCount;
  nameId?: { format?: string; value: string };
  encryptedNameId: boolean;
  recipients: string[];
  audiences: string[];
  notBefore?: string;
  notOnOrAfter?: string;
  attributes: SamlAttribute[];
  /** Which elements carry a ds:Signature: the Response, the assertion that is used, or others (Advice, wrapped). */
  signed: { response: boolean; assertion: boolean; elsewhere: number };
  /** Base64 DER of every ds:X509Certificate (summarised as fingerprints, never echoed). */
  certificates: string[];
}

const ELEMENT_NODE = 1;

function elementChildren(el: Element | Node, ns: string, name: string): Element[] {
  const out: Element[] = [];
  const nodes = el.childNodes;
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!;
    if (n.nodeType === ELEMENT_NODE && (n as Element).namespaceURI === ns && (n as Element).localName === name) out.push(n as Element);
  }
  return out;
}

function first(el: Element | undefined, ...path: Array<[string, string]>): Element | undefined {
  let cur: Element | undefined = el;
  for (const [ns, name] of path) cur = cur && elementChildren(cur, ns, name)[0];
  return cur;
}

function text(el: Element | undefined): string | undefined {
  return el ? (el.textContent ?? '') : undefined;
}

function descendants(el: Element, ns: string, name: string): Element[] {
  return Array.from(el.getElementsByTagNameNS(ns, name));
}

function countAssertions(index: SamlTreeIndex, root: Element, shape: SamlShape): { count: AssertionCount; main?: Element } {
  const count: AssertionCount = { topLevel: 0, encryptedTopLevel: 0, inAdvice: 0, wrappedIn: [] };
  let main: Element | undefined;
  for (const { el, encrypted, inAdvice } of index.assertions) {
    const topLevel = el === root || (shape === 'response' && el.parentNode === root);
    if (topLevel) {
      if (encrypted) count.encryptedTopLevel++;
      else {
        count.topLevel++;
        main ??= el;
      }
    } else if (inAdvice) count.inAdvice++;
    else count.wrappedIn.push((el.parentNode as Element | null)?.nodeName ?? '?');
  }
  return { count, main };
}

function readAttributes(scope: Element, shape: SamlShape): SamlAttribute[] {
  // In an assertion, only its own AttributeStatements count (not those of assertions in its Advice).
  const elements =
    shape === 'fragment'
      ? descendants(scope, NS.assertion, 'Attribute')
      : elementChildren(scope, NS.assertion, 'AttributeStatement').flatMap((s) => elementChildren(s, NS.assertion, 'Attribute'));
  return elements.map((a) => {
    const values = elementChildren(a, NS.assertion, 'AttributeValue');
    const structured = values.some((v) => Array.from({ length: v.childNodes.length }, (_, i) => v.childNodes[i]!).some((n) => n.nodeType === ELEMENT_NODE));
    const attr: SamlAttribute = { name: a.getAttribute('Name') ?? '', values: values.length, structured };
    if (a.hasAttribute('NameFormat')) attr.nameFormat = a.getAttribute('NameFormat') ?? '';
    return attr;
  });
}

/**
 * What each ds:Signature signs, by its Reference URI ("#<ID>"), not by where it sits: in the
 * signature wrapping attack the signature inside the used assertion references a hidden one.
 * IDs resolve through the index (one map lookup), so n signatures over n assertions cost O(n).
 */
function signatures(index: SamlTreeIndex, root: Element, shape: SamlShape, main: Element | undefined): SamlFacts['signed'] {
  const signed = { response: false, assertion: false, elsewhere: 0 };
  for (const { parent, uri } of index.signatures) {
    const target = uri === '' ? parent : uri.startsWith('#') ? index.ids.get(uri.slice(1)) : undefined;
    if (target === root && shape === 'response') signed.response = true;
    else if (target && target === main) signed.assertion = true;
    else signed.elsewhere++;
  }
  return signed;
}

export function readSamlDocument(root: Element, shape: SamlShape, index = indexSamlTree(root)): SamlFacts {
  const { count, main } = countAssertions(index, root, shape);
  const scope = shape === 'fragment' ? root : main;
  const subject = shape === 'fragment' ? (descendants(root, NS.assertion, 'Subject')[0] ?? root) : first(main, [NS.assertion, 'Subject']);
  const nameIdEl = subject && elementChildren(subject, NS.assertion, 'NameID')[0];
  const conditions = shape === 'fragment' ? descendants(root, NS.assertion, 'Conditions')[0] : first(main, [NS.assertion, 'Conditions']);
  const statusCode = shape === 'response' ? first(root, [NS.protocol, 'Status'], [NS.protocol, 'StatusCode']) : undefined;

  const facts: SamlFacts = {
    shape,
    assertions: count,
    encryptedNameId: !!subject && elementChildren(subject, NS.assertion, 'EncryptedID').length > 0,
    recipients: (subject ? elementChildren(subject, NS.assertion, 'SubjectConfirmation') : [])
      .flatMap((c) => elementChildren(c, NS.assertion, 'SubjectConfirmationData'))
      .filter((d) => d.hasAttribute('Recipient'))
      .map((d) => d.getAttribute('Recipient') ?? ''),
    audiences: (conditions ? elementChildren(conditions, NS.assertion, 'AudienceRestriction') : [])
      .flatMap((r) => elementChildren(r, NS.assertion, 'Audience'))
      .map((a) => (a.textContent ?? '').trim()),
    attributes: scope ? readAttributes(scope, shape) : [],
    signed: signatures(index, root, shape, main),
    certificates: index.certificates.map((c) => c.replace(/\s+/g, '')),
  };
  const issuer = text(first(main, [NS.assertion, 'Issuer'])) ?? (shape === 'response' ? text(first(root, [NS.assertion, 'Issuer'])) : undefined);
  if (issuer !== undefined) facts.issuer = issuer.trim();
  if (shape === 'response' && root.hasAttribute('Destination')) facts.destination = root.getAttribute('Destination') ?? '';
  if (statusCode) {
    const nested = elementChildren(statusCode, NS.protocol, 'StatusCode').map((c) => c.getAttribute('Value') ?? '');
    const message = text(first(root, [NS.protocol, 'Status'], [NS.protocol, 'StatusMessage']));
    facts.status = { code: statusCode.getAttribute('Value') ?? '', detail: [...nested, ...(message ? [message.trim()] : [])] };
  }
  if (nameIdEl) {
    facts.nameId = { value: nameIdEl.textContent ?? '' };
    if (nameIdEl.hasAttribute('Format')) facts.nameId.format = nameIdEl.getAttribute('Format') ?? '';
  }
  if (conditions?.hasAttribute('NotBefore')) facts.notBefore = conditions.getAttribute('NotBefore') ?? '';
  if (conditions?.hasAttribute('NotOnOrAfter')) facts.notOnOrAfter = conditions.getAttribute('NotOnOrAfter') ?? '';
  return facts;
}
