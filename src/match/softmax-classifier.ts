import type { SparseVector } from './tfidf';

export interface TrainingOptions {
  /** Passes over the data. */
  epochs: number;
  /** AdaGrad base step. */
  rate: number;
  /** L2 penalty per example seen. */
  l2: number;
}

export const DEFAULT_TRAINING: TrainingOptions = { epochs: 10, rate: 0.5, l2: 1e-4 };

/**
 * Multinomial logistic regression (softmax) over sparse TF-IDF vectors, trained with AdaGrad on
 * the cross-entropy loss. Small enough to train at start (a few hundred documents, ~40 classes:
 * tens of milliseconds) and explainable: each class has one weight per word feature.
 * Written here rather than taken from npm because the libraries at hand train dense matrices
 * one-vs-rest, which is slower by the vocabulary size and gives probabilities that do not sum to 1.
 */
export class SoftmaxClassifier {
  /** weights[feature * classes + class] */
  private readonly weights: Float64Array;
  private readonly bias: Float64Array;

  constructor(
    readonly classes: number,
    dimensions: number,
  ) {
    this.weights = new Float64Array(classes * dimensions);
    this.bias = new Float64Array(classes);
  }

  static train(
    vectors: readonly SparseVector[],
    labels: readonly number[],
    classes: number,
    dimensions: number,
    options: TrainingOptions = DEFAULT_TRAINING,
  ): SoftmaxClassifier {
    const model = new SoftmaxClassifier(classes, dimensions);
    const g2w = new Float64Array(classes * dimensions);
    const g2b = new Float64Array(classes);
    const order = vectors.map((_, i) => i);
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const probs = new Float64Array(classes);
    for (let epoch = 0; epoch < options.epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      for (const n of order) {
        const x = vectors[n]!;
        model.probabilitiesInto(x, probs);
        probs[labels[n]!]! -= 1; // gradient of the loss with respect to each class score
        for (let c = 0; c < classes; c++) {
          const g = probs[c]!;
          g2b[c]! += g * g;
          model.bias[c]! -= (options.rate * g) / Math.sqrt(g2b[c]! + 1e-8);
        }
        for (let k = 0; k < x.idx.length; k++) {
          const base = x.idx[k]! * classes;
          const v = x.val[k]!;
          for (let c = 0; c < classes; c++) {
            const at = base + c;
            const g = probs[c]! * v + options.l2 * model.weights[at]!;
            g2w[at]! += g * g;
            model.weights[at]! -= (options.rate * g) / Math.sqrt(g2w[at]! + 1e-8);
          }
        }
      }
    }
    return model;
  }

  probabilities(x: SparseVector): Float64Array {
    const out = new Float64Array(this.classes);
    this.probabilitiesInto(x, out);
    return out;
  }

  private probabilitiesInto(x: SparseVector, out: Float64Array): void {
    const classes = this.classes;
    out.set(this.bias);
    for (let k = 0; k < x.idx.length; k++) {
      const base = x.idx[k]! * classes;
      const v = x.val[k]!;
      for (let c = 0; c < classes; c++) out[c]! += this.weights[base + c]! * v;
    }
    let max = -Infinity;
    for (let c = 0; c < classes; c++) max = Math.max(max, out[c]!);
    let sum = 0;
    for (let c = 0; c < classes; c++) {
      out[c] = Math.exp(out[c]! - max);
      sum += out[c]!;
    }
    for (let c = 0; c < classes; c++) out[c]! /= sum;
  }
}
