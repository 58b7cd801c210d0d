import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config/load-config';
import { ConfigError } from '../../src/config/config-error';
import { silentLogger } from '../../src/core/ports/ports';
import { createStore } from '../../src/store/create-store';
import { consoleClient } from '../helpers/console-client';
import { FakeSupportDesk } from '../helpers/fake-support-desk';
import { switchableStore } from '../helpers/switchable-store';

describe('the app with a store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'idc-app-'));
  let app: App;
  let base: string;
  let db: ReturnType<typeof switchableStore>;

  beforeAll(async () => {
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir, ESCALATION_REMIND_MINUTES: '5', SUPPORT_USERS: 'console' });
    db = switchableStore(await createStore(config.store, silentLogger));
    app = await createApp({ config, logger: silentLogger, store: db.store });
    base = `http://127.0.0.1:${await app.listen()}`;
  });
  afterAll(async () => {
    await app.close();
    await db.store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const ask = async (text: string) => {
    const res = await (await consoleClient(base)).ask(text);
    return (await res.json()) as { reply: { kind: string; text: string; articleId?: string } };
  };

  it('reports readiness from the store without naming the connection', async () => {
    const ok = await fetch(`${base}/readyz`);
    expect([ok.status, await ok.json()]).toEqual([200, { status: 'ready', store: 'ok' }]);
    db.down();
    const down = await fetch(`${base}/readyz`);
    expect([down.status, await down.json()]).toEqual([503, { status: 'degraded', store: 'store-unavailable' }]);
    // Answers still go out while the store is down.
    expect((await ask('Request is unparsable, syntactically incorrect, or violates schema')).reply.articleId).toBe('scim-sync-user-fails');
    db.up();
  });

  it('escalates through a support desk an edge registered, and records it in the SQLite file', async () => {
    expect((await ask('escalate')).reply.text).toMatch(/no support channel[\s\S]*SLACK_SUPPORT_CHANNEL/);
    const desk = new FakeSupportDesk('slack');
    app.escalations.addDesk(desk);
    expect((await ask('escalate from the console')).reply.text).toMatch(/Escalated as ESC-1001/);
    expect(desk.posts).toHaveLength(1);
    expect((await app.store.getEscalation('ESC-1001'))?.note).toBe('from the console');
    expect((await ask('escalations')).reply.text).toMatch(/ESC-1001 · open/);
  });

  it('reads ESCALATION_REMIND_MINUTES (default 30, 0 = off) and rejects junk without echoing it', () => {
    expect(loadConfig({}).escalations.remindMinutes).toBe(30);
    expect(loadConfig({ ESCALATION_REMIND_MINUTES: '' }).escalations.remindMinutes).toBe(30);
    expect(loadConfig({ ESCALATION_REMIND_MINUTES: '0' }).escalations.remindMinutes).toBe(0);
    for (const bad of ['soon', '-5', '99999', '1.5']) {
      let error: unknown;
      try {
        loadConfig({ ESCALATION_REMIND_MINUTES: bad });
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(/ESCALATION_REMIND_MINUTES: must be a whole number from 0 to 10080/);
      if (bad === 'soon' || bad === '99999') expect((error as Error).message).not.toContain(bad);
    }
  });
});
