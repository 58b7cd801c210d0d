import { truncateLine } from '../../core/text/truncate';
import { MAX_DOCUMENT_BYTES } from '../input-problem';
import { stripCodeFences } from '../strip-code-fences';

export interface ScimRequest {
  /** From an `.http` paste: the request line. */
  method?: string;
  /** Path of the request URL (no host, no query): /scim/v2/Users/… */
  path?: string;
  /** An Authorization header was pasted (its value is never kept). */
  authorization?: 'placeholder' | 'real-looking';
  body: unknown;
  /** The JSON only parsed after removing trailing commas: IAM Identity Center would call it unparsable. */
  trailingCommas?: { line: number };
}

export type ReadScim = { ok: true; request: ScimRequest } | { ok: false; error: string };

const REQUEST_LINE = /^(GET|POST|PUT|PATCH|DELETE)\s+(\S+)(?:\s+HTTP\/[\d.]+)?\s*$/i;
const HEADER = /^([A-Za-z0-9-]+):\s*(.*)$/;

/** Removes the indentation every non-empty line shares (docs often indent whole blocks). */
function dedent(text: string): string {
  const lines = text.split(/\r?\n/);
  const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length);
  // reduce, not Math.min(...): a paste of many thousand lines would overflow the argument list.
  const common = indents.length ? indents.reduce((a, b) => Math.min(a, b)) : 0;
  return common ? lines.map((l) => l.slice(common)).join('\n') : lines.join('\n');
}

/** The path of the request URL, without host and query (a real tenant URL's host is not needed). */
function pathOf(url: string): string {
  if (!/^https?:\/\//i.test(url)) return url.split('?')[0]!;
  try {
    return new URL(url).pathname;
  } catch {
    return url.split('?')[0]!;
  }
}

/**
 * Reads a pasted SCIM request: bare JSON, or an `.http` block (request line, headers, then the JSON
 * body after a blank line, or right after the headers as in Microsoft's docs).
 */
export function readScimInput(raw: string): ReadScim {
  const lines = dedent(stripCodeFences(raw)).split('\n');
  const start = lines.findIndex((l) => l.trim() !== '');
  const request: Omit<ScimRequest, 'body'> = {};
  let bodyLines = lines;
  const requestLine = REQUEST_LINE.exec(lines[start]?.trim() ?? '');
  if (requestLine) {
    request.method = requestLine[1]!.toUpperCase();
    request.path = pathOf(requestLine[2]!);
    let i = start + 1;
    for (; i < lines.length; i++) {
      const line = lines[i]!.trim();
      if (line === '' || line.startsWith('{') || line.startsWith('[')) break;
      const header = HEADER.exec(line);
      if (!header) break;
      if (header[1]!.toLowerCase() === 'authorization') {
        const value = header[2]!.replace(/^Bearer\s+/i, '').trim();
        request.authorization = value.length >= 20 && !/[<>{}]|\.\.\./.test(value) ? 'real-looking' : 'placeholder';
      }
    }
    bodyLines = lines.slice(i);
  }
  const text = bodyLines.join('\n');
  const open = text.search(/[{[]/);
  if (open < 0) {
    if (request.method) return { ok: false, error: `The ${request.method} request has no JSON body to check.${request.method === 'GET' || request.method === 'DELETE' ? ' GET and DELETE requests carry none: paste the POST, PUT or PATCH request instead.' : ''}` };
    return { ok: false, error: 'No JSON found. Paste the SCIM request body (a user, a group, or a PATCH with Operations), or the whole request with its first line.' };
  }
  const close = Math.max(text.lastIndexOf('}'), text.lastIndexOf(']'));
  const json = text.slice(open, close + 1);
  if (Buffer.byteLength(json, 'utf8') > MAX_DOCUMENT_BYTES) {
    return { ok: false, error: `The JSON is larger than ${MAX_DOCUMENT_BYTES / 1024} KB. A SCIM request for one user or group is a few KB: paste only that request.` };
  }
  return parseJson(json, request);
}

function parseJson(json: string, request: Omit<ScimRequest, 'body'>): ReadScim {
  try {
    return { ok: true, request: { ...request, body: JSON.parse(json) } };
  } catch (err) {
    const lenient = json.replace(/,(\s*[}\]])/g, '$1');
    if (lenient !== json) {
      try {
        const body: unknown = JSON.parse(lenient);
        const at = /,\s*[}\]]/.exec(json)!.index;
        return { ok: true, request: { ...request, body, trailingCommas: { line: json.slice(0, at).split('\n').length } } };
      } catch {
        // fall through to the original error
      }
    }
    return { ok: false, error: `Invalid JSON: ${describeJsonError(err as Error, json)}. Fix the paste (or copy the request again from the IdP's provisioning log).` };
  }
}

/** "Unexpected token } in JSON at position 57" → "unexpected "}" at line 3, column 5". */
function describeJsonError(err: Error, json: string): string {
  const pos = /position (\d+)/.exec(err.message);
  if (!pos) return truncateLine(err.message.replace(/^JSON\.parse: /, ''), 100);
  const at = Number(pos[1]);
  const before = json.slice(0, at).split('\n');
  const what = at >= json.length ? 'the JSON ends early (cut off?)' : `unexpected "${truncateLine(json[at]!, 3)}"`;
  return `${what} at line ${before.length}, column ${before[before.length - 1]!.length + 1}`;
}
