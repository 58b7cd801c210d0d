/** Hostile documents for the linters: shapes that were quadratic, sized by `n`. Shared by tests and bench. */
const NAMESPACES = 'xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:s="urn:oasis:names:tc:SAML:2.0:assertion" xmlns:d="http://www.w3.org/2000/09/xmldsig#"';

/** n assertions each nested in the previous one's Advice, each with a signature referencing it. */
export function nestedAssertions(n: number): string {
  let open = '';
  let close = '';
  for (let i = 0; i < n; i++) {
    open += `<s:Assertion ID="a${i}"><d:Signature><d:Reference URI="#a${i}"/></d:Signature><s:Advice>`;
    close = `</s:Advice></s:Assertion>${close}`;
  }
  return `<samlp:Response ${NAMESPACES} ID="r">${open}${close}</samlp:Response>`;
}

/** n signatures nested in one another around n wrapped assertions: each signature's subtree holds all the rest. */
export function nestedSignatures(n: number): string {
  const assertions = Array.from({ length: n }, (_, i) => `<s:Assertion ID="a${i}"/>`).join('');
  return `<samlp:Response ${NAMESPACES} ID="r">${'<d:Signature>'.repeat(n)}<d:Reference URI="#a${n - 1}"/><w>${assertions}</w>${'</d:Signature>'.repeat(n)}</samlp:Response>`;
}

/** n wrapped assertions and n signatures referencing them by ID (one lookup each). */
export function referencedAssertions(n: number): string {
  const parts = Array.from({ length: n }, (_, i) => `<s:Assertion ID="a${i}"/><d:Signature><d:Reference URI="#a${n - 1 - i}"/></d:Signature>`);
  return `<samlp:Response ${NAMESPACES} ID="r"><w>${parts.join('')}</w></samlp:Response>`;
}

/** A SCIM PATCH with n operations, each with a long misspelt schema URN beside it. */
export function wideScimPatch(n: number): string {
  const ops = Array.from({ length: n }, (_, i) => ({ op: 'add', path: 'members', value: [{ value: `member-${i}`.padEnd(40, '0'), display: 'x' }] }));
  return JSON.stringify({ schemas: [`urn:ietf:params:scim:${'x'.repeat(20_000)}`, 'urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: ops });
}
