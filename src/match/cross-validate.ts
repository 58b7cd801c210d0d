import type { Article } from '../knowledge/article';
import { threadOf, type Example } from '../knowledge/example';
import type { FittedParams } from './fusion';
import { Matcher } from './matcher';

/**
 * Fold of each example, by thread: every example from one source URL lands in the same fold, so
 * a thread's other messages never teach the model the answer to the one being scored. Folds are
 * assigned by a hash of the thread, so adding examples does not reshuffle the others.
 */
export function foldsBySource(examples: readonly Example[], k: number): number[] {
  return examples.map((e) => hash(threadOf(e.source)) % k);
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * For each fold, a matcher built from the articles and the examples of the other folds, and the
 * examples it has not seen. `params` fixes the fusion (default: the shipped fitted numbers).
 */
export function* crossValidationFolds(
  articles: readonly Article[],
  examples: readonly Example[],
  k: number,
  params?: FittedParams,
): Generator<{ matcher: Matcher; heldOut: Example[] }> {
  const folds = foldsBySource(examples, k);
  for (let f = 0; f < k; f++) {
    const heldOut = examples.filter((_, i) => folds[i] === f);
    if (heldOut.length === 0) continue;
    yield { matcher: new Matcher(articles, examples.filter((_, i) => folds[i] !== f), params), heldOut };
  }
}
