import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../src/paths';

/**
 * The chat edges are composed as a list, but each platform's folder (and so its SDK) is imported
 * only when its config section is set: the console alone must not load Bolt or the Agents SDK.
 */
function loadedSdks(env: Record<string, string>): string[] {
  const script = join(mkdtempSync(join(tmpdir(), 'idc-lazy-')), 'probe.ts');
  writeFileSync(
    script,
    `import { createApp } from ${JSON.stringify(join(projectRoot, 'src', 'app'))};
import { loadConfig } from ${JSON.stringify(join(projectRoot, 'src', 'config', 'load-config'))};
import { silentLogger } from ${JSON.stringify(join(projectRoot, 'src', 'core', 'ports', 'ports'))};
(async () => {
  const app = await createApp({ config: loadConfig({ PORT: '0', ...${JSON.stringify(env)} }), logger: silentLogger });
  const sdks = Object.keys(require.cache).filter((k) => /node_modules[\\\\/](@slack[\\\\/]bolt|@microsoft[\\\\/]agents-hosting)[\\\\/]/.test(k)).map((k) => (k.includes('@slack') ? '@slack/bolt' : '@microsoft/agents-hosting'));
  process.stdout.write(JSON.stringify({ sdks: [...new Set(sdks)].sort(), edges: app.edges.map((e) => e.platform) }));
  await app.close(1_000);
})();
`,
  );
  const run = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: projectRoot, env: { PATH: process.env.PATH }, encoding: 'utf8', timeout: 60_000 });
  if (run.status !== 0) throw new Error(run.stderr);
  const out = JSON.parse(run.stdout) as { sdks: string[]; edges: string[] };
  return [...out.sdks, ...out.edges.map((e) => `edge:${e}`)];
}

describe('chat edges are imported only when configured', () => {
  it('console only: no edge, neither chat SDK loaded', () => {
    expect(loadedSdks({})).toEqual([]);
  });

  it('Teams configured: the Teams edge and only its SDK', () => {
    expect(loadedSdks({ TEAMS_ALLOW_ANONYMOUS: 'true' })).toEqual(['@microsoft/agents-hosting', 'edge:teams']);
  });
});
