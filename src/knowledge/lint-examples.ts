import { findSecret } from '../core/scrub-text';
import type { Example } from './example';
import type { KbLintProblem } from './lint-knowledge';

/**
 * `kb lint` for example messages (labels were already checked when they loaded): each lives in the
 * file of its label, no text is there twice, and none holds a secret or token (a pasted message
 * can: examples are published with the code).
 */
export function lintExamples(examples: readonly Example[]): KbLintProblem[] {
  const problems: KbLintProblem[] = [];
  const seen = new Map<string, Example>();
  for (const e of examples) {
    const where = `${e.file}:${e.line}`;
    const name = e.file.split(/[\\/]/).pop() ?? '';
    if (name !== `${e.label}.jsonl`) problems.push({ file: where, article: e.label, rule: 'examples', message: `labelled "${e.label}" but kept in ${name}: move it to ${e.label}.jsonl` });
    const key = e.text.toLowerCase().replace(/[^a-z0-9]+/g, '');
    const first = seen.get(key);
    if (first) problems.push({ file: where, article: e.label, rule: 'examples', message: `the same text as ${first.file}:${first.line}` });
    else seen.set(key, e);
    const secret = findSecret(e.text);
    if (secret) problems.push({ file: where, article: e.label, rule: 'examples', message: `holds what looks like ${secret}: remove it (examples ship with the code)` });
  }
  return problems;
}
