import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app';
import { runCli, type CliIo } from '../../src/cli/run-cli';
import { loadConfig } from '../../src/config/load-config';
import { loadKnowledge } from '../../src/knowledge/load-knowledge';
import { builtinKnowledgeDir } from '../../src/paths';
import { recordingLogger } from '../teams/recording-logger';

describe('a KNOWLEDGE_DIRS folder with no articles', () => {
  const empty = mkdtempSync(join(tmpdir(), 'idc-kb-empty-'));
  const misnamed = mkdtempSync(join(tmpdir(), 'idc-kb-misnamed-'));
  writeFileSync(join(misnamed, 'my-article.markdown'), '---\nid: my-article\n---\n');
  mkdirSync(join(misnamed, 'articles'));

  it('loads nothing from it, and says so with the path and the likely cause', () => {
    const warnings: string[] = [];
    const articles = loadKnowledge([builtinKnowledgeDir, empty, misnamed], (m) => warnings.push(m));
    expect(articles.length).toBe(loadKnowledge([builtinKnowledgeDir]).length);
    expect(warnings).toEqual([
      `KNOWLEDGE_DIRS: no articles (*.md) in ${empty}: it is empty. Check the path, and name each article <article-id>.md.`,
      `KNOWLEDGE_DIRS: no articles (*.md) in ${misnamed}: it holds 1 other file(s) and 1 folder(s), which are not read. Check the path, and name each article <article-id>.md.`,
    ]);
  });

  it('warns in the start log and in `kb lint`', async () => {
    const logs = recordingLogger();
    const app = await createApp({ config: loadConfig({ PORT: '0', KNOWLEDGE_DIRS: empty }), logger: logs.logger });
    await app.close();
    expect(logs.entries.filter((e) => e.level === 'warn').map((e) => e.msg)).toEqual([expect.stringContaining(`no articles (*.md) in ${empty}`)]);

    const err: string[] = [];
    const io: CliIo = { out: () => {}, err: (t) => err.push(t), readFile: () => '', env: { KNOWLEDGE_DIRS: empty } };
    expect(await runCli(['kb', 'lint'], io)).toBe(0);
    expect(err.join('')).toMatch(/^warning: KNOWLEDGE_DIRS: no articles \(\*\.md\) in /);
  });
});
