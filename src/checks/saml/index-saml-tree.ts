import type { Element, Node } from '@xmldom/xmldom';
import { NS } from './parse-saml-xml';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_NODE = 4;

export interface IndexedAssertion {
  el: Element;
  encrypted: boolean;
  /** Has an saml:Advice element among its ancestors (below the root). */
  inAdvice: boolean;
}

export interface IndexedSignature {
  /** The element the ds:Signature sits in. */
  parent: Node | null;
  /** URI of its first ds:Reference descendant (document order), '' when it has none. */
  uri: string;
}

/** Everything the SAML rules look up in the tree, gathered in one walk. */
export interface SamlTreeIndex {
  assertions: IndexedAssertion[];
  signatures: IndexedSignature[];
  /** ID attribute → the root or the first Assertion carrying it (what a "#ID" reference resolves to). */
  ids: Map<string, Element>;
  /** Text of every ds:X509Certificate, from its own text nodes only. */
  certificates: string[];
  /** Nodes visited: the walk touches each node once, so this equals the node count (tests assert it). */
  visited: number;
}

const is = (el: Element, ns: string, name: string) => el.namespaceURI === ns && el.localName === name;

/** Concatenated text of an element's own text children (not its descendants'): linear over all elements. */
function ownText(el: Element): string {
  let out = '';
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === TEXT_NODE || c.nodeType === CDATA_NODE) out += c.nodeValue ?? '';
  return out;
}

/**
 * One iterative depth-first walk over the document: every node is visited once, whatever the
 * nesting, so hostile shapes (thousands of nested assertions or signatures) cost linear time and
 * no stack. Ancestor questions ("inside an Advice?", "which signatures still need a Reference?")
 * are answered from counters and a stack carried along the walk, never by walking back up.
 */
export function indexSamlTree(root: Element): SamlTreeIndex {
  const index: SamlTreeIndex = { assertions: [], signatures: [], ids: new Map(), certificates: [], visited: 0 };
  if (root.hasAttribute('ID')) index.ids.set(root.getAttribute('ID') ?? '', root);
  /** Signatures whose first Reference is not found yet: always a chain of open ancestors, deepest last. */
  const pending: Array<{ el: Element; sig: IndexedSignature }> = [];
  let adviceDepth = 0;
  // Frames: an element on entry, or a marker to run its exit step after its children.
  const stack: Array<{ node: Node; exit: boolean }> = [{ node: root, exit: false }];
  while (stack.length > 0) {
    const { node, exit } = stack.pop()!;
    if (node.nodeType !== ELEMENT_NODE) {
      index.visited++;
      continue;
    }
    const el = node as Element;
    if (exit) {
      if (is(el, NS.assertion, 'Advice') && el !== root) adviceDepth--;
      if (pending.length > 0 && pending[pending.length - 1]!.el === el) pending.pop();
      continue;
    }
    index.visited++;
    if (el.namespaceURI === NS.assertion && (el.localName === 'Assertion' || el.localName === 'EncryptedAssertion')) {
      index.assertions.push({ el, encrypted: el.localName === 'EncryptedAssertion', inAdvice: adviceDepth > 0 });
      const id = el.localName === 'Assertion' && el.hasAttribute('ID') ? (el.getAttribute('ID') ?? '') : undefined;
      if (id !== undefined && !index.ids.has(id)) index.ids.set(id, el);
    } else if (el.namespaceURI === NS.dsig) {
      if (el.localName === 'Signature') {
        const sig: IndexedSignature = { parent: el.parentNode, uri: '' };
        index.signatures.push(sig);
        pending.push({ el, sig });
      } else if (el.localName === 'Reference' && pending.length > 0) {
        // The first Reference in document order below each open, still unresolved signature.
        const uri = el.getAttribute('URI') ?? '';
        for (const p of pending) p.sig.uri = uri;
        pending.length = 0;
      } else if (el.localName === 'X509Certificate') index.certificates.push(ownText(el));
    }
    if (is(el, NS.assertion, 'Advice') && el !== root) adviceDepth++;
    stack.push({ node: el, exit: true });
    // Children pushed last-first so they are visited in document order.
    for (let c = el.lastChild; c; c = c.previousSibling) stack.push({ node: c, exit: false });
  }
  return index;
}
