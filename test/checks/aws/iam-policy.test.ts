import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { LIVE_CHECKS } from '../../../src/core/checks/live-check-registry';
import { WATCH_IAM_ACTIONS } from '../../../src/core/watch/watch-iam-actions';
import { projectRoot } from '../../../src/paths';

/** IAM service prefix of each SDK client package the checks use. */
const SERVICE: Record<string, string> = {
  '@aws-sdk/client-identitystore': 'identitystore',
  '@aws-sdk/client-cloudtrail': 'cloudtrail',
  '@aws-sdk/client-sso-admin': 'sso',
};

const awsDir = join(projectRoot, 'src', 'checks', 'aws');
const sources = readdirSync(awsDir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ file: f, text: readFileSync(join(awsDir, f), 'utf8') }));

const policy = JSON.parse(readFileSync(join(projectRoot, 'docs', 'iam-policy.json'), 'utf8')) as {
  Statement: Array<{ Effect: string; Action: string | string[] }>;
};
const allowed = new Set(policy.Statement.filter((s) => s.Effect === 'Allow').flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action])));

/** Every `new XxxCommand(` in src/checks/aws, as the IAM action it needs (package of its import). */
function actionsUsed(): Array<{ file: string; command: string; action: string }> {
  return sources.flatMap(({ file, text }) => {
    const origin = new Map<string, string>();
    for (const m of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*'(@aws-sdk\/[^']+)'/g)) {
      for (const name of m[1]!.split(',').map((s) => s.trim().replace(/^type\s+/, ''))) origin.set(name, m[2]!);
    }
    return [...text.matchAll(/new (\w+)Command\(/g)].map((m) => {
      const pkg = origin.get(`${m[1]}Command`);
      return { file, command: `${m[1]}Command`, action: `${pkg ? SERVICE[pkg] ?? `unknown package ${pkg}` : 'not imported from an AWS SDK'}:${m[1]}` };
    });
  });
}

describe('docs/iam-policy.json', () => {
  const used = actionsUsed();

  /** What the live-check registry declares (each check's actions; test/checks/aws checks them against real calls) and the watcher's. */
  const declared = new Set([...LIVE_CHECKS.flatMap((c) => c.iamActions), ...WATCH_IAM_ACTIONS]);

  it('finds in the code exactly the AWS commands the registry and the watcher declare', () => {
    expect(new Set(used.map((u) => u.action))).toEqual(declared);
  });

  it('grants exactly what the registry and the watcher declare', () => {
    expect(allowed).toEqual(declared);
  });

  it('allows every action the code calls', () => {
    expect(used.filter((u) => !allowed.has(u.action))).toEqual([]);
  });

  it('names the same actions in error messages as the policy grants', () => {
    const named = sources.flatMap(({ text }) => [...text.matchAll(/callAws\('([a-z-]+:\w+)'/g)].map((m) => m[1]!));
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((a) => !allowed.has(a))).toEqual([]);
  });

  it('is read-only and has no wildcard actions', () => {
    for (const action of allowed) {
      expect(action).not.toMatch(/\*/);
      expect(action.split(':')[1]).toMatch(/^(Get|Describe|List|Lookup)/);
    }
    expect(allowed.size).toBe(new Set(used.map((u) => u.action)).size);
  });
});

describe('architecture', () => {
  it('keeps AWS SDK imports out of the core', () => {
    const offenders: string[] = [];
    for (const dir of ['core', 'match', 'knowledge', 'render']) {
      const root = join(projectRoot, 'src', dir);
      for (const f of readdirSync(root, { recursive: true }) as string[]) {
        if (!f.endsWith('.ts')) continue;
        const text = readFileSync(join(root, f), 'utf8');
        // The core may not reach the AWS SDK, nor the check implementations in src/checks (core/checks is its own).
        const reachesChecks = [...text.matchAll(/from '(\.{1,2}\/[^']+)'/g)].some((m) => resolve(root, dirname(f), m[1]!).startsWith(join(projectRoot, 'src', 'checks') + sep));
        if (/from '@aws-sdk\/|require\('@aws-sdk\//.test(text) || reachesChecks) offenders.push(`${dir}/${f}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
