import type { Article } from '../knowledge/article';
import { contentTerms, normalizeText } from './normalize-text';

export interface SymptomHit {
  article: number;
  /** 0..1 before calibration. */
  score: number;
  /** The symptom phrase (or title) that shares the most with the message. */
  phrase: string;
  /** Content terms of the message found in the article, for the evidence line. */
  terms: string[];
}

interface Posting {
  idf: number;
  /** For a pair ("domain user"), its two words. */
  parts?: [string, string];
  /** Articles using the term, with the term's weight there (IDF × source weight). */
  articles: ReadonlyArray<readonly [number, number]>;
  /** Symptom phrases (and titles) containing the term. */
  phrases: number[];
}

interface Bag {
  weight: number;
  /** Shared single words rare enough to mean something (IDF ≥ INFORMATIVE_IDF). */
  informative: number;
  terms: string[];
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
/** Symptom evidence in a message that never mentions AWS or Identity Center (see idc-context.ts). */
const OUT_OF_CONTEXT = 0.55;

/**
 * Scores articles by the words a message shares with their symptom phrasings, title, tags and
 * cause. Two views are combined: coverage of the single best symptom phrase (a message that says
 * almost exactly what a symptom says), and the IDF-weighted bag of all shared words (a message that
 * describes the problem in its own words). IDF is computed over articles, so words every article
 * uses ("identity", "center", "user") weigh almost nothing.
 */
export class SymptomIndex {
  private readonly phrases: Phrase[] = [];
  /** term → article → weight of the term in that article's vocabulary (while building). */
  private readonly vocabulary = new Map<string, Map<number, number>>();
  /** term → everything a query needs about it, computed once. */
  private readonly postings = new Map<string, Posting>();

  constructor(articles: readonly Article[]) {
    const phrasesByTerm = new Map<string, number[]>();
    articles.forEach((article, a) => {
      for (const text of article.symptoms) this.addPhrase(a, text, SOURCE_WEIGHT.symptom, phrasesByTerm);
      this.addPhrase(a, article.title, SOURCE_WEIGHT.title, phrasesByTerm);
      for (const tag of article.tags) this.addTerms(a, tag, SOURCE_WEIGHT.tag);
      this.addTerms(a, article.cause, SOURCE_WEIGHT.cause, false);
    });
    const n = articles.length;
    for (const [term, byArticle] of this.vocabulary) {
      const df = byArticle.size;
      // BM25's IDF: a word found in every article weighs ~0, a word unique to one weighs most.
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      const space = term.indexOf(' ');
      this.postings.set(term, {
        idf,
        parts: space < 0 ? undefined : [term.slice(0, space), term.slice(space + 1)],
        articles: [...byArticle].map(([a, w]) => [a, idf * w] as const),
        phrases: phrasesByTerm.get(term) ?? [],
      });
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

  /** `queryTerms` in message order (pairs are built from neighbours); `inContext`: see idc-context.ts. */
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
      for (const [a, weight] of posting.articles) {
        let entry = bag.get(a);
        if (!entry) bag.set(a, (entry = { weight: 0, informative: 0, terms: [] }));
        entry.terms.push(t);
        if (posting.parts) {
          // A matched pair stands for its two words: "permission set" is one piece of evidence, not three.
          entry.weight += weight;
          for (const part of posting.parts) {
            if (!terms.has(part) || entry.paired?.has(part)) continue;
            (entry.paired ??= new Set()).add(part);
            entry.weight -= this.postings.get(part)!.articles.find(([x]) => x === a)?.[1] ?? 0;
          }
        } else {
          entry.weight += weight;
          if (posting.idf >= INFORMATIVE_IDF) entry.informative++;
        }
      }
      for (const p of posting.phrases) covered.set(p, (covered.get(p) ?? 0) + posting.idf);
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
      hits.push({ article: a, score, phrase: phrase?.phrase ?? entry.terms.join(' '), terms: entry.terms });
    }
    return hits;
  }

  private addPhrase(article: number, text: string, weight: number, phrasesByTerm: Map<string, number[]>): void {
    const terms = [...new Set(contentTerms(normalizeText(text)))];
    if (terms.length === 0) return;
    const index = this.phrases.push({ article, text, terms, weight: 0 }) - 1;
    for (const t of terms) {
      const list = phrasesByTerm.get(t);
      if (list) list.push(index);
      else phrasesByTerm.set(t, [index]);
    }
    this.addTerms(article, text, weight);
  }

  /**
   * Adds the words of `text` and, for short phrasings, their neighbour pairs ("domain user",
   * "authenticator app"). Pairs from the long cause text would mostly be accidents of prose.
   */
  private addTerms(article: number, text: string, weight: number, pairs = true): void {
    const terms = contentTerms(normalizeText(text));
    terms.forEach((t, i) => {
      this.addTerm(article, t, weight);
      if (pairs && i + 1 < terms.length) this.addTerm(article, `${t} ${terms[i + 1]}`, weight);
    });
  }

  private addTerm(article: number, term: string, weight: number): void {
    const byArticle = this.vocabulary.get(term) ?? new Map<number, number>();
    byArticle.set(article, Math.max(byArticle.get(article) ?? 0, weight));
    this.vocabulary.set(term, byArticle);
  }
}
