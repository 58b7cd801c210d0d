import type { Article } from './article';
import { containsFolded, foldText } from './fold-text';
import type { ArticleEvidence } from './read-evidence';
import { stepNames, type StepName } from './step-names';

export type KbLintRule = 'sources' | 'examples' | 'signature' | 'step-name';

/** One reason an article fails `kb lint`: the file, the article, the rule and what to fix. */
export interface KbLintProblem {
  file: string;
  article: string;
  rule: KbLintRule;
  message: string;
  /** The signature or step name that no source backs. */
  name?: string;
}

export interface KbLintOptions {
  /**
   * Names a step may use without a source: the assistant's own commands (`check saml`,
   * `check user`…), which no AWS page mentions, alone or followed by their arguments
   * (`kb delegated-admin-management-account`).
   */
  ownNames?: readonly string[];
}

/** IAM actions and CLI flags are compared as written (case aside); folding would turn `--sso-region` into "sso region". */
function appearsVerbatim(texts: readonly string[], name: string): boolean {
  const escaped = name.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`(?<![\\w-])${escaped}(?![\\w-])`);
  return texts.some((t) => re.test(t.toLowerCase()));
}

function backed(name: StepName, raw: readonly string[], folded: readonly string[]): boolean {
  if (name.kind === 'iam-action' || name.kind === 'cli-flag') return appearsVerbatim(raw, name.name);
  return folded.some((t) => containsFolded(t, name.name));
}

/**
 * The knowledge base's own evidence rules, as a pure function of the articles and what
 * `readEvidence` read for them (the CLI's `kb lint` and the start-up both call it):
 * 1. an article names at least one source with a text copy, and every `file` exists under `sources/`;
 * 2. every signature appears (case, whitespace and punctuation folded) in a source copy or in one
 *    of the article's own example messages (lines of `examples/<id>.jsonl` labelled with its id);
 * 3. every name a step marks (`code`, **bold**) or uses unmarked (API operation, IAM action, CLI
 *    flag) appears in a source copy.
 */
export function lintArticles(
  articles: readonly Article[],
  evidence: ReadonlyMap<string, ArticleEvidence>,
  options: KbLintOptions = {},
): KbLintProblem[] {
  const problems: KbLintProblem[] = [];
  // Source copies are shared between articles (the same string from readEvidence): fold each once.
  const foldedCache = new Map<string, string>();
  const foldOnce = (text: string) => foldedCache.get(text) ?? foldedCache.set(text, foldText(text)).get(text)!;
  const own = (options.ownNames ?? []).map((n) => foldText(n)).filter((n) => n.trim());
  const isOwn = (name: string) => {
    const f = foldText(name);
    return own.some((o) => f === o || f.startsWith(o));
  };
  for (const article of articles) {
    const found = evidence.get(article.id) ?? { sources: [] };
    const report = (rule: KbLintRule, message: string, name?: string) =>
      problems.push({ file: article.file, article: article.id, rule, message, ...(name !== undefined ? { name } : {}) });

    if (article.sources.length === 0) report('sources', 'has no sources: add `sources:` with the AWS documentation section it is based on');
    else if (found.sources.length === 0) report('sources', 'no source has a `file`: save a text copy under sources/ and name it in `file`');
    for (const s of found.sources) if ('problem' in s) report('sources', `source file "${s.file}" ${s.problem}`, s.file);
    for (const p of found.examples?.problems ?? []) report('examples', `${found.examples!.path}: ${p}`);

    const raw = found.sources.flatMap((s) => ('text' in s ? [s.text] : []));
    const folded = raw.map(foldOnce);
    const examples = (found.examples?.messages ?? []).filter((m) => m.label === article.id).map((m) => foldText(m.text));

    for (const signature of article.signatures) {
      if (![...folded, ...examples].some((t) => containsFolded(t, signature))) {
        report('signature', `signature "${signature}" appears in no source copy and no example message`, signature);
      }
    }
    article.steps.forEach((step, i) => {
      for (const name of stepNames(step)) {
        if (isOwn(name.name) || backed(name, raw, folded)) continue;
        report('step-name', `step ${i + 1} names ${describe(name)} "${name.name}", which no source copy contains`, name.name);
      }
    });
  }
  return problems;
}

function describe(name: StepName): string {
  switch (name.kind) {
    case 'code':
      return 'the code span';
    case 'bold':
      return 'the console label';
    case 'api':
      return 'the API';
    case 'iam-action':
      return 'the IAM action';
    case 'cli-flag':
      return 'the CLI flag';
  }
}

/** `file: article: rule: message`, one problem a line, for the CLI and the start-up log. */
export function formatKbLintProblem(p: KbLintProblem): string {
  return `${p.file}: ${p.article}: ${p.rule}: ${p.message}`;
}
