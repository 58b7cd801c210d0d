import { textFeatures } from '../../match/text-features';
import { TfIdf, type SparseVector } from '../../match/tfidf';

/** Two messages this similar (cosine over word and character TF-IDF) are about the same thing. */
const SAME_GROUP = 0.3;

function cosine(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < a.idx.length && j < b.idx.length) {
    if (a.idx[i] === b.idx[j]) dot += a.val[i++]! * b.val[j++]!;
    else if (a.idx[i]! < b.idx[j]!) i++;
    else j++;
  }
  return dot;
}

/**
 * Groups texts by similarity, greedily: each text joins the first group whose first text it is
 * close to, else starts one. Largest groups first, so `report` shows the commonest gaps on top.
 * Quadratic in the worst case; `report` passes at most a few thousand messages.
 */
export function groupSimilar<T>(items: readonly T[], textOf: (item: T) => string): T[][] {
  const features = items.map((it) => {
    const f = textFeatures(textOf(it));
    return [...f.words, ...f.chars];
  });
  const tfidf = new TfIdf(features);
  const vectors = features.map((f) => tfidf.vector(f));
  const groups: { head: SparseVector; members: T[] }[] = [];
  items.forEach((item, i) => {
    const home = groups.find((g) => cosine(g.head, vectors[i]!) >= SAME_GROUP);
    if (home) home.members.push(item);
    else groups.push({ head: vectors[i]!, members: [item] });
  });
  return groups.map((g) => g.members).sort((a, b) => b.length - a.length);
}
