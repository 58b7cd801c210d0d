import { inflateRawSync } from 'node:zlib';
import { SAML_PASTE_WARNING } from '../../core/replies/saml-paste-warning';
import { truncateLine } from '../../core/text/truncate';
import { MAX_DOCUMENT_BYTES } from '../input-problem';
import { stripCodeFences } from '../strip-code-fences';

export type DecodedSaml = { ok: true; xml: string; form: string } | { ok: false; error: string };

/** Where an XML document starts inside a chat message: an XML declaration or a SAML element. */
const XML_START = /<\?xml\b|<(?:[\w.-]+:)?(?:Response|Assertion|EncryptedAssertion|AttributeStatement|Attribute|AuthnRequest|EntityDescriptor|LogoutRequest|LogoutResponse)[\s>/]/;
/** `SAMLResponse=…` (form body, URL) or `SAMLResponse: …` (a browser's form-data view). */
const SAML_PARAM = /SAMLResponse["']?\s*(?:=|:)\s*["']?([A-Za-z0-9+/=%_\-\s\\]+)/;
/** Base64 runs long enough to be a SAML response (the smallest real ones are ~2 KB). */
const BASE64_RUN = /[A-Za-z0-9+/_\-%\r\n]{200,}={0,2}(?:%3D){0,2}/gi;

/**
 * Turns what people paste into one XML string: the XML itself ("Copy XML" in the access portal's
 * administrator mode, a bare Assertion, an attached file), a base64 `SAMLResponse` value (also
 * URL-encoded, line-wrapped, or with the `SAMLResponse=` prefix from a browser's network tab), or a
 * DEFLATE-compressed value from the HTTP-Redirect binding. Bounded: at most 256 KiB decoded.
 */
export function decodeSamlInput(raw: string): DecodedSaml {
  const text = stripCodeFences(raw).replace(/^\uFEFF/, '');
  const xmlAt = text.search(XML_START);
  if (xmlAt >= 0) {
    const end = text.lastIndexOf('>');
    return checkSize(text.slice(xmlAt, end + 1), 'XML');
  }
  const param = SAML_PARAM.exec(text);
  if (param) {
    let value = param[1]!.split('&')[0]!;
    // In a form-data view the next line is "RelayState: …": the capture stops at its colon.
    if (/^[:=]/.test(text.slice(param.index + param[0].length))) value = value.replace(/\s+[A-Za-z][\w-]*$/, '');
    return fromBase64(value, 'base64 SAMLResponse parameter');
  }
  const trimmed = text.trim();
  if (/^[A-Za-z0-9+/=_\-%\s\\]+$/.test(trimmed) || mostlyBase64(trimmed)) return fromBase64(trimmed, 'base64');
  const run = longestRun(text);
  if (run) return fromBase64(run, 'base64');
  if (/^\s*[{[]/.test(trimmed)) {
    return { ok: false, error: 'This is JSON, not a SAML response. For a SCIM payload use `check scim`.' };
  }
  return {
    ok: false,
    error:
      `No SAML response found. Paste the XML (access portal administrator mode → "Copy XML"), the base64 SAMLResponse value from the browser network tab, or attach the file. ${SAML_PASTE_WARNING}`,
  };
}

/** One token of at least 16 characters, nearly all base64: a damaged value, worth a specific error. */
function mostlyBase64(text: string): boolean {
  if (text.length < 16 || /\s/.test(text)) return false;
  const good = text.match(/[A-Za-z0-9+/=]/g)?.length ?? 0;
  return good / text.length >= 0.9;
}

function longestRun(text: string): string | undefined {
  let best: string | undefined;
  for (const m of text.matchAll(BASE64_RUN)) if (!best || m[0].length > best.length) best = m[0];
  return best;
}

function fromBase64(value: string, form: string): DecodedSaml {
  // Line-wrapped values, and values copied out of JSON or shell strings with literal "\n".
  let b64 = value
    .trim()
    .replace(/^["']|["']$/g, '')
    .replace(/\\[rn]/g, '')
    .replace(/\s+/g, '');
  if (/%[0-9A-Fa-f]{2}/.test(b64)) {
    try {
      b64 = decodeURIComponent(b64);
      form = `${form} (URL-encoded)`;
    } catch {
      return { ok: false, error: 'The value looks URL-encoded but has a broken %-escape. Copy the SAMLResponse value again.' };
    }
  }
  b64 = b64.replace(/-/g, '+').replace(/_/g, '/');
  const bad = /[^A-Za-z0-9+/=]/.exec(b64);
  if (bad) {
    return { ok: false, error: `Not valid base64: unexpected character "${truncateLine(bad[0], 5)}" at position ${bad.index + 1}. Paste the whole SAMLResponse value, or the XML.` };
  }
  if (/=[^=]/.test(b64) || b64.replace(/=+$/, '').length % 4 === 1) {
    return { ok: false, error: 'Not valid base64: the value is truncated or has padding in the middle. Copy the whole SAMLResponse value again.' };
  }
  if (b64.length > Math.ceil((MAX_DOCUMENT_BYTES * 4) / 3) + 4) {
    return { ok: false, error: `The decoded SAML response would exceed ${MAX_DOCUMENT_BYTES / 1024} KB. Real responses are far smaller: check that you copied only the SAMLResponse value.` };
  }
  const bytes = Buffer.from(b64, 'base64');
  const xml = asXml(bytes);
  if (xml !== undefined) return checkSize(xml, form);
  try {
    // HTTP-Redirect binding: raw DEFLATE, then base64. Bounded so a zip bomb cannot grow past the limit.
    const inflated = asXml(inflateRawSync(bytes, { maxOutputLength: MAX_DOCUMENT_BYTES }));
    if (inflated !== undefined) return checkSize(inflated, `${form}, DEFLATE-compressed`);
  } catch {
    // not deflated either
  }
  const printable = /^[\x20-\x7e\s]+$/.test(bytes.toString('latin1'));
  return {
    ok: false,
    error: `The base64 value decodes to ${printable ? 'text that is not XML' : 'binary data, not XML'}. Paste the SAMLResponse value as sent to IAM Identity Center, or the XML.`,
  };
}

function asXml(bytes: Buffer): string | undefined {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = bytes.subarray(2).toString('utf16le');
  else text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  return /^\s*</.test(text) ? text.trim() : undefined;
}

function checkSize(xml: string, form: string): DecodedSaml {
  const bytes = Buffer.byteLength(xml, 'utf8');
  if (bytes > MAX_DOCUMENT_BYTES) {
    return { ok: false, error: `The SAML document is ${Math.round(bytes / 1024)} KB; the limit is ${MAX_DOCUMENT_BYTES / 1024} KB. Paste one response, without the surrounding page or log.` };
  }
  return { ok: true, xml, form };
}
