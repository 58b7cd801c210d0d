import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type CliIo } from '../../src/cli/run-cli';
import { COMMAND_NAMES } from '../../src/core/replies/compose-help';
import { lintArticles, type KbLintProblem } from '../../src/knowledge/lint-knowledge';
import { loadKnowledge } from '../../src/knowledge/load-knowledge';
import { readEvidence } from '../../src/knowledge/read-evidence';
import { stepNames } from '../../src/knowledge/step-names';
import { builtinKnowledgeDir } from '../../src/paths';

const SOURCE = `URL: https://docs.aws.amazon.com/example
Title: AWS docs: Example

If SCIM fails you might see 'Request is unparsable, syntactically incorrect, or violates schema'.
Open the **Settings** page and choose **Enable**. Call CreateAccountAssignment, then ProvisionPermissionSet.
You need iam:UpdateAssumeRolePolicy. Run aws sso login --profile my-profile.
`;

interface Parts {
  sources?: string;
  signatures?: string[];
  steps?: string[];
  examples?: string;
  sourceText?: string;
}

/** One article in a fresh knowledge directory, with its source copy and (optionally) examples. */
function knowledgeDir(parts: Parts = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'kb-lint-'));
  const sources = parts.sources ?? '\nsources:\n  - url: "https://docs.aws.amazon.com/example"\n    title: "AWS docs: Example"\n    file: example.txt';
  const signatures = (parts.signatures ?? ['Request is unparsable, syntactically incorrect, or violates schema']).map((s) => `  - "${s}"`).join('\n');
  const steps = (parts.steps ?? ['Open **Settings** and choose **Enable**.']).map((s, i) => `${i + 1}. ${s}`).join('\n');
  writeFileSync(
    join(dir, 'my-article.md'),
    `---\nid: my-article\ntitle: "A title"\nsection: "A section"\nsignatures:\n${signatures}\nsymptoms: ["users cannot sign in"]${sources}\n---\n## Cause\nA cause.\n\n## Steps\n${steps}\n\n## When to escalate\nWhen it still fails.\n`,
  );
  mkdirSync(join(dir, 'sources'));
  writeFileSync(join(dir, 'sources', 'example.txt'), parts.sourceText ?? SOURCE);
  if (parts.examples !== undefined) {
    mkdirSync(join(dir, 'examples'));
    writeFileSync(join(dir, 'examples', 'my-article.jsonl'), parts.examples);
  }
  return dir;
}

function lint(parts: Parts = {}): KbLintProblem[] {
  const articles = loadKnowledge([knowledgeDir(parts)]);
  return lintArticles(articles, readEvidence(articles), { ownNames: COMMAND_NAMES });
}

const rulesOf = (problems: KbLintProblem[]) => problems.map((p) => `${p.rule}:${p.name ?? ''}`);

