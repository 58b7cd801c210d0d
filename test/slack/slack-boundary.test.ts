import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const SRC = join(__dirname, '..', '..', 'src');
const SLACK = join(SRC, 'slack');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Modules a source text imports, re-exports or requires. */
const importsIn = (text: string): string[] => [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm)].map((m) => m[1]!);

/** What the Slack edge may not reach: other edges, the console, the CLI, AWS (SDK or live checks). */
const FORBIDDEN_PACKAGES = /^(@aws-sdk|@smithy|@microsoft)\//;
const FORBIDDEN_DIRS = ['teams/', 'console/', 'cli/', 'checks/aws/'];

/** The forbidden imports of a file at `file` with source `text`, as "<file> imports <what>". */
function forbiddenImports(file: string, text: string): string[] {
  const from = relative(SRC, file).split(sep).join('/');
  return importsIn(text).flatMap((module) => {
    if (FORBIDDEN_PACKAGES.test(module)) return [`${from} imports ${module}`];
    if (!module.startsWith('.')) return [];
    const target = relative(SRC, resolve(dirname(file), module)).split(sep).join('/');
    return FORBIDDEN_DIRS.some((d) => `${target}/`.startsWith(d)) ? [`${from} imports ${target}`] : [];
  });
}

describe('the Slack SDK stays at the Slack edge', () => {
  it('is imported only under src/slack', () => {
    const offenders = files(SRC)
      .filter((f) => importsIn(readFileSync(f, 'utf8')).some((m) => m.startsWith('@slack/')))
      .map((f) => relative(SRC, f).split(sep).join('/'))
      .filter((f) => !f.startsWith('slack/'));
    expect(offenders).toEqual([]);
  });

  it('src/slack, listeners included, imports nothing from other edges, the console, the CLI or AWS', () => {
    const scanned = files(SLACK);
    expect(scanned.filter((f) => f.includes(`${sep}listeners${sep}`)).length).toBeGreaterThanOrEqual(5);
    expect(scanned.flatMap((f) => forbiddenImports(f, readFileSync(f, 'utf8')))).toEqual([]);
  });

  it('would catch each forbidden import, from the edge folder and from the listeners (the check works)', () => {
    const listener = join(SLACK, 'listeners', 'on-message.ts');
    const edge = join(SLACK, 'mount-slack.ts');
    expect(forbiddenImports(listener, "import { callAws } from '../../checks/aws/call-aws';")).toEqual(['slack/listeners/on-message.ts imports checks/aws/call-aws']);
    expect(forbiddenImports(listener, "import type { X } from '../../teams/teams-input';")).toEqual(['slack/listeners/on-message.ts imports teams/teams-input']);
    expect(forbiddenImports(edge, "const c = await import('../console/console-page');")).toEqual(['slack/mount-slack.ts imports console/console-page']);
    expect(forbiddenImports(edge, "export { runCli } from '../cli/run-cli';")).toEqual(['slack/mount-slack.ts imports cli/run-cli']);
    expect(forbiddenImports(listener, "import { SSOAdminClient } from '@aws-sdk/client-sso-admin';")).toHaveLength(1);
    expect(forbiddenImports(edge, "import { CloudAdapter } from '@microsoft/agents-hosting';")).toHaveLength(1);
    // Allowed: the core (which reaches AWS only through its ports), and the checks outside aws/.
    expect(forbiddenImports(listener, "import type { Input } from '../../core/input';\nimport { lintSaml } from '../../checks/saml/lint-saml';")).toEqual([]);
  });
});
