import { parse as parseYaml } from 'yaml';
import { frontMatterSchema, type Article } from './article';
import { AppError } from '../core/app-error';

/** An article that cannot be used; names the file and the field so the operator can fix it. */
export class ArticleError extends AppError<'invalid_article'> {
  constructor(
    readonly file: string,
    readonly field: string,
    problem: string,
  ) {
    super(
      'invalid_article',
      `${file}: ${field}: ${problem}`,
      'Fix that knowledge base file (YAML front matter, then the Cause, Steps and When to escalate sections; see "Knowledge base" in README.md) or remove its folder from KNOWLEDGE_DIRS.',
    );
    this.name = 'ArticleError';
  }
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;
const REQUIRED_SECTIONS = ['cause', 'steps', 'when to escalate'] as const;

/** Parses one `knowledge/*.md` file: YAML front matter, then `## Cause`, `## Steps`, `## When to escalate`. */
export function parseArticle(file: string, source: string): Article {
  const m = FRONT_MATTER.exec(source.replace(/^\uFEFF/, ''));
  if (!m) throw new ArticleError(file, 'front matter', 'the file must start with a YAML block between --- lines');
  let data: unknown;
  try {
    data = parseYaml(m[1]!);
  } catch (err) {
    throw new ArticleError(file, 'front matter', `invalid YAML (${(err as Error).message.split('\n')[0]})`);
  }
  const parsed = frontMatterSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ArticleError(file, issue.path.join('.') || 'front matter', issue.message);
  }
  const sections = splitSections(m[2]!);
  for (const name of REQUIRED_SECTIONS) {
    if (!sections.get(name)?.trim()) throw new ArticleError(file, `## ${capitalise(name)}`, 'section is missing or empty');
  }
  const steps = parseSteps(sections.get('steps')!);
  if (steps.length === 0) throw new ArticleError(file, '## Steps', 'needs a numbered list (1. …)');
  const cause = sections.get('cause')!.trim();
  return {
    ...parsed.data,
    summary: firstSentence(cause),
    cause,
    steps,
    escalate: sections.get('when to escalate')!.trim(),
    file,
  };
}

function splitSections(body: string): Map<string, string> {
  const out = new Map<string, string>();
  let current: string | undefined;
  for (const line of body.split(/\r?\n/)) {
    const h = /^##\s+(.+?)\s*$/.exec(line);
    if (h) {
      current = h[1]!.toLowerCase();
      out.set(current, '');
    } else if (current) {
      out.set(current, `${out.get(current)}${line}\n`);
    }
  }
  return out;
}

/** Numbered items; indented or unnumbered lines continue the previous item. */
function parseSteps(text: string): string[] {
  const steps: string[] = [];
  for (const line of text.split('\n')) {
    const item = /^\s{0,3}\d+[.)]\s+(.*)$/.exec(line);
    if (item) steps.push(item[1]!.trim());
    else if (line.trim() && steps.length > 0) steps[steps.length - 1] += `\n${line.trim()}`;
  }
  return steps;
}

function firstSentence(text: string): string {
  const para = text.split(/\n\s*\n/)[0]!.replace(/\s+/g, ' ').trim();
  const m = /^(.+?[.!?])(\s|$)/.exec(para);
  return m ? m[1]! : para;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
