import { runInNewContext } from 'node:vm';
import { createApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config/load-config';
import { silentLogger } from '../../src/core/ports/ports';
import { consoleClient } from '../helpers/console-client';
import { FakeSupportDesk } from '../helpers/fake-support-desk';

async function start(env: Record<string, string> = {}) {
  const app = await createApp({ config: loadConfig({ PORT: "0", HOST: "127.0.0.1", ...env }), logger: silentLogger });
  return { app, base: `http://127.0.0.1:${await app.listen()}` };
}

/**
 * Runs the page's own script against a minimal DOM: the form's submit handler and the answer
 * buttons post with the page's fetch, exactly as a browser would run them.
 */
function runPage(html: string, base: string, token?: string) {
  const script = /<script>([\s\S]*)<\/script>/.exec(html)![1]!;
  const listeners = new Map<string, (e: unknown) => void>();
  const element = (id: string) => ({
    id,
    value: id === 'k' ? (token ?? /id="k" value="([^"]*)"/.exec(html)?.[1] ?? '') : '',
    textContent: '',
    html: [] as string[],
    insertAdjacentHTML(_where: string, h: string) {
      this.html.push(h);
    },
    addEventListener(type: string, fn: (e: unknown) => void) {
      listeners.set(`${id}:${type}`, fn);
    },
  });
  const elements = new Map(['out', 'error', 'f', 't', 'k'].map((id) => [id, element(id)]));
  const sent: Array<{ url: string; init: RequestInit }> = [];
  const pageFetch = (url: string, init: RequestInit) => {
    sent.push({ url, init });
    return fetch(new URL(url, base), init);
  };
  runInNewContext(script, { document: { getElementById: (id: string) => elements.get(id) }, fetch: pageFetch });
  return {
    elements,
    sent,
    async submit(text: string) {
      elements.get('t')!.value = text;
      listeners.get('f:submit')!({ preventDefault() {} });
      await new Promise((r) => setTimeout(r, 300));
    },
  };
}

