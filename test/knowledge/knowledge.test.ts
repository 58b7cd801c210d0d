import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKnowledge } from '../../src/knowledge/load-knowledge';
import { ArticleError, parseArticle } from '../../src/knowledge/parse-article';
import { builtinKnowledgeDir } from '../../src/paths';

const valid = `---
id: my-article
title: "A title"
section: "A section"
signatures: ["Some exact error text"]
symptoms: ["users cannot sign in"]
checks: [user]
---
## Cause
First sentence here. Second sentence.

## Steps
1. Do this.
2. Then that,
   continued on a second line.

## When to escalate
When it still fails.
`;

function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kb-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('parseArticle', () => {
  it('reads front matter and the three sections', () => {
    const a = parseArticle('x.md', valid);
    expect(a.id).toBe('my-article');
    expect(a.summary).toBe('First sentence here.');
    expect(a.steps).toEqual(['Do this.', 'Then that,\ncontinued on a second line.']);
    expect(a.escalate).toBe('When it still fails.');
    expect(a.checks).toEqual(['user']);
  });

  it.each([
    ['missing front matter', '## Cause\nx', 'x.md: front matter'],
    ['bad YAML', '---\nid: [oops\n---\n', 'x.md: front matter: invalid YAML'],
    ['bad id', valid.replace('id: my-article', 'id: My Article'), 'x.md: id: must be kebab-case'],
    ['no symptoms', valid.replace('symptoms: ["users cannot sign in"]', 'symptoms: []'), 'x.md: symptoms'],
    ['unknown check', valid.replace('checks: [user]', 'checks: [dns]'), 'x.md: checks.0'],
    ['unknown field', valid.replace('checks: [user]', 'checks: [user]\nowner: me'), 'x.md: front matter'],
    ['no steps section', valid.replace('## Steps', '## Stuff'), 'x.md: ## Steps'],
    ['steps without numbers', valid.replace('1. Do this.', '- Do this.').replace('2. Then', '- Then'), 'x.md: ## Steps: needs a numbered list'],
  ])('names file and field: %s', (_name, text, expected) => {
    expect(() => parseArticle('x.md', text)).toThrow(ArticleError);
    expect(() => parseArticle('x.md', text)).toThrow(expected);
  });
});

describe('loadKnowledge', () => {
  it('loads the shipped articles', () => {
    const ids = loadKnowledge([builtinKnowledgeDir]).map((a) => a.id);
    expect(ids).toContain('protected-role-awsreservedsso');
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('refuses a file whose name differs from its id', () => {
    const dir = dirWith({ 'other-name.md': valid });
    expect(() => loadKnowledge([dir])).toThrow(/other-name\.md: id: "my-article" must match the file name/);
  });

  it('refuses an operator article that redefines a built-in id', () => {
    const text = valid.replace('id: my-article', 'id: protected-role-awsreservedsso');
    const dir = dirWith({ 'protected-role-awsreservedsso.md': text });
    expect(() => loadKnowledge([builtinKnowledgeDir, dir])).toThrow(/already defined/);
  });

  it('adds operator articles after the built-in ones', () => {
    const dir = dirWith({ 'my-article.md': valid, 'README.md': '# notes' });
    const ids = loadKnowledge([builtinKnowledgeDir, dir]).map((a) => a.id);
    expect(ids[ids.length - 1]).toBe('my-article');
  });

  it('names a directory that does not exist', () => {
    expect(() => loadKnowledge(['/nonexistent/kb'])).toThrow(/\/nonexistent\/kb: directory: cannot read/);
  });
});
