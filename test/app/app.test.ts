import { createApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config/load-config';
import { silentLogger } from '../../src/core/ports/ports';
import { consoleClient } from '../helpers/console-client';

describe('app endpoints', () => {
  let app: App;
  let base: string;
  beforeAll(async () => {
    app = await createApp({ config: loadConfig({ PORT: '0', HOST: '127.0.0.1' }), logger: silentLogger });
    base = `http://127.0.0.1:${await app.listen()}`;
  });
  afterAll(() => app.close());

  it('reports readiness of the store', async () => {
    const res = await fetch(`${base}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ready', store: 'ok' });
  });

  it('exposes answers by article in Prometheus format', async () => {
    expect((await (await consoleClient(base)).ask('Request is unparsable, syntactically incorrect, or violates schema')).status).toBe(200);
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toMatch(/idc_answers_total\{article="scim-sync-user-fails",trigger="console"\} 1/);
    expect(text).toMatch(/idc_match_confidence_bucket/);
  });

  it('waits for in-flight work before closing', async () => {
    const other = await createApp({ config: loadConfig({ PORT: '0', HOST: '127.0.0.1' }), logger: silentLogger });
    await other.listen();
    let finished = false;
    other.inFlight.track(new Promise<void>((r) => setTimeout(() => ((finished = true), r()), 100)));
    await other.close(2_000);
    expect(finished).toBe(true);
  });
});
