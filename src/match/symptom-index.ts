import type { Article } from '../knowledge/article';
import { contentTerms, normalizeText } from './normalize-text';

export interface SymptomHit {
  article: number;
  /** 0..1 before calibration. */
  score: number;
  /** The symptom phrase (or title) that shares the most with the message, when one does. */
  phrase?: string;
}

interface Posting {
  idf: number;
  /** For a pair ("domain user"), its two words. */
  parts?: [string, string];
  /** Articles using the term, in article order… */
  ids: Int32Array;
  /** …and the term's weight in each (IDF × source weight). */
  weights: Float64Array;
  /** Symptom phrases (and titles) containing the term. */
  phrases?: number[];
}

interface Bag {
  weight: number;
  /** Shared single words rare enough to mean something (IDF ≥ INFORMATIVE_IDF). */
  informative: number;
  /** Words already counted through a matched pair. */
  paired?: Set<string>;
}

interface Phrase {
  article: number;
  text: string;
  terms: string[];
  weight: number;
}

/** How much a term from each part of an article counts: the cause is longer and looser than a symptom. */
const SOURCE_WEIGHT = { symptom: 1, title: 1, tag: 1, cause: 0.5 } as const;
/** Sum of term weights (in IDF units) at which the bag-of-words evidence reaches 63% of its cap. */
const BAG_SCALE = 7;
/** Articles scoring below this are not worth reporting at all. */
const MIN_SCORE = 0.05;
/** IDF mass a phrase match needs to count fully: about two rare words. */
const PHRASE_MASS = 4;
/** Symptom evidence alone never claims certainty: people describe different problems in similar words. */
const SYMPTOM_CAP = 0.85;
/** Messages longer than this many content terms are read only up to it (a log dump adds noise, not meaning). */
const MAX_QUERY_TERMS = 400;
/** A shared word this rare (IDF) or rarer counts as informative; "user" and "aws" do not. */
const INFORMATIVE_IDF = 0.5;
/** One informative shared word is a coincidence more often than a diagnosis; two start to mean something. */
const BY_INFORMATIVE_COUNT = [0, 0.45, 0.8, 1] as const;
/** Symptom evidence in a message that never mentions AWS or Identity Center (see mentions-identity-center.ts). */
const OUT_OF_CONTEXT = 0.55;

type AddTerms = (article: number, text: string, weight: number, pairs: boolean) => void;

/**
 * Scores articles by the words a message shares with their symptom phrasings, title, tags and
 * cause. Two views are combined: coverage of the single best symptom phrase (a message that says
 * almost exactly what a symptom says), and the IDF-weighted bag of all shared words and word pairs
 * (a message that describes the problem in its own words). IDF is computed over articles, so words
 * every article uses ("identity", "center", "user") weigh almost nothing.
 */
export class SymptomIndex {
  private readonly phrases: Phrase[] = [];
  /** term → everything a query needs about it, computed once. */
  private readonly postings = new Map<string, Posting>();

  constructor(articles: readonly Article[]) {
    // term → [article, weight, article, weight, …]. Articles are added in order, so an article's
    // entry for a term is always the last one. Kept flat: 10,000 articles have about a million
    // terms and pairs, too many for a Map each.
    const vocabulary = new Map<string, number[]>();
    const phrasesByTerm = new Map<string, number[]>();
    const add: AddTerms = (article, text, weight, pairs) => addTerms(vocabulary, article, text, weight, pairs);
    articles.forEach((article, a) => {
      for (const text of article.symptoms) this.addPhrase(a, text, SOURCE_WEIGHT.symptom, phrasesByTerm, add);
      this.addPhrase(a, article.title, SOURCE_WEIGHT.title, phrasesByTerm, add);
      for (const tag of article.tags) add(a, tag, SOURCE_WEIGHT.tag, true);
      add(a, article.cause, SOURCE_WEIGHT.cause, false);
    });
    const n = articles.length;
    for (const [term, flat] of vocabulary) {
      const df = flat.length / 2;
      // BM25's IDF: a word found in every article weighs ~0, a word unique to one weighs most.
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      const ids = new Int32Array(df);
      const weights = new Float64Array(df);
      for (let i = 0; i < df; i++) {
        ids[i] = flat[2 * i]!;
        weights[i] = idf * flat[2 * i + 1]!;
      }
      const space = term.indexOf(' ');
      const parts: [string, string] | undefined = space < 0 ? undefined : [term.slice(0, space), term.slice(space + 1)];
      this.postings.set(term, { idf, parts, ids, weights, phrases: phrasesByTerm.get(term) });
    }
    for (const p of this.phrases) p.weight = p.terms.reduce((s, t) => s + this.postings.get(t)!.idf, 0);
  }

  /** Every term an article uses; the typo corrector maps misspellings onto these. */
  terms(): IterableIterator<string> {
    return this.postings.keys();
  }