describe('local console over HTTP', () => {
  let app: App;
  let base: string;
  let client: Awaited<ReturnType<typeof consoleClient>>;

  beforeAll(async () => {
    ({ app, base } = await start({ SUPPORT_USERS: 'console' }));
    client = await consoleClient(base);
  });
  afterAll(() => app.close());

  it('serves the page (framing refused, not cached) and health', async () => {
    const page = await fetch(`${base}/`);
    expect(await page.text()).toContain('<textarea');
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
  });

  it('still works from its own page: the page script posts JSON with its token and shows the answer', async () => {
    const page = runPage(client.page, base);
    await page.submit("Cannot perform the operation on the protected role 'AWSReservedSSO_X_1'");
    expect(page.elements.get('error')!.textContent).toBe('');
    expect(page.elements.get('out')!.html.join('')).toMatch(/<ol>/);
    expect(page.sent[0]!.init.headers).toMatchObject({ 'content-type': 'application/json', 'x-console-token': client.token });
  });

  it('answers a pasted error as escaped HTML', async () => {
    const res = await client.ask("Cannot perform the operation on the protected role 'AWSReservedSSO_X_1' <script>");
    const body = (await res.json()) as { html: string; reply: { articleId: string } };
    expect(res.status).toBe(200);
    expect(body.reply.articleId).toBe('protected-role-awsreservedsso');
    expect(body.html).toContain('<ol>');
    expect(body.html).not.toContain('<script>');
  });

  it('refuses a cross-site POST: a text/plain form post from another origin cannot resolve an escalation', async () => {
    const desk = new FakeSupportDesk('slack');
    app.escalations.addDesk(desk);
    expect(await (await client.ask('escalate from the console')).text()).toMatch(/Escalated as ESC-1001/);
    const resolve = JSON.stringify({ text: 'escalation resolve ESC-1001 pwned' });
    // What a hostile page can send without a preflight: a "simple" request, no custom headers.
    const simple = await fetch(`${base}/console/ask`, { method: 'POST', headers: { 'content-type': 'text/plain', origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }, body: resolve });
    expect(simple.status).toBe(403);
    expect(await simple.json()).toMatchObject({ error: 'cross_origin' });
    // Even with the right token and type (it cannot have them), another origin is refused.
    expect((await client.post('/console/ask', resolve, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await client.post('/console/ask', resolve, { origin: 'null' })).status).toBe(403);
    expect((await client.post('/console/ask', resolve, { 'sec-fetch-site': 'same-site' })).status).toBe(403);
    expect((await app.store.getEscalation('ESC-1001'))?.status).toBe('open');
    // Its own origin is fine.
    expect((await client.post('/console/ask', resolve, { origin: base, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect((await app.store.getEscalation('ESC-1001'))?.status).toBe('resolved');
  });

  it('answers 415 to anything but JSON, and 401 / 403 without the page token', async () => {
    const body = JSON.stringify({ text: 'help' });
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '']) {
      const res = await client.post('/console/ask', body, { 'content-type': type });
      expect([type, res.status]).toEqual([type, 415]);
    }
    expect((await client.post('/console/ask', body, { 'content-type': 'Application/JSON; charset=utf-8' })).status).toBe(200);
    const none = await fetch(`${base}/console/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect([none.status, await none.json()]).toEqual([401, expect.objectContaining({ error: 'token_required' })]);
    expect((await client.post('/console/ask', body, { 'x-console-token': 'guess' })).status).toBe(403);
  });

  it('answers only to loopback host names, so a rebound DNS name cannot read the page or its token', async () => {
    const { request } = await import('node:http');
    const status = (path: string, host: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request(`${base}${path}`, { headers: { host } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
    expect(await status('/', 'attacker.example:80')).toBe(421);
    expect(await status('/', `localhost:${new URL(base).port}`)).toBe(200);
  });

  it('rejects invalid JSON, a missing text and unknown actions with specific messages', async () => {
    const bad = await client.post('/console/ask', '{"text": ');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'invalid_json' });
    expect(await (await client.post('/console/ask', '{"nope": 1}')).json()).toMatchObject({ error: 'missing_text' });
    const act = await client.post('/console/act', '{"id":"rm -rf","value":"x"}');
    expect(act.status).toBe(400);
    expect(await act.json()).toMatchObject({ error: 'invalid_action' });
  });

  it('rejects a body over the limit with 413 and says what to paste', async () => {
    const res = await client.ask('x'.repeat(600 * 1024));
    expect(res.status).toBe(413);
    expect((await res.json()) as { message: string }).toMatchObject({ message: expect.stringContaining('Paste the error line') });
  });

  it('answers 404 for unknown paths', async () => {
    expect((await fetch(`${base}/nope`)).status).toBe(404);
  });
});

describe('the console beyond loopback', () => {
  it('is off without CONSOLE_TOKEN, and asks for CONSOLE_TOKEN (never embedded in the page) with it', async () => {
    const off = await createApp({ config: loadConfig({ PORT: '0', HOST: '0.0.0.0' }), logger: silentLogger });
    expect(off.channels).not.toContain('console');
    await off.close();

    const token = 'a-long-operator-chosen-token';
    const { app, base } = await start({ HOST: '0.0.0.0', CONSOLE_TOKEN: token });
    try {
      const html = await (await fetch(`${base}/`)).text();
      expect(html).not.toContain(token);
      expect(html).toContain('type="password" id="k"');
      const page = runPage(html, base, token);
      await page.submit('help');
      expect(page.elements.get('out')!.html.join('')).toMatch(/help|command/i);
      const wrong = runPage(html, base, 'not-the-token-at-all');
      await wrong.submit('help');
      expect(wrong.elements.get('error')!.textContent).toMatch(/console token is wrong/);
    } finally {
      await app.close();
    }
  });
});
