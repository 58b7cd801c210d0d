import { createApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config/load-config';
import { silentLogger } from '../../src/core/ports';

describe('local console over HTTP', () => {
  let app: App;
  let base: string;

  beforeAll(async () => {
    app = await createApp({ config: loadConfig({ PORT: '0', HOST: '127.0.0.1' }), logger: silentLogger });
    base = `http://127.0.0.1:${await app.listen()}`;
  });
  afterAll(() => app.close());

  const ask = (body: string) => fetch(`${base}/console/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it('serves the page and health', async () => {
    expect(await (await fetch(`${base}/`)).text()).toContain('<textarea');
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
  });

  it('answers a pasted error as escaped HTML', async () => {
    const res = await ask(JSON.stringify({ text: "Cannot perform the operation on the protected role 'AWSReservedSSO_X_1' <script>" }));
    const body = (await res.json()) as { html: string; reply: { articleId: string } };
    expect(res.status).toBe(200);
    expect(body.reply.articleId).toBe('protected-role-awsreservedsso');
    expect(body.html).toContain('<ol>');
    expect(body.html).not.toContain('<script>');
  });

  it('rejects invalid JSON, a missing text and unknown actions with specific messages', async () => {
    const bad = await ask('{"text": ');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'invalid_json' });
    expect(await (await ask('{"nope": 1}')).json()).toMatchObject({ error: 'missing_text' });
    const act = await fetch(`${base}/console/act`, { method: 'POST', body: '{"id":"rm -rf","value":"x"}' });
    expect(act.status).toBe(400);
    expect(await act.json()).toMatchObject({ error: 'invalid_action' });
  });

  it('rejects a body over the limit with 413 and says what to paste', async () => {
    const res = await ask(JSON.stringify({ text: 'x'.repeat(600 * 1024) }));
    expect(res.status).toBe(413);
    expect((await res.json()) as { message: string }).toMatchObject({ message: expect.stringContaining('Paste the error line') });
  });

  it('answers 404 for unknown paths', async () => {
    expect((await fetch(`${base}/nope`)).status).toBe(404);
  });
});