describe('kb lint rules', () => {
  it('passes the shipped knowledge base', () => {
    const articles = loadKnowledge([builtinKnowledgeDir]);
    expect(articles.length).toBeGreaterThanOrEqual(21);
    expect(lintArticles(articles, readEvidence(articles), { ownNames: COMMAND_NAMES })).toEqual([]);
  });

  it('passes a sourced article', () => {
    expect(lint()).toEqual([]);
  });

  describe('1. sources', () => {
    it('fails an article without sources', () => {
      // With no source copy, nothing the article says is backed either.
      expect(rulesOf(lint({ sources: '' }))).toEqual([
        'sources:',
        'signature:Request is unparsable, syntactically incorrect, or violates schema',
        'step-name:Settings',
        'step-name:Enable',
      ]);
    });

    it('fails a source file that does not exist under sources/, naming file and article', () => {
      const problems = lint({ sources: '\nsources:\n  - url: "https://docs.aws.amazon.com/x"\n    title: "AWS docs: X"\n    file: missing.txt' });
      expect(problems[0]).toEqual({
        file: expect.stringMatching(/my-article\.md$/),
        article: 'my-article',
        rule: 'sources',
        name: 'missing.txt',
        message: expect.stringMatching(/^source file "missing\.txt" does not exist \(expected .*sources\/missing\.txt\)$/),
      });
    });

    it('refuses a file outside sources/', () => {
      const problems = lint({ sources: '\nsources:\n  - url: "https://docs.aws.amazon.com/x"\n    title: "AWS docs: X"\n    file: ../my-article.md' });
      expect(problems[0]?.message).toMatch(/must be a file name under sources\//);
    });

    it('fails when no source has a text copy', () => {
      const problems = lint({ sources: '\nsources:\n  - url: "https://docs.aws.amazon.com/x"\n    title: "AWS docs: X"' });
      expect(problems[0]?.message).toMatch(/no source has a `file`/);
    });
  });

  describe('2. signatures', () => {
    it('fails a signature that appears in no source and no example', () => {
      const problems = lint({ signatures: ['invalid name id policy format'] });
      expect(rulesOf(problems)).toEqual(['signature:invalid name id policy format']);
      expect(problems[0]?.message).toBe('signature "invalid name id policy format" appears in no source copy and no example message');
    });

    it('folds case, whitespace and punctuation, but matches whole words only', () => {
      expect(lint({ signatures: ['REQUEST is unparsable syntactically   incorrect'] })).toEqual([]);
      expect(rulesOf(lint({ signatures: ['quest is unparsable'] }))).toEqual(['signature:quest is unparsable']);
    });

    it("accepts a signature from one of the article's own example messages", () => {
      const line = (label: string) => JSON.stringify({ text: 'CloudTrail said: Response contains invalid name id policy format', label, source: 'https://github.com/x/y/issues/1' });
      expect(lint({ signatures: ['Response contains invalid name id policy format'], examples: `${line('my-article')}\n` })).toEqual([]);
      // A near miss labelled for another article is no evidence for this one.
      expect(rulesOf(lint({ signatures: ['Response contains invalid name id policy format'], examples: `${line('none')}\n` }))).toEqual([
        'signature:Response contains invalid name id policy format',
      ]);
    });

    it('reports an examples file it cannot read, by line', () => {
      const problems = lint({ examples: '{"text": "x", "label": "my-article"}\nnot json\n' });
      expect(problems.map((p) => p.message)).toEqual([
        expect.stringMatching(/my-article\.jsonl: line 1: needs string fields text, label and source \(missing: source\)$/),
        expect.stringMatching(/line 2: not valid JSON$/),
      ]);
    });
  });

  describe('3. names in steps', () => {
    it.each([
      ['a backticked API', 'Call `CreateAccountAssigment`.', 'CreateAccountAssigment'],
      ['a bold console label', 'Choose **Enable attributes**.', 'Enable attributes'],
      ['an unmarked API name', 'Then call DescribePermissionSetProvisioningStatus.', 'DescribePermissionSetProvisioningStatus'],
      ['an unmarked IAM action', 'Grant sso:ListInstances to the role.', 'sso:ListInstances'],
      ['an IAM action whose words appear apart', 'Grant `iam:UpdateRole` first.', 'iam:UpdateRole'],
      ['an unmarked CLI flag', 'Pass --sso-region to the command.', '--sso-region'],
    ])('fails %s that no source contains', (_what, step, name) => {
      const problems = lint({ steps: [step] });
      expect(rulesOf(problems)).toEqual([`step-name:${name}`]);
      expect(problems[0]?.message).toMatch(/^step 1 names the .* which no source copy contains$/);
    });

    it('accepts names the source has, the assistant commands and their arguments', () => {
      const steps = [
        'Call `CreateAccountAssignment`, then ProvisionPermissionSet.',
        'Add `iam:UpdateAssumeRolePolicy` and run `aws sso login` with `--profile`.',
        'Paste it after `check saml`, or read `kb protected-role-awsreservedsso`.',
        'Set the NameID format to urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress.',
      ];
      expect(lint({ steps })).toEqual([]);
    });
  });
});

describe('stepNames', () => {
  it('finds marked spans and unmarked API names, IAM actions and flags, not URN pieces', () => {
    expect(stepNames('Open **Settings**, call `ListInstances` and CreateAccountAssignment with sso:CreateAccountAssignment and --profile x; urn:oasis:names:tc:SAML:1.1').map((n) => `${n.kind}:${n.name}`)).toEqual([
      'bold:Settings',
      'code:ListInstances',
      'iam-action:sso:CreateAccountAssignment',
      'cli-flag:--profile',
      'api:CreateAccountAssignment',
    ]);
  });
});

describe('npm run cli -- kb lint', () => {
  function io() {
    const out: string[] = [];
    const err: string[] = [];
    const cli: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), readFile: (p) => readFileSync(p, 'utf8'), env: {} };
    return { cli, out: () => out.join(''), err: () => err.join('') };
  }

  it('exits 0 on the shipped knowledge', async () => {
    const t = io();
    expect(await runCli(['kb', 'lint'], t.cli)).toBe(0);
    expect(t.out()).toMatch(/^OK: \d+ articles and \d+ example messages in /);
  });

  it('exits 1 and prints file, article, rule and the unknown name', async () => {
    const t = io();
    const dir = knowledgeDir({ steps: ['Call `CreateAccountAssigment`.'] });
    expect(await runCli(['kb', 'lint', dir], t.cli)).toBe(1);
    expect(t.err()).toContain(`${join(dir, 'my-article.md')}: my-article: step-name: step 1 names the code span "CreateAccountAssigment", which no source copy contains`);
    expect(t.err()).toMatch(/1 problem in 1 of \d+ articles\.\n$/);
  });

  it('prints the problems as JSON with --json', async () => {
    const t = io();
    expect(await runCli(['kb', 'lint', knowledgeDir({ sources: '' }), '--json'], t.cli)).toBe(1);
    const json = JSON.parse(t.out()) as { problems: KbLintProblem[] };
    expect(json.problems.map((p) => p.rule)).toEqual(['sources', 'signature', 'step-name', 'step-name']);
  });
});
