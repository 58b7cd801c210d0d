import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNodeHttpFetch } from '../../src/slack/node-http-fetch';

describe('createNodeHttpFetch (the WebClient and respond() transport)', () => {
  let server: Server;
  let base: string;
  const seen: Array<{ method?: string; url?: string; headers: Record<string, unknown>; body: string }> = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({ method: req.method, url: req.url, headers: req.headers, body });
        if (req.url === '/limited') {
          res.writeHead(429, { 'retry-after': '3' });
          res.end();
        } else if (req.url === '/empty') {
          res.writeHead(204);
          res.end();
        } else if (req.url === '/huge') {
          res.writeHead(200);
          const chunk = Buffer.alloc(1024 * 1024, 'x');
          for (let i = 0; i < 9; i++) res.write(chunk);
          res.end();
        } else if (req.url === '/slow') {
          const timer = setTimeout(() => res.end('late'), 2_000);
          res.on('close', () => clearTimeout(timer));
        } else {
          res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': ['a=1', 'b=2'] });
          res.end(JSON.stringify({ ok: true, echo: body }));
        }
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  const f = createNodeHttpFetch();

  it('posts string and form bodies with their headers and returns a real Response', async () => {
    const res = await f(`${base}/api/chat.postMessage`, { method: 'POST', headers: { authorization: 'Bearer xoxb-1', 'content-type': 'application/json' }, body: '{"text":"hé"}' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, echo: '{"text":"hé"}' });
    expect(res.headers.get('set-cookie')).toContain('a=1');
    expect(seen.at(-1)).toMatchObject({ method: 'POST', url: '/api/chat.postMessage', headers: { authorization: 'Bearer xoxb-1', 'content-length': String(Buffer.byteLength('{"text":"hé"}')) } });
    await f(`${base}/form`, { method: 'POST', body: new URLSearchParams({ channel: 'C1', blocks: '[{"a":1}]' }) });
    expect(seen.at(-1)!.headers['content-type']).toMatch(/x-www-form-urlencoded/);
    expect(new URLSearchParams(seen.at(-1)!.body).get('blocks')).toBe('[{"a":1}]');
  });

  it('passes 429 and its Retry-After through (the WebClient waits and retries), and 204 without a body', async () => {
    const limited = await f(`${base}/limited`, { method: 'POST', body: '' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    expect((await f(`${base}/empty`)).status).toBe(204);
  });

  it('rejects a response over 8 MB, an aborted request, and an unreachable host', async () => {
    await expect(f(`${base}/huge`)).rejects.toThrow(/exceeds/);
    await expect(f(`${base}/slow`, { signal: AbortSignal.timeout(100) })).rejects.toThrow(/abort/i);
    await expect(f('http://127.0.0.1:1/')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('hands bodies it does not handle (multipart) to the platform fetch', async () => {
    const calls: unknown[] = [];
    const fallback = (async (...args: unknown[]) => {
      calls.push(args);
      return new Response('fallback');
    }) as typeof fetch;
    const form = new FormData();
    form.set('file', 'x');
    const res = await createNodeHttpFetch(fallback)(`${base}/upload`, { method: 'POST', body: form });
    expect(await res.text()).toBe('fallback');
    expect(calls).toHaveLength(1);
  });
});
