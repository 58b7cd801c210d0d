import type { Article } from '../knowledge/article';
import { NONE, OTHER_IDC, type Example } from '../knowledge/example';
import { NearestExamples } from './nearest-examples';
import { SoftmaxClassifier } from './softmax-classifier';
import { textFeatures } from './text-features';
import { TfIdf, type SparseVector } from './tfidf';

export interface BaseScores {
  /** Softmax probability of each class (articles in order, then other-idc, then none). */
  lr: Float64Array;
  /** Cosine similarity of the closest training document of each class. */
  knn: Float64Array;
  /** For each class, the training document closest to the message (-1 when none shares a feature). */
  nearest: number[];
}

/** Features in more than this share of training documents carry no signal for nearest documents (see TfIdf). */
const MAX_DF_SHARE = 0.1;

/**
 * The softmax classifier trains one weight per class and word, so its cost grows with the number of
 * articles times the vocabulary: past this many classes (an operator's thousand-article knowledge
 * base) start-up would take tens of seconds, and the nearest-documents view, signatures and
 * symptoms carry the matching alone.
 */
const MAX_CLASSIFIER_CLASSES = 300;

/** The phrasings an article itself offers as training documents: its title, symptoms, signatures and one-line cause. */
function articleDocuments(article: Article): string[] {
  return [article.title, ...article.symptoms, ...article.signatures, article.summary];
}

/**
 * The two learned views of a message, built at start from the articles and the real example
 * messages: a softmax classifier over word TF-IDF, and nearest training documents over word and
 * character TF-IDF. Classes are the articles, then "other-idc", then "none".
 */
export class BaseModels {
  readonly classes: readonly string[];
  readonly otherIdc: number;
  readonly none: number;
  /** Training documents, for explaining a match ("closest to a report in …"). */
  readonly documents: ReadonlyArray<{ text: string; source?: string }>;
  private readonly words: TfIdf;
  private readonly combined: TfIdf;
  /** Absent above MAX_CLASSIFIER_CLASSES: see there. */
  private readonly classifier?: SoftmaxClassifier;
  private readonly nearestDocs: NearestExamples;

  constructor(articles: readonly Article[], examples: readonly Example[]) {
    this.classes = [...articles.map((a) => a.id), OTHER_IDC, NONE];
    this.otherIdc = articles.length;
    this.none = articles.length + 1;
    const index = new Map(this.classes.map((c, i) => [c, i]));
    const docs: { text: string; label: number; source?: string }[] = [];
    articles.forEach((a, i) => {
      for (const text of articleDocuments(a)) docs.push({ text, label: i });
    });
    for (const e of examples) {
      const label = index.get(e.label);
      if (label !== undefined) docs.push({ text: e.text, label, source: e.source });
    }
    this.documents = docs;
    const features = docs.map((d) => textFeatures(d.text));
    this.words = new TfIdf(features.map((f) => f.words));
    this.combined = new TfIdf(features.map((f) => [...f.words, ...f.chars]), 1, MAX_DF_SHARE);
    const labels = docs.map((d) => d.label);
    this.classifier = this.classes.length > MAX_CLASSIFIER_CLASSES ? undefined : SoftmaxClassifier.train(
      features.map((f) => this.words.vector(f.words)),
      labels,
      this.classes.length,
      this.words.dimensions,
    );
    this.nearestDocs = new NearestExamples(
      features.map((f) => this.combined.vector([...f.words, ...f.chars])),
      labels,
      this.classes.length,
    );
  }

  scores(text: string): BaseScores {
    const f = textFeatures(text);
    const wordVector: SparseVector = this.words.vector(f.words);
    const { perClass, nearest } = this.nearestDocs.closest(this.combined.vector([...f.words, ...f.chars]));
    return { lr: this.classifier?.probabilities(wordVector) ?? new Float64Array(this.classes.length), knn: perClass, nearest };
  }
}
