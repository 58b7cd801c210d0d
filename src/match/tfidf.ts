/** A sparse vector: feature indices (ascending) and their values. */
export interface SparseVector {
  idx: Int32Array;
  val: Float64Array;
}

/**
 * TF-IDF with sublinear term frequency (1 + ln tf) and smoothed IDF (ln((1 + n) / (1 + df)) + 1),
 * L2-normalised, as scikit-learn's TfidfVectorizer does. Fitted once on the training documents; a
 * term the training documents never used is ignored at query time.
 */
export class TfIdf {
  private readonly index = new Map<string, number>();
  private readonly idf: number[] = [];

  /**
   * `maxDfShare`: terms in more than this share of documents are dropped. They weigh little
   * after IDF anyway, and are what makes an inverted-index query slow (" the", "ing ").
   */
  constructor(documents: readonly (readonly string[])[], minDf = 1, maxDfShare = 1) {
    const df = new Map<string, number>();
    for (const doc of documents) for (const t of new Set(doc)) df.set(t, (df.get(t) ?? 0) + 1);
    const n = documents.length;
    for (const [term, count] of df) {
      if (count < minDf || count > maxDfShare * n) continue;
      this.index.set(term, this.idf.length);
      this.idf.push(Math.log((1 + n) / (1 + count)) + 1);
    }
  }

  get dimensions(): number {
    return this.idf.length;
  }

  vector(terms: readonly string[]): SparseVector {
    const tf = new Map<number, number>();
    for (const t of terms) {
      const i = this.index.get(t);
      if (i !== undefined) tf.set(i, (tf.get(i) ?? 0) + 1);
    }
    const idx = Int32Array.from([...tf.keys()].sort((a, b) => a - b));
    const val = new Float64Array(idx.length);
    let norm = 0;
    idx.forEach((i, k) => {
      const v = (1 + Math.log(tf.get(i)!)) * this.idf[i]!;
      val[k] = v;
      norm += v * v;
    });
    if (norm > 0) {
      const scale = 1 / Math.sqrt(norm);
      for (let k = 0; k < val.length; k++) val[k] = val[k]! * scale;
    }
    return { idx, val };
  }
}
