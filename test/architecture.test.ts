import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const SRC = join(__dirname, '..', 'src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.(ts|js|mjs|cjs)$/.test(name) ? [path] : [];
  });
}

/** Every module a source text imports or requires (static, dynamic, type-only and re-exports). */
function importsIn(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm)) found.push(m[1]!);
  return found;
}

const importsOf = (file: string): string[] => importsIn(readFileSync(file, 'utf8'));

/** A file's path under src/, with forward slashes: "core/store.ts". */
const srcPath = (file: string): string => relative(SRC, file).split(sep).join('/');

/** The source file a relative import names (`./x` → x.ts or x/index.ts), or undefined for packages. */
function resolveImport(file: string, module: string): string | undefined {
  if (!module.startsWith('.')) return undefined;
  const base = resolve(dirname(file), module.replace(/\.js$/, ''));
  return [`${base}.ts`, join(base, 'index.ts'), base].find((c) => existsSync(c) && statSync(c).isFile());
}

/**
 * Every cycle of the import graph (its strongly connected components of more than one module, or
 * a module importing itself), each as a list of modules. Tarjan's algorithm.
 */
function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || graph.get(v)?.includes(v)) cycles.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

/** Database drivers, the query builder, the logger and the metrics client belong to the outer layers. */
const INFRASTRUCTURE = /^(pg|better-sqlite3|kysely|pino|prom-client)(\/|$)/;
const CORE_DIRS = /^(core|match|knowledge|render|checks)\//;

/** An infrastructure package imported from the platform-free core, described; undefined when fine. */
function infrastructureInCore(from: string, module: string): string | undefined {
  return CORE_DIRS.test(from) && INFRASTRUCTURE.test(module) ? `${from} imports ${module}` : undefined;
}

const EDGES = ['slack', 'teams'];

/** A chat edge importing another edge, the console or the CLI (paths under src/), described. */
function edgeToEdge(from: string, to: string): string | undefined {
  const edge = EDGES.find((e) => from.startsWith(`${e}/`));
  if (!edge) return undefined;
  const other = [...EDGES.filter((e) => e !== edge), 'console', 'cli'].find((d) => to.startsWith(`${d}/`));
  return other ? `${from} imports ${to}` : undefined;
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

  /**
   * Type-only imports count. They vanish from the compiled JavaScript, but a circle of types still
   * ties the modules together: neither can be read, tested or moved without the other, and a later
   * value import along the same circle would bring load-order bugs. (The two circles issue #14
   * named, cli/run-cli ↔ its subcommands and core/store ↔ memory-store, were a type-only import
   * one way and value imports the other, so the check must see both kinds.)
   */
  it('has no import cycle anywhere in src/', () => {
    const graph = new Map(files.map((f) => [srcPath(f), importsOf(f).flatMap((m) => resolveImport(f, m) ?? []).map(srcPath)] as const));
    expect(graph.get('cli/run-lint-command.ts')).toContain('cli/cli-io.ts'); // the graph sees type-only imports
    expect([...graph.values()].flat().length).toBeGreaterThan(files.length);
    expect(findCycles(graph)).toEqual([]);
  });

  it('finds a planted import cycle (the cycle check works)', () => {
    const planted = new Map([
      ['cli/run-cli.ts', ['cli/run-lint-command.ts', 'cli/cli-io.ts']],
      ['cli/run-lint-command.ts', ['cli/cli-io.ts', 'cli/run-cli.ts']],
      ['cli/cli-io.ts', []],
      ['core/store.ts', ['core/memory-store.ts']],
      ['core/memory-store.ts', ['core/store.ts']],
      ['core/a.ts', ['core/b.ts']],
      ['core/b.ts', ['core/c.ts']],
      ['core/c.ts', ['core/a.ts']],
      ['core/self.ts', ['core/self.ts']],
    ]);
    expect(findCycles(planted).sort()).toEqual([['cli/run-cli.ts', 'cli/run-lint-command.ts'], ['core/a.ts', 'core/b.ts', 'core/c.ts'], ['core/memory-store.ts', 'core/store.ts'], ['core/self.ts']]);
    expect(findCycles(new Map([['a', ['b']], ['b', ['c']], ['c', []]]))).toEqual([]);
    expect(importsIn("import type { CliIo } from './run-cli';\nexport type { X } from './x';")).toEqual(['./run-cli', './x']);
    expect(resolveImport(join(SRC, 'cli', 'run-cli.ts'), './cli-io')).toBe(join(SRC, 'cli', 'cli-io.ts'));
    expect(resolveImport(join(SRC, 'cli', 'run-cli.ts'), 'pino')).toBeUndefined();
  });

  it('keeps database drivers, kysely, pino and prom-client out of the core (core, match, knowledge, render, checks)', () => {
    const violations = files.flatMap((f) => importsOf(f).flatMap((m) => infrastructureInCore(srcPath(f), m) ?? []));
    expect(violations).toEqual([]);
  });

  it('would catch infrastructure in the core (the rule works)', () => {
    expect(infrastructureInCore('core/assistant.ts', 'pino')).toBe('core/assistant.ts imports pino');
    expect(infrastructureInCore('checks/aws/call-aws.ts', 'prom-client')).toBeDefined();
    expect(infrastructureInCore('match/matcher.ts', 'kysely/helpers/postgres')).toBeDefined();
    expect(infrastructureInCore('knowledge/article.ts', 'better-sqlite3')).toBeDefined();
    expect(infrastructureInCore('render/render-html.ts', 'pg')).toBeDefined();
    expect(infrastructureInCore('core/x.ts', 'pgpass')).toBeUndefined();
    expect(infrastructureInCore('store/kysely-store.ts', 'kysely')).toBeUndefined();
    expect(infrastructureInCore('logger.ts', 'pino')).toBeUndefined();
  });

  it('keeps the chat edges apart: no Slack ↔ Teams imports, and no edge importing the console or the CLI', () => {
    const violations = files.flatMap((f) =>
      importsOf(f).flatMap((m) => {
        const target = resolveImport(f, m);
        return target ? (edgeToEdge(srcPath(f), srcPath(target)) ?? []) : [];
      }),
    );
    expect(files.some((f) => srcPath(f).startsWith('slack/listeners/'))).toBe(true);
    expect(violations).toEqual([]);
  });

  it('would catch an edge importing another edge, the console or the CLI (the rule works)', () => {
    expect(edgeToEdge('slack/listeners/on-message.ts', 'teams/teams-input.ts')).toBe('slack/listeners/on-message.ts imports teams/teams-input.ts');
    expect(edgeToEdge('teams/teams-bot.ts', 'slack/decode-slack-text.ts')).toBeDefined();
    expect(edgeToEdge('slack/mount-slack.ts', 'console/console-page.ts')).toBeDefined();
    expect(edgeToEdge('teams/create-teams-edge.ts', 'cli/cli-io.ts')).toBeDefined();
    expect(edgeToEdge('slack/mount-slack.ts', 'core/assistant.ts')).toBeUndefined();
    expect(edgeToEdge('app.ts', 'slack/mount-slack.ts')).toBeUndefined();
    expect(edgeToEdge('cli/run-cli.ts', 'console/console-page.ts')).toBeUndefined();
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
