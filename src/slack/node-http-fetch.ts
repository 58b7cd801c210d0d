import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/** Slack Web API answers are a few KB; anything past this is not an answer we want in memory. */
const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

/**
 * A `fetch` for the Slack WebClient and Bolt's `respond`, on node:http(s) with keep-alive
 * connections. Every answer the bot posts goes through here; measured on loopback, undici's
 * `fetch` costs about three times the CPU per call of a plain `http.request`, and that CPU is
 * taken from the event loop that acks Slack's next events. Bodies it does not know (multipart
 * uploads, streams) and `Request` objects go to the platform `fetch` unchanged.
 */
export function createNodeHttpFetch(fallback: typeof fetch = globalThis.fetch): typeof fetch {
  const agents = {
    'http:': new HttpAgent({ keepAlive: true, maxSockets: 64 }),
    'https:': new HttpsAgent({ keepAlive: true, maxSockets: 64 }),
  };
  return async function nodeHttpFetch(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
    const body = init.body;
    const simpleBody = body === undefined || body === null || typeof body === 'string' || body instanceof URLSearchParams || body instanceof Uint8Array;
    if (input instanceof Request || !simpleBody) return fallback(input, init);
    const url = new URL(input);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return fallback(input, init);
    const payload = body === undefined || body === null ? undefined : body instanceof Uint8Array ? body : Buffer.from(String(body));
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, key) => {
      headers[key] = value;
    });
    if (body instanceof URLSearchParams && !headers['content-type']) headers['content-type'] = 'application/x-www-form-urlencoded;charset=UTF-8';
    if (payload) headers['content-length'] = String(payload.byteLength);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<Response>((resolve, reject) => {
      const req = send(url, { method: init.method ?? 'GET', headers, agent: agents[url.protocol as 'http:' | 'https:'], signal: init.signal ?? undefined }, (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_RESPONSE_BYTES) res.destroy(new Error(`response from ${url.host} exceeds ${MAX_RESPONSE_BYTES} bytes`));
          else chunks.push(chunk);
        });
        res.on('error', reject);
        res.on('end', () => {
          const status = res.statusCode ?? 502;
          const noBody = status === 204 || status === 205 || status === 304 || init.method === 'HEAD';
          try {
            resolve(new Response(noBody ? null : Buffer.concat(chunks), { status, statusText: res.statusMessage, headers: toHeaders(res.headers) }));
          } catch (err) {
            reject(err);
          }
        });
      });
      req.on('error', reject);
      req.end(payload);
    });
  };
}

function toHeaders(raw: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(raw)) {
    if (Array.isArray(value)) for (const v of value) headers.append(key, v);
    else if (value !== undefined) headers.set(key, value);
  }
  return headers;
}
