import type { Article } from '../knowledge/article';
import { normalizeText, words } from './normalize-text';

export interface SignatureHit {
  article: number;
  /** 0..1 before calibration. */
  score: number;
  signature: string;
  partial: boolean;
}

interface Signature {
  article: number;
  text: string;
  /** The signature's words joined by single spaces, padded: " cannot perform the operation ". */
  sequence: string;
  wordCount: number;
  /** Keys of the word trigrams in order (empty when the signature has fewer than three words). */
  grams: number[];
  /** How many articles share this exact signature (e.g. "An unexpected error has occurred"). */
  sharedBy: number;
}

/** A whole signature in the message: as strong as evidence gets. */
const EXACT_SCORE = 0.97;
/** A signature that several articles list proves only that it is one of them: a coin toss between two. */
const SHARED_SCORE = 0.5;
/** A run of this many words of a longer signature counts as a truncated paste of it. */
const MIN_PARTIAL_WORDS = 5;

/**
 * Exact error strings, matched on words so quoting, punctuation and line breaks do not matter
 * ("can't delete/modify" meets "can’t delete / modify"), plus truncated pastes found through a
 * word-trigram index. Signature words are interned as numbers, so a message word that no
 * signature uses (most of a pasted JSON record) costs one map look-up and builds no strings.
 */
export class SignatureIndex {
  private readonly signatures: Signature[] = [];
  private readonly wordIds = new Map<string, number>();
  private readonly byGram = new Map<number, number[]>();
  private readonly byFirstWord = new Map<number, number[]>();
  private readonly excludes: Array<{ article: number; text: string }> = [];
  /** Radix for trigram keys; fixed once the index is built. */
  private radix = 0;

  constructor(articles: readonly Article[]) {
    const pending: Array<{ article: number; text: string; words: string[] }> = [];
    articles.forEach((article, a) => {
      for (const text of article.signatures) {
        const w = words(normalizeText(text));
        if (w.length === 0) continue;
        for (const x of w) if (!this.wordIds.has(x)) this.wordIds.set(x, this.wordIds.size);
        pending.push({ article: a, text, words: w });
      }
      for (const text of article.excludes) this.excludes.push({ article: a, text: normalizeText(text) });
    });
    this.radix = this.wordIds.size + 1;
    for (const p of pending) this.add(p.article, p.text, p.words);
    const owners = new Map<string, Set<number>>();
    for (const s of this.signatures) owners.set(s.sequence, (owners.get(s.sequence) ?? new Set()).add(s.article));
    for (const s of this.signatures) s.sharedBy = owners.get(s.sequence)!.size;
  }

  /**
   * Articles the message rules out through their `excludes` phrases. Matched as plain text, not
   * words, so a prefix such as "AWSServiceRoleFor" also finds "AWSServiceRoleForConfig".
   */
  excluded(normalized: string): Set<number> {
    return new Set(this.excludes.filter((e) => normalized.includes(e.text)).map((e) => e.article));
  }

  match(messageWords: string[]): SignatureHit[] {
    const ids = messageWords.map((w) => this.wordIds.get(w) ?? -1);
    const trigrams = new Set<number>();
    const candidates = new Set<number>();
    for (let i = 0; i < ids.length; i++) {
      const a = ids[i]!;
      if (a < 0) continue;
      for (const s of this.byFirstWord.get(a) ?? []) candidates.add(s);
      const b = ids[i + 1] ?? -1;
      const c = ids[i + 2] ?? -1;
      if (b < 0 || c < 0) continue;
      const key = this.gramKey(a, b, c);
      if (trigrams.has(key)) continue;
      trigrams.add(key);
      for (const s of this.byGram.get(key) ?? []) candidates.add(s);
    }
    if (candidates.size === 0) return [];
    const sequence = ` ${messageWords.join(' ')} `;
    const best = new Map<number, SignatureHit>();
    for (const s of candidates) {
      const sig = this.signatures[s]!;
      let hit: SignatureHit | undefined;
      if (sequence.includes(sig.sequence)) {
        hit = { article: sig.article, score: sig.sharedBy > 1 ? SHARED_SCORE : EXACT_SCORE, signature: sig.text, partial: false };
      } else if (sig.wordCount > MIN_PARTIAL_WORDS) {
        const run = longestRun(sig.grams, trigrams) + 2; // a run of k trigrams spans k + 2 words
        if (run >= MIN_PARTIAL_WORDS) {
          const score = (0.55 + 0.4 * (run / sig.wordCount)) * (sig.sharedBy > 1 ? SHARED_SCORE / EXACT_SCORE : 1);
          hit = { article: sig.article, score, signature: sig.text, partial: true };
        }
      }
      if (hit && hit.score > (best.get(sig.article)?.score ?? 0)) best.set(sig.article, hit);
    }
    return [...best.values()];
  }

  /** Three word ids as one number: exact below 2^53 for up to ~200,000 distinct signature words. */
  private gramKey(a: number, b: number, c: number): number {
    return (a * this.radix + b) * this.radix + c;
  }

  private add(article: number, text: string, w: string[]): void {
    const ids = w.map((x) => this.wordIds.get(x)!);
    const grams = ids.length < 3 ? [] : ids.slice(0, -2).map((_, i) => this.gramKey(ids[i]!, ids[i + 1]!, ids[i + 2]!));
    const index = this.signatures.push({ article, text, sequence: ` ${w.join(' ')} `, wordCount: w.length, grams, sharedBy: 1 }) - 1;
    // Short signatures are found through their first word, longer ones through any trigram.
    const keys: Array<[Map<number, number[]>, number]> = ids.length < 3 ? [[this.byFirstWord, ids[0]!]] : [...new Set(grams)].map((g) => [this.byGram, g]);
    for (const [map, key] of keys) {
      const list = map.get(key);
      if (list) list.push(index);
      else map.set(key, [index]);
    }
  }
}

function longestRun(grams: number[], present: Set<number>): number {
  let best = 0;
  let run = 0;
  for (const g of grams) {
    run = present.has(g) ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}
