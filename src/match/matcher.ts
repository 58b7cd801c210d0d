import Fuse from 'fuse.js';
import type { Article } from '../knowledge/article';
import { cleanInput } from './clean-input';
import { extractEntities, type CloudTrailHint, type Entities } from './extract-entities';
import { contentTerms, normalizeText, words } from './normalize-text';
import { CANDIDATE_THRESHOLD } from './thresholds';
import { findUnrelatedError } from './unrelated-errors';

export interface Evidence {
  kind: 'signature' | 'partial-signature' | 'event' | 'symptom';
  /** What matched: the signature, event name or symptom phrase from the article. */
  text: string;
}

export interface Match {
  articleId: string;
  title: string;
  /** 0..1, calibrated on the evaluation set; compare with ANSWER_THRESHOLD / UNASKED_THRESHOLD. */
  confidence: number;
  evidence: Evidence[];
}

export interface MatchResult {
  /** Best first; at most five, each at or above CANDIDATE_THRESHOLD. */
  matches: Match[];
  entities: Entities;
  /** The message was longer than the matcher reads; matches come from its prefix. */
  truncated: boolean;
  inputChars: number;
  /** Why nothing can match at all, when that is the case. */
  silence?: 'empty' | 'binary' | 'unrelated-error';
}

interface SignatureEntry {
  article: number;
  text: string;
  normalized: string;
  wordCount: number;
  /** Word trigrams of the signature, in order (one entry when it has fewer than three words). */
  grams: string[];
}

interface PhraseEntry {
  article: number;
  text: string;
  terms: string[];
  weight: number;
}

/** A trigram run this long (in words) inside a longer signature counts as a truncated paste of it. */
const MIN_PARTIAL_WORDS = 5;
const MAX_RESULTS = 5;

/**
 * Ranks knowledge base articles for a message. Three kinds of evidence, strongest first:
 * exact or truncated error signatures (word-trigram index), CloudTrail event names with their
 * outcome, and symptom phrasings (IDF-weighted term coverage; fuse.js maps misspelt words onto the
 * vocabulary). Built once at start; a query touches only the index entries its words hit.
 */
export class Matcher {
  private readonly signatures: SignatureEntry[] = [];
  private readonly gramIndex = new Map<string, number[]>();
  private readonly phrases: PhraseEntry[] = [];
  private readonly termIndex = new Map<string, number[]>();
  private readonly idf = new Map<string, number>();
  private readonly fuse: Fuse<string>;
  private readonly typoCache = new Map<string, string | null>();

  constructor(private readonly articles: readonly Article[]) {
    articles.forEach((article, a) => {
      for (const text of article.signatures) this.addSignature(a, text);
      for (const text of [...article.symptoms, article.title]) this.addPhrase(a, text);
    });
    const docFreq = new Map<string, number>();
    articles.forEach((_, a) => {
      const terms = new Set(this.phrases.filter((p) => p.article === a).flatMap((p) => p.terms));
      for (const t of terms) docFreq.set(t, (docFreq.get(t) ?? 0) + 1);
    });
    for (const [term, df] of docFreq) this.idf.set(term, Math.log(1 + articles.length / df));
    for (const p of this.phrases) p.weight = p.terms.reduce((s, t) => s + this.idf.get(t)!, 0);
    this.fuse = new Fuse([...this.termIndex.keys()].filter((t) => t.length >= 5), { threshold: 0.2, includeScore: true });
  }

  get size(): number {
    return this.articles.length;
  }

  match(raw: string): MatchResult {
    const input = cleanInput(raw);
    const base = { truncated: input.truncated, inputChars: input.originalLength };
    const entities = extractEntities(input.text);
    if (input.empty) return { ...base, matches: [], entities, silence: 'empty' };
    if (input.binary) return { ...base, matches: [], entities, silence: 'binary' };

    const normalized = normalizeText(input.text);
    const scores = new Map<number, { score: number; evidence: Evidence[] }>();
    const add = (a: number, score: number, evidence: Evidence) => {
      const s = scores.get(a) ?? { score: 0, evidence: [] };
      // Independent pieces of evidence reinforce each other without exceeding 1.
      s.score = 1 - (1 - s.score) * (1 - score);
      s.evidence.push(evidence);
      scores.set(a, s);
    };

    let signatureHit = false;
    for (const [a, score, ev] of this.matchSignatures(normalized)) {
      signatureHit = true;
      add(a, score, ev);
    }
    for (const [a, score, ev] of this.matchEvents(entities.events)) add(a, score, ev);
    for (const [a, score, ev] of this.matchSymptoms(normalized)) add(a, score, ev);

    if (!signatureHit && findUnrelatedError(normalized)) {
      return { ...base, matches: [], entities, silence: 'unrelated-error' };
    }
    const matches = [...scores.entries()]
      .map(([a, s]) => ({
        articleId: this.articles[a]!.id,
        title: this.articles[a]!.title,
        confidence: round(s.score),
        evidence: s.evidence,
      }))
      .filter((m) => m.confidence >= CANDIDATE_THRESHOLD)
      .sort((x, y) => y.confidence - x.confidence || x.articleId.localeCompare(y.articleId))
      .slice(0, MAX_RESULTS);
    return { ...base, matches, entities };
  }

