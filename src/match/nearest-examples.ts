import type { SparseVector } from './tfidf';

/**
 * Cosine similarity of a message to every training document (examples and article phrasings),
 * through an inverted index so a query touches only documents that share a feature with it.
 * Gives, per class, the similarity of its closest document: a paste of an error someone already
 * reported lands next to that report even when the words are rare.
 */
export class NearestExamples {
  private readonly postings = new Map<number, { docs: number[]; vals: number[] }>();
  /** Scratch space for one query's dot products, reused (a query touches few documents). */
  private readonly dots: Float64Array;
  private readonly touched: number[] = [];

  constructor(
    vectors: readonly SparseVector[],
    private readonly labels: readonly number[],
    private readonly classes: number,
  ) {
    this.dots = new Float64Array(vectors.length);
    vectors.forEach((v, doc) => {
      for (let k = 0; k < v.idx.length; k++) {
        const f = v.idx[k]!;
        let p = this.postings.get(f);
        if (!p) this.postings.set(f, (p = { docs: [], vals: [] }));
        p.docs.push(doc);
        p.vals.push(v.val[k]!);
      }
    });
  }

  /** Per class, the highest cosine similarity of one of its documents to `x` (0 when none shares a feature). */
  closest(x: SparseVector, exclude?: ReadonlySet<number>): { perClass: Float64Array; nearest: number[] } {
    const dots = this.dots;
    const touched = this.touched;
    touched.length = 0;
    for (let k = 0; k < x.idx.length; k++) {
      const p = this.postings.get(x.idx[k]!);
      if (!p) continue;
      const v = x.val[k]!;
      for (let j = 0; j < p.docs.length; j++) {
        const d = p.docs[j]!;
        if (dots[d] === 0) touched.push(d);
        dots[d] = dots[d]! + v * p.vals[j]!;
      }
    }
    const perClass = new Float64Array(this.classes);
    const nearest = new Array<number>(this.classes).fill(-1);
    for (const doc of touched) {
      const sim = dots[doc]!;
      dots[doc] = 0;
      if (exclude?.has(doc)) continue;
      const c = this.labels[doc]!;
      if (sim > perClass[c]!) {
        perClass[c] = sim;
        nearest[c] = doc;
      }
    }
    return { perClass, nearest };
  }
}
