import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config/load-config';
import { recordingLogger } from '../teams/recording-logger';

describe('start-up runs kb lint', () => {
  it('starts without warnings on the shipped knowledge', async () => {
    const logs = recordingLogger();
    await (await createApp({ config: loadConfig({ PORT: '0' }), logger: logs.logger })).close();
    expect(logs.entries.filter((e) => e.msg.startsWith('kb lint'))).toEqual([]);
  });

  it("warns, naming file, article and rule, about an operator's article without sources, and still starts", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-ops-'));
    writeFileSync(
      join(dir, 'our-vpn.md'),
      '---\nid: our-vpn\ntitle: "VPN first"\nsection: "Internal wiki"\nsymptoms: ["portal unreachable off VPN"]\n---\n## Cause\nThe portal is only reachable on VPN.\n\n## Steps\n1. Connect to the VPN.\n\n## When to escalate\nWhen it still fails.\n',
    );
    const logs = recordingLogger();
    const app = await createApp({ config: loadConfig({ PORT: '0', KNOWLEDGE_DIRS: dir }), logger: logs.logger });
    expect(app).toBeDefined();
    await app.close();
    expect(logs.entries.filter((e) => e.msg.startsWith('kb lint'))).toEqual([
      { level: 'warn', obj: { file: join(dir, 'our-vpn.md'), article: 'our-vpn', rule: 'sources' }, msg: expect.stringMatching(/^kb lint: has no sources/) },
    ]);
  });
});
