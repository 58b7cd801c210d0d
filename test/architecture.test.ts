import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const SRC = join(__dirname, '..', 'src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.(ts|js|mjs|cjs)$/.test(name) ? [path] : [];
  });
}

/** Every module a file imports or requires (static, dynamic, type-only and re-exports). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm)) found.push(m[1]!);
  return found;
}

const CHAT_SDK = /^@slack\/|^@microsoft\//;
const AWS_SDK = /^@aws-sdk\/|^aws-sdk(\/|$)|^@smithy\//;

/** Where each kind of SDK may be imported; everything else stays platform-free. */
function allowed(file: string, module: string): boolean {
  const rel = relative(SRC, file).split(sep).join('/');
  if (/^@microsoft\//.test(module)) return rel.startsWith('teams/');
  if (/^@slack\//.test(module)) return rel.startsWith('slack/');
  if (AWS_SDK.test(module)) return rel.startsWith('checks/aws/');
  return true;
}

describe('architecture', () => {
  const files = sources(SRC);

  it('finds the source tree and sees imports (the scan itself works)', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(files.some((f) => importsOf(f).some((m) => /^@microsoft\//.test(m)))).toBe(true);
  });

  it('keeps chat SDKs inside their edge folder and AWS SDKs inside src/checks/aws', () => {
    const violations = files.flatMap((file) =>
      importsOf(file)
        .filter((m) => (CHAT_SDK.test(m) || AWS_SDK.test(m)) && !allowed(file, m))
        .map((m) => `${relative(SRC, file)} imports ${m}`),
    );
    expect(violations).toEqual([]);
  });

  it('keeps the core (core, match, knowledge, render) free of any SDK, chat or AWS', () => {
    const core = files.filter((f) => /^(core|match|knowledge|render)\//.test(relative(SRC, f).split(sep).join('/')));
    expect(core.length).toBeGreaterThan(10);
    const violations = core.flatMap((file) => importsOf(file).filter((m) => CHAT_SDK.test(m) || AWS_SDK.test(m)).map((m) => `${relative(SRC, file)} imports ${m}`));
    expect(violations).toEqual([]);
  });

  it('recognises the import forms it must catch', () => {
    const sample = join(__dirname, 'architecture.test.ts');
    expect(importsOf(sample)).toEqual(expect.arrayContaining(['node:fs', 'node:path']));
    expect(allowed(join(SRC, 'core', 'x.ts'), '@microsoft/agents-hosting')).toBe(false);
    expect(allowed(join(SRC, 'teams', 'x.ts'), '@microsoft/agents-hosting')).toBe(true);
    expect(allowed(join(SRC, 'checks', 'aws', 'x.ts'), '@aws-sdk/client-cloudtrail')).toBe(true);
    expect(allowed(join(SRC, 'checks', 'x.ts'), '@aws-sdk/client-cloudtrail')).toBe(false);
    expect(allowed(join(SRC, 'app.ts'), '@slack/bolt')).toBe(false);
  });
});
