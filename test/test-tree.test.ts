import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const TEST = __dirname;
const SRC = join(__dirname, '..', 'src');
/** Shared by many tests, so they mirror nothing: fakes and builders, the contract suite, real payloads. */
const SHARED = new Set(['helpers', 'contract', 'fixtures']);

function folders(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (!statSync(path).isDirectory()) return [];
    const rel = relative(TEST, path).split(sep).join('/');
    if (SHARED.has(rel.split('/')[0]!) || rel.includes('/fixtures')) return [];
    return [rel, ...folders(path)];
  });
}

/** A test folder mirrors the src folder of the same path, or src/<name>.ts for a root module (test/app ↔ src/app.ts). */
function mirrors(rel: string, src = SRC): boolean {
  return existsSync(join(src, rel)) || existsSync(join(src, `${rel}.ts`));
}

describe('the test tree mirrors src/', () => {
  it('has a src folder (or root module) for every test folder', () => {
    const found = folders(TEST);
    expect(found).toEqual(expect.arrayContaining(['core', 'core/ports', 'checks/aws', 'slack', 'teams']));
    expect(found.filter((rel) => !mirrors(rel))).toEqual([]);
  });

  it('would notice a test folder with no source of that name', () => {
    expect(mirrors('aws')).toBe(false);
    expect(mirrors('checks/aws')).toBe(true);
    expect(mirrors('app')).toBe(true);
  });
});
