import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../src/paths';

/** The real entry point, console only; every coded start error goes through main's one catch. */
function start(env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH, PORT: '0', LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe("main's one catch for coded errors", () => {
  it('a store that cannot open: two lines (what happened, what to do), no stack, exit 2', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'idc-main-')), 'not-a-dir');
    writeFileSync(file, 'x');
    const run = start({ DATA_DIR: file });
    expect(run.status).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^idc-assistant could not start: Cannot open the SQLite store at /);
    expect(lines[1]).toMatch(/^Make DATA_DIR a writable directory/);
  });

  it('an invalid knowledge base article: names the file and field, then the fix, exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'idc-main-kb-'));
    writeFileSync(join(dir, 'broken.md'), 'no front matter here\n');
    const run = start({ DATA_DIR: mkdtempSync(join(tmpdir(), 'idc-main-')), KNOWLEDGE_DIRS: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `idc-assistant could not start: ${join(dir, 'broken.md')}: front matter: the file must start with a YAML block between --- lines.\n` +
        'Fix that knowledge base file (YAML front matter, then the Cause, Steps and When to escalate sections; see "Knowledge base" in README.md) or remove its folder from KNOWLEDGE_DIRS.\n',
    );
  });
});
