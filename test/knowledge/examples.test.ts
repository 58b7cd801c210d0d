import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run-cli';
import { lintExamples } from '../../src/knowledge/lint-examples';
import { loadExamples } from '../../src/knowledge/load-examples';
import { loadKnowledgeBase } from '../../src/knowledge/load-knowledge-base';
import { builtinKnowledgeDir } from '../../src/paths';

const ids = new Set(['scim-sync-user-fails']);
const line = (o: Record<string, unknown>) => JSON.stringify({ source: 'https://github.com/o/r/issues/1', ...o });

describe('example messages', () => {
  const dir = mkdtempSync(join(tmpdir(), 'idc-examples-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, lines: string[]) => {
    mkdirSync(join(dir, 'examples'), { recursive: true });
    writeFileSync(join(dir, 'examples', name), `${lines.join('\n')}\n`);
  };

  it('are loaded from every knowledge directory, built-in and operators\' own', () => {
    write('scim-sync-user-fails.jsonl', [line({ text: 'okta push fails with violates schema', label: 'scim-sync-user-fails' })]);
    const shipped = loadKnowledgeBase([builtinKnowledgeDir]);
    const both = loadExamples([builtinKnowledgeDir, dir], new Set(shipped.articles.map((a) => a.id)));
    expect(both.length).toBe(shipped.examples.length + 1);
    expect(both.at(-1)).toMatchObject({ label: 'scim-sync-user-fails', line: 1, file: join(dir, 'examples', 'scim-sync-user-fails.jsonl') });
  });

  it.each([
    ['a line that is not JSON', '{oops', /x\.jsonl:1: example: not valid JSON/],
    ['a missing source', JSON.stringify({ text: 'a', label: 'none' }), /x\.jsonl:1: source: needs a non-empty string/],
    ['an unknown label', line({ text: 'a', label: 'scim-sync' }), /label: "scim-sync" is not an article id, "other-idc" or "none"/],
    ['an unknown alt', line({ text: 'a', label: 'none', alt: 'nope' }), /alt: "nope" is not an article id/],
  ])('refuse %s, naming the file and line', (_name, content, expected) => {
    write('x.jsonl', [content]);
    expect(() => loadExamples([dir], ids)).toThrow(expected);
    rmSync(join(dir, 'examples', 'x.jsonl'));
  });

  it('are linted: file of their label, no text twice, no secrets', () => {
    const at = (text: string, label: string, file: string, n: number) => ({ text, label, source: 's', file: `/k/examples/${file}`, line: n });
    const problems = lintExamples([
      at('Request is unparsable', 'scim-sync-user-fails', 'scim-sync-user-fails.jsonl', 1),
      at('request is UNPARSABLE!', 'scim-sync-user-fails', 'scim-sync-user-fails.jsonl', 2),
      at('lunch?', 'none', 'other-idc.jsonl', 1),
      at('curl -H "Authorization: Bearer abcdefghijklmnopqrstuvwxyz012345" https://scim.us-east-1.amazonaws.com', 'none', 'none.jsonl', 1),
      at('aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'none', 'none.jsonl', 2),
      at('SLACK_BOT_TOKEN=xoxb-1234-5678-abcdefgh', 'none', 'none.jsonl', 3),
      at('the token expired yesterday, the password policy is strict', 'none', 'none.jsonl', 4),
    ]).map((p) => `${p.file} ${p.message}`);
    expect(problems).toEqual([
      '/k/examples/scim-sync-user-fails.jsonl:2 the same text as /k/examples/scim-sync-user-fails.jsonl:1',
      '/k/examples/other-idc.jsonl:1 labelled "none" but kept in other-idc.jsonl: move it to none.jsonl',
      '/k/examples/none.jsonl:1 holds what looks like a bearer token: remove it (examples ship with the code)',
      '/k/examples/none.jsonl:2 holds what looks like a 40-character secret: remove it (examples ship with the code)',
      '/k/examples/none.jsonl:3 holds what looks like a Slack token: remove it (examples ship with the code)',
    ]);
  });

  it('kb lint fails on a bad example and passes on the shipped ones', async () => {
    const out = { stdout: '', stderr: '' };
    const io = (env: NodeJS.ProcessEnv) => ({ out: (t: string) => void (out.stdout += t), err: (t: string) => void (out.stderr += t), readFile: () => '', env });
    expect(await runCli(['kb', 'lint'], io({}))).toBe(0);
    expect(out.stdout).toMatch(/^OK: \d+ articles and \d+ example messages/);
    const bad = mkdtempSync(join(tmpdir(), 'idc-bad-examples-'));
    try {
      mkdirSync(join(bad, 'examples'));
      writeFileSync(join(bad, 'examples', 'none.jsonl'), `${line({ text: 'token: ghp_abcdefghijklmnop1234', label: 'none' })}\n`);
      out.stderr = '';
      expect(await runCli(['kb', 'lint', bad], io({}))).toBe(1);
      expect(out.stderr).toMatch(/none\.jsonl:1: none: examples: holds what looks like a token or password/);
    } finally {
      rmSync(bad, { recursive: true, force: true });
    }
  });
});
