import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NONE, OTHER_IDC, type Example } from './example';
import { ArticleError } from './parse-article';

/** An example text longer than this is cut: the matcher reads the start of a message most. */
export const MAX_EXAMPLE_CHARS = 4_000;

/**
 * Reads `<dir>/examples/*.jsonl` from every knowledge directory: one JSON object per line with
 * `text`, `label` (an article id, "other-idc" or "none"), `source` and optional `alt`. A directory
 * without examples is fine; a malformed line or an unknown label stops the start, naming file and line.
 */
export function loadExamples(dirs: readonly string[], articleIds: ReadonlySet<string>): Example[] {
  const examples: Example[] = [];
  for (const dir of dirs) {
    const folder = join(dir, 'examples');
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder).filter((n) => n.endsWith('.jsonl')).sort()) {
      const file = join(folder, name);
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (!line.trim()) return;
          examples.push(parseExampleLine(line, `${file}:${i + 1}`, articleIds, file, i + 1));
        });
    }
  }
  return examples;
}

export function parseExampleLine(line: string, where: string, articleIds: ReadonlySet<string>, file = where, lineNo = 0): Example {
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch {
    throw new ArticleError(where, 'example', 'not valid JSON');
  }
  const o = (data ?? {}) as Record<string, unknown>;
  for (const field of ['text', 'label', 'source'] as const) {
    if (typeof o[field] !== 'string' || !(o[field] as string).trim()) throw new ArticleError(where, field, 'needs a non-empty string');
  }
  const known = (label: string) => label === NONE || label === OTHER_IDC || articleIds.has(label);
  const label = o.label as string;
  if (!known(label)) throw new ArticleError(where, 'label', `"${label.slice(0, 80)}" is not an article id, "${OTHER_IDC}" or "${NONE}"`);
  const alt = typeof o.alt === 'string' && o.alt.trim() ? o.alt : undefined;
  if (alt && !known(alt)) throw new ArticleError(where, 'alt', `"${alt.slice(0, 80)}" is not an article id, "${OTHER_IDC}" or "${NONE}"`);
  return { text: (o.text as string).slice(0, MAX_EXAMPLE_CHARS), label, alt, source: o.source as string, file, line: lineNo };
}
