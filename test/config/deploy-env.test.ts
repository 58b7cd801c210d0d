/**
 * The documented deploys, run as documented: `.env.example` sourced by a shell as shipped, and the
 * systemd unit's ExecStartPre with `.env.example` as its EnvironmentFile. Both must pass
 * `--check-config` (exit 0), because an operator's first start begins exactly there.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { envSchema } from '../../src/config/env-schema';
import { projectRoot } from '../../src/paths';

const ENV_EXAMPLE = join(projectRoot, '.env.example');
const UNIT = join(projectRoot, 'docs/deploy/idc-assistant.service');
/** dist/ is built by `npm ci`; in tests the same entry point runs from source through tsx. */
const fromSource = (args: string[]) => args.map((a) => (a === 'dist/main.js' ? 'src/main.ts' : a));

/** systemd's EnvironmentFile rules: KEY=VALUE lines; `#` and `;` start comments; quotes are removed. */
function readEnvironmentFile(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!m || /^\s*[#;]/.test(line)) continue;
    env[m[1]!] = m[2]!.replace(/^"(.*)"$|^'(.*)'$/, '$1$2');
  }
  return env;
}

function unitSetting(unit: string, key: string): string[] {
  return [...unit.matchAll(new RegExp(`^${key}=(.*)$`, 'gm'))].map((m) => m[1]!.trim());
}

describe('the documented deploys pass --check-config', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'idc-deploy-'));

  it('.env.example, sourced by a shell as shipped (empty values count as unset)', () => {
    const run = spawnSync('bash', ['--norc', '--noprofile', '-c', `set -a; . ./.env.example; set +a; exec "${process.execPath}" --import tsx src/main.ts --check-config`], {
      cwd: projectRoot,
      env: { PATH: process.env.PATH, DATA_DIR: dataDir },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Configuration is valid[\s\S]*Channels: console/);
  });

  it('the systemd unit: its ExecStartPre with .env.example as the EnvironmentFile', () => {
    const unit = readFileSync(UNIT, 'utf8');
    expect(unitSetting(unit, 'EnvironmentFile')).toEqual(['/etc/idc-assistant.env']);
    const env: Record<string, string> = { PATH: process.env.PATH ?? '', ...readEnvironmentFile(readFileSync(ENV_EXAMPLE, 'utf8')) };
    for (const assignment of unitSetting(unit, 'Environment')) {
      const [k, ...v] = assignment.split('=');
      env[k!] = v.join('=');
    }
    const [pre] = unitSetting(unit, 'ExecStartPre');
    const [node, ...args] = pre!.split(/\s+/);
    expect(node).toBe('/usr/bin/node');
    expect(args).toEqual(['dist/main.js', '--check-config']);
    const run = spawnSync(process.execPath, ['--import', 'tsx', ...fromSource(args)], { cwd: projectRoot, env, encoding: 'utf8', timeout: 30_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Configuration is valid/);
  });

  it('documents every variable the schema reads in .env.example and README', () => {
    const example = readFileSync(ENV_EXAMPLE, 'utf8');
    const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
    for (const name of Object.keys(envSchema.shape)) {
      expect([name, new RegExp(`^${name}=`, 'm').test(example)]).toEqual([name, true]);
      expect([name, readme.includes(`\`${name}`)]).toEqual([name, true]);
    }
  });

  it('lists every problem at once, type errors and missing companions alike, and exits 2', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', '--check-config'], {
      cwd: projectRoot,
      env: { PATH: process.env.PATH, PORT: 'eighty', TRAIL_DAYS: '365', LOG_LEVEL: 'loud', SLACK_BOT_TOKEN: 'xoxb-secretvalue', IDC_IDENTITY_SOURCE: 'okta' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(2);
    for (const name of ['PORT', 'TRAIL_DAYS', 'LOG_LEVEL', 'IDC_IDENTITY_SOURCE', 'SLACK_SIGNING_SECRET']) expect(run.stderr).toMatch(new RegExp(`- ${name}: `));
    expect(run.stderr).not.toMatch(/secretvalue|at .*\.ts:\d+/);
  });
});
