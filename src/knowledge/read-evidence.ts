import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';
import type { Article } from './article';

/** One `sources[].file` of an article: its text, or why it cannot be read. */
export type SourceCopy = { file: string; path: string; text: string } | { file: string; path: string; problem: string };

/** One line of `<knowledge dir>/examples/<article-id>.jsonl`: a real message and where it came from. */
export interface ExampleMessage {
  text: string;
  label: string;
  source: string;
}

/** What `kb lint` checks an article against, read from disk once so the rules stay pure. */
export interface ArticleEvidence {
  sources: SourceCopy[];
  /** `undefined`: the article has no examples file (allowed). */
  examples?: { path: string; messages: ExampleMessage[]; problems: string[] };
}

/** A `file` must stay inside `<knowledge dir>/sources/`: no absolute paths, no `..`. */
function sourcePath(dir: string, file: string): string | undefined {
  const clean = normalize(file);
  if (isAbsolute(clean) || clean.split(sep).includes('..')) return undefined;
  return join(dir, 'sources', clean);
}

function readSource(dir: string, file: string, cache: Map<string, string>): SourceCopy {
  const path = sourcePath(dir, file);
  if (!path) return { file, path: file, problem: 'must be a file name under sources/ (no absolute path, no "..")' };
  const cached = cache.get(path);
  if (cached !== undefined) return { file, path, text: cached };
  try {
    if (!statSync(path).isFile()) return { file, path, problem: 'is not a file' };
    const text = readFileSync(path, 'utf8');
    cache.set(path, text);
    return { file, path, text };
  } catch {
    return { file, path, problem: `does not exist (expected ${path})` };
  }
}

function parseExamples(text: string): { messages: ExampleMessage[]; problems: string[] } {
  const messages: ExampleMessage[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      problems.push(`line ${i + 1}: not valid JSON`);
      return;
    }
    const o = value as Record<string, unknown>;
    const missing = ['text', 'label', 'source'].filter((k) => typeof o?.[k] !== 'string' || !(o[k] as string).trim());
    if (typeof value !== 'object' || value === null || Array.isArray(value) || missing.length > 0) {
      problems.push(`line ${i + 1}: needs string fields text, label and source${missing.length ? ` (missing: ${missing.join(', ')})` : ''}`);
      return;
    }
    messages.push({ text: o.text as string, label: o.label as string, source: o.source as string });
  });
  return { messages, problems };
}

/** Reads every article's source copies and example messages from beside the article's file. */
export function readEvidence(articles: readonly Article[]): Map<string, ArticleEvidence> {
  const out = new Map<string, ArticleEvidence>();
  // Many articles cite the same AWS page: read each copy once.
  const cache = new Map<string, string>();
  for (const article of articles) {
    const dir = dirname(article.file);
    const sources = article.sources.filter((s) => s.file !== undefined).map((s) => readSource(dir, s.file!, cache));
    const evidence: ArticleEvidence = { sources };
    const examplesPath = join(dir, 'examples', `${article.id}.jsonl`);
    if (existsSync(examplesPath)) evidence.examples = { path: examplesPath, ...parseExamples(readFileSync(examplesPath, 'utf8')) };
    out.set(article.id, evidence);
  }
  return out;
}