  has(term: string): boolean {
    return this.postings.has(term);
  }

  /** `queryTerms` in message order (pairs are built from neighbours); `inContext`: see mentions-identity-center.ts. */
  match(queryTerms: readonly string[], inContext = true): SymptomHit[] {
    const terms = new Set<string>();
    const limit = Math.min(queryTerms.length, MAX_QUERY_TERMS);
    for (let i = 0; i < limit; i++) {
      const t = queryTerms[i]!;
      if (this.postings.has(t)) terms.add(t);
      if (i + 1 < limit) {
        const pair = `${t} ${queryTerms[i + 1]}`;
        if (this.postings.has(pair)) terms.add(pair);
      }
    }
    const bag = new Map<number, Bag>();
    const covered = new Map<number, number>();
    for (const t of terms) {
      const posting = this.postings.get(t)!;
      for (let i = 0; i < posting.ids.length; i++) {
        const a = posting.ids[i]!;
        let entry = bag.get(a);
        if (!entry) bag.set(a, (entry = { weight: 0, informative: 0 }));
        entry.weight += posting.weights[i]!;
        if (!posting.parts) {
          if (posting.idf >= INFORMATIVE_IDF) entry.informative++;
          continue;
        }
        // A matched pair stands for its two words: "permission set" is one piece of evidence, not three.
        for (const part of posting.parts) {
          if (!terms.has(part) || entry.paired?.has(part)) continue;
          (entry.paired ??= new Set()).add(part);
          entry.weight -= weightIn(this.postings.get(part)!, a);
        }
      }
      for (const p of posting.phrases ?? []) covered.set(p, (covered.get(p) ?? 0) + posting.idf);
    }
    const best = new Map<number, { score: number; phrase: string }>();
    for (const [p, weight] of covered) {
      const phrase = this.phrases[p]!;
      if (phrase.weight === 0) continue;
      const coverage = weight / phrase.weight;
      // Short phrases prove less: two shared words are weaker evidence than six, and a phrase
      // made of common words ("sign in to IAM Identity Center") is covered by almost any message.
      const strength = Math.min(1, phrase.terms.length / 4);
      const mass = Math.min(1, weight / PHRASE_MASS);
      const score = SYMPTOM_CAP * coverage ** 2 * (0.6 + 0.4 * strength) * mass;
      if (score > (best.get(phrase.article)?.score ?? -1)) best.set(phrase.article, { score, phrase: phrase.text });
    }
    const hits: SymptomHit[] = [];
    for (const [a, entry] of bag) {
      const bagScore = SYMPTOM_CAP * (1 - Math.exp(-Math.max(0, entry.weight) / BAG_SCALE));
      const phrase = best.get(a);
      const raw = Math.max(bagScore, phrase?.score ?? 0);
      const score = raw * BY_INFORMATIVE_COUNT[Math.min(entry.informative, 3)]! * (inContext ? 1 : OUT_OF_CONTEXT);
      if (score >= MIN_SCORE) hits.push({ article: a, score, phrase: phrase?.phrase });
    }
    return hits;
  }

  private addPhrase(article: number, text: string, weight: number, phrasesByTerm: Map<string, number[]>, add: AddTerms): void {
    const terms = [...new Set(contentTerms(normalizeText(text)))];
    if (terms.length === 0) return;
    const index = this.phrases.push({ article, text, terms, weight: 0 }) - 1;
    for (const t of terms) {
      const list = phrasesByTerm.get(t);
      if (list) list.push(index);
      else phrasesByTerm.set(t, [index]);
    }
    add(article, text, weight, true);
  }
}

/**
 * Adds the words of `text` and, for short phrasings, their neighbour pairs ("domain user",
 * "authenticator app"). Pairs from the long cause text would mostly be accidents of prose.
 */
function addTerms(vocabulary: Map<string, number[]>, article: number, text: string, weight: number, pairs: boolean): void {
  const terms = contentTerms(normalizeText(text));
  terms.forEach((t, i) => {
    addTerm(vocabulary, article, t, weight);
    if (pairs && i + 1 < terms.length) addTerm(vocabulary, article, `${t} ${terms[i + 1]}`, weight);
  });
}

function addTerm(vocabulary: Map<string, number[]>, article: number, term: string, weight: number): void {
  const flat = vocabulary.get(term);
  if (!flat) vocabulary.set(term, [article, weight]);
  else if (flat[flat.length - 2] === article) flat[flat.length - 1] = Math.max(flat[flat.length - 1]!, weight);
  else flat.push(article, weight);
}

/** The weight of a term in one article (binary search: ids are in article order). */
function weightIn(posting: Posting, article: number): number {
  let lo = 0;
  let hi = posting.ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const id = posting.ids[mid]!;
    if (id === article) return posting.weights[mid]!;
    if (id < article) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}