  private addSignature(article: number, text: string): void {
    const normalized = normalizeText(text);
    const w = words(normalized);
    const grams = w.length < 3 ? [w.join(' ')] : w.slice(0, -2).map((_, i) => w.slice(i, i + 3).join(' '));
    const index = this.signatures.push({ article, text, normalized, wordCount: w.length, grams }) - 1;
    for (const g of new Set(grams)) push(this.gramIndex, g, index);
  }

  private addPhrase(article: number, text: string): void {
    const terms = [...new Set(contentTerms(normalizeText(text)))];
    if (terms.length === 0) return;
    const index = this.phrases.push({ article, text, terms, weight: 0 }) - 1;
    for (const t of terms) push(this.termIndex, t, index);
  }

  private *matchSignatures(normalized: string): Generator<[number, number, Evidence]> {
    const w = words(normalized);
    const present = new Set<string>();
    for (let i = 0; i < w.length; i++) {
      present.add(w[i]!);
      if (i + 1 < w.length) present.add(`${w[i]} ${w[i + 1]}`);
      if (i + 2 < w.length) present.add(`${w[i]} ${w[i + 1]} ${w[i + 2]}`);
    }
    const candidates = new Set<number>();
    for (const g of present) for (const s of this.gramIndex.get(g) ?? []) candidates.add(s);
    const best = new Map<number, [number, Evidence]>();
    for (const s of candidates) {
      const sig = this.signatures[s]!;
      let result: [number, Evidence] | undefined;
      if (normalized.includes(sig.normalized)) {
        result = [0.97, { kind: 'signature', text: sig.text }];
      } else if (sig.wordCount >= MIN_PARTIAL_WORDS + 1) {
        const run = longestRun(sig.grams, present) + 2; // a run of k trigrams spans k + 2 words
        if (run >= MIN_PARTIAL_WORDS) {
          result = [0.55 + 0.4 * (run / sig.wordCount), { kind: 'partial-signature', text: sig.text }];
        }
      }
      if (result && result[0] > (best.get(sig.article)?.[0] ?? 0)) best.set(sig.article, result);
    }
    for (const [a, [score, ev]] of best) yield [a, score, ev];
  }

  private *matchEvents(events: CloudTrailHint[]): Generator<[number, number, Evidence]> {
    if (events.length === 0) return;
    for (let a = 0; a < this.articles.length; a++) {
      for (const sig of this.articles[a]!.events) {
        const hit = events.find(
          (e) =>
            e.eventName.toLowerCase() === sig.name.toLowerCase() &&
            (!sig.source || e.eventSource?.toLowerCase() === sig.source.toLowerCase()) &&
            (!sig.failed || e.failed),
        );
        if (hit) {
          yield [a, 0.9, { kind: 'event', text: `${hit.eventName}${hit.failed ? ' (failed)' : ''}` }];
          break;
        }
      }
    }
  }

  private *matchSymptoms(normalized: string): Generator<[number, number, Evidence]> {
    const terms = new Set<string>();
    for (const t of contentTerms(normalized).slice(0, 600)) {
      terms.add(this.termIndex.has(t) ? t : (this.correctTypo(t) ?? t));
    }
    const covered = new Map<number, number>();
    for (const t of terms) {
      for (const p of this.termIndex.get(t) ?? []) covered.set(p, (covered.get(p) ?? 0) + this.idf.get(t)!);
    }
    const best = new Map<number, [number, Evidence]>();
    for (const [p, weight] of covered) {
      const phrase = this.phrases[p]!;
      const coverage = weight / phrase.weight;
      // Short phrases prove less: two shared words are weaker evidence than six.
      const strength = Math.min(1, phrase.terms.length / 4);
      const score = 0.85 * coverage ** 2 * (0.6 + 0.4 * strength);
      if (score > (best.get(phrase.article)?.[0] ?? 0)) best.set(phrase.article, [score, { kind: 'symptom', text: phrase.text }]);
    }
    for (const [a, [score, ev]] of best) yield [a, score, ev];
  }

  /** Maps a misspelt word onto the vocabulary ("provisionning" → "provisionn…"); cached per word. */
  private correctTypo(term: string): string | undefined {
    if (term.length < 5 || /\d/.test(term)) return undefined;
    if (!this.typoCache.has(term)) {
      if (this.typoCache.size > 10_000) this.typoCache.clear();
      this.typoCache.set(term, this.fuse.search(term, { limit: 1 })[0]?.item ?? null);
    }
    return this.typoCache.get(term) ?? undefined;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function longestRun(grams: string[], present: Set<string>): number {
  let best = 0;
  let run = 0;
  for (const g of grams) {
    run = present.has(g) ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
