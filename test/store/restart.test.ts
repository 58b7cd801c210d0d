/**
 * Restart in the middle of an escalation: a real bot process opens and posts an escalation and
 * is killed with SIGKILL (no shutdown, pool and file left open); a new process continues.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { StoreConfig } from '../../src/config/load-config';
import { silentLogger } from '../../src/core/ports/ports';
import { createStore } from '../../src/store/create-store';
import { buildEscalations } from '../helpers/build-escalations';
import { freshSchema, testDatabaseUrl, type TestSchema } from '../helpers/postgres';

const PASTE = 'Request is unparsable, syntactically incorrect, or violates schema';
const root = resolve(__dirname, '../..');

function runUntilReady(env: Record<string, string>): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'fixtures/escalate-then-wait.ts')], {
      cwd: root,
      env: { ...process.env, ...env, PASTE },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`child not ready in 20 s: ${err}`));
    }, 20_000);
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const ready = /READY (ESC-\d+)/.exec(out);
      if (ready) {
        clearTimeout(timer);
        child.once('exit', (_code, signal) => (signal === 'SIGKILL' ? done(ready[1]!) : fail(new Error(`child exited with ${signal}`))));
        child.kill('SIGKILL');
      }
    });
    child.once('exit', (code) => {
      if (code !== null) {
        clearTimeout(timer);
        fail(new Error(`child exited ${code}: ${err}`));
      }
    });
  });
}

async function continueAfterRestart(config: StoreConfig, id: string): Promise<void> {
  const store = await createStore(config, silentLogger);
  try {
    const w = buildEscalations({ store });
    const before = await store.getEscalation(id);
    expect(before).toMatchObject({ id: 'ESC-1001', status: 'open', text: PASTE, articleId: 'scim-sync-user-fails', note: 'please look' });
    expect(before?.supportMessage).toMatchObject({ platform: 'slack', channelId: 'C0SUPPORT' });

    const bob = { platform: 'slack' as const, id: 'U0BOB', name: 'Bob' };
    expect((await w.service.claim(id, bob)).text).toMatch(/You claimed ESC-1001/);
    expect((await w.service.resolve(id, bob, 'Fixed the schema mapping')).text).toMatch(/You resolved ESC-1001/);
    const after = await store.getEscalation(id);
    expect(after?.history.map((h) => h.action)).toEqual(['opened', 'claimed', 'resolved']);
    expect(w.desk.updates.at(-1)?.escalation.supportMessage?.messageId).toBe(before?.supportMessage?.messageId);
    // The same thread still maps to it; the id sequence continues.
    const again = await store.openEscalation({ requester: bob, origin: before!.origin, originKey: 'slack:C0HELP:1700000000.000100', text: '', checks: [] }, new Date());
    expect(again).toMatchObject({ created: false, escalation: { id } });
    expect((await store.openEscalation({ requester: bob, origin: before!.origin, text: '', checks: [] }, new Date())).escalation.id).toBe('ESC-1002');
  } finally {
    await store.close();
  }
}

describe('restart in the middle of an escalation', () => {
  it('loses nothing with SQLite (WAL file left behind by SIGKILL)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'idc-restart-'));
    try {
      const file = join(dir, 'store.sqlite');
      const id = await runUntilReady({ STORE_FILE: file, STORE_URL: '' });
      await continueAfterRestart({ kind: 'sqlite', file }, id);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  (testDatabaseUrl ? it : it.skip)('loses nothing with PostgreSQL', async () => {
    const schema: TestSchema = await freshSchema();
    try {
      const id = await runUntilReady({ STORE_URL: schema.url });
      await continueAfterRestart({ kind: 'postgres', url: schema.url }, id);
    } finally {
      await schema.drop();
    }
  });
});
