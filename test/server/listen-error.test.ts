import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../src/paths';

/** Starts the real entry point; console only, SQLite in a temp dir. */
function start(env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH, DATA_DIR: mkdtempSync(join(tmpdir(), 'idc-listen-')), LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('start errors name the variable: what happened, then what to do', () => {
  let taken: Server;
  let port: number;
  beforeAll(async () => {
    taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    port = (taken.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => taken.close(() => resolve())));

  it('PORT in use', () => {
    const run = start({ PORT: String(port), HOST: '127.0.0.1' });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`idc-assistant could not start: PORT ${port} is already in use on 127.0.0.1.\nStop the other process or set PORT to a free port.\n`);
  });

  it('HOST that does not resolve', () => {
    const run = start({ PORT: '0', HOST: 'no-such-host.invalid' });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(2);
    expect(run.stderr).toMatch(/^idc-assistant could not start: HOST "no-such-host\.invalid" does not resolve.*\nSet HOST to/);
  });
});
