import { spawn, spawnSync, type ChildProcess } from 'node:child_process';

/**
 * moto's server for AWS tests: one per test file, on a free loopback port (`-p 0`, the port is
 * read from its start-up line). Where python3 or moto is missing the tests skip with a notice,
 * unless REQUIRE_MOTO=1 (CI sets it), where they fail.
 */
export interface Moto {
  url: string;
  /** Forgets every resource (POST /moto-api/reset). */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

function probe(): string | undefined {
  const r = spawnSync('python3', ['-c', 'import moto.server'], { encoding: 'utf8', timeout: 20_000 });
  if (r.error) return `python3 is not available (${r.error.message})`;
  if (r.status !== 0) return `moto is not installed for python3 (${(r.stderr || '').trim().split('\n').pop()})`;
  return undefined;
}

const missing = probe();
if (missing && process.env.REQUIRE_MOTO === '1') {
  throw new Error(`REQUIRE_MOTO=1 but ${missing}. Install it with: pip install 'moto[server]'`);
}
if (missing) process.stderr.write(`\n[moto] skipping AWS tests: ${missing}. Set REQUIRE_MOTO=1 to fail instead.\n`);

export const motoAvailable = !missing;
/** `describe` when moto can run here, `describe.skip` otherwise. */
/** `describe` where moto is available, `describe.skip` elsewhere (undefined outside jest, so benches can import this file). */
export const describeMoto: jest.Describe = (typeof describe === 'undefined' ? undefined : motoAvailable ? describe : describe.skip) as jest.Describe;

export async function startMoto(timeoutMs = 20_000): Promise<Moto> {
  const child: ChildProcess = spawn('python3', ['-m', 'moto.server', '-H', '127.0.0.1', '-p', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`moto did not start within ${timeoutMs} ms:\n${seen}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const m = /Running on (http:\/\/127\.0\.0\.1:\d+)/.exec(seen);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`moto exited with ${code}:\n${seen}`));
    });
  });
  // It printed its address; make sure it answers before the tests start.
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/moto-api/reset`, { method: 'POST' })).ok) break;
    } catch (err) {
      if (i > 50) throw err;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    reset: async () => {
      await fetch(`${url}/moto-api/reset`, { method: 'POST' });
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Static credentials moto accepts; the default chain is not used in tests. */
export const TEST_CREDENTIALS = { accessKeyId: 'testing', secretAccessKey: 'testing' };
