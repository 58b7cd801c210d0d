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
  /** Word trigrams in order (one entry when the signature has fewer than three words). */
  grams: string[];
  /** How many articles share this exact signature (e.g. "An unexpected error has occurred"). */
  sharedBy: number;
}

/** A whole signature in the message: as strong as evidence gets. */
const EXACT_SCORE = 0.97;
/** A signature that several articles list proves only that it is one of them. */
const SHARED_SCORE = 0.6;
/** A run of this many words of a longer signature counts as a truncated paste of it. */
const MIN_PARTIAL_WORDS = 5;

/**
 * Exact error strings, matched on words so quoting, punctuation and line breaks do not matter
 * ("can't delete/modify" meets "can’t delete / modify"), plus truncated pastes found through a
 * word-trigram index: a query only touches the signatures its trigrams hit.
 */
export class SignatureIndex {
  private readonly signatures: Signature[] = [];
  private readonly byGram = new Map<string, number[]>();
  private readonly byFirstWord = new Map<string, number[]>();
  private readonly excludes: Array<{ article: number; text: string }> = [];

  constructor(articles: readonly Article[]) {
    articles.forEach((article, a) => {
      for (const text of article.signatures) this.add(a, text);
      for (const text of article.excludes) this.excludes.push({ article: a, text: normalizeText(text) });
    });
    const counts = new Map<string, Set<number>>();
    for (const s of this.signatures) counts.set(s.sequence, (counts.get(s.sequence) ?? new Set()).add(s.article));
    for (const s of this.signatures) s.sharedBy = counts.get(s.sequence)!.size;
  }

  /**
   * Articles the message rules out through their `excludes` phrases. Matched as plain text, not
   * words, so a prefix such as "AWSServiceRoleFor" also finds "AWSServiceRoleForConfig".
   */
  excluded(normalized: string): Set<number> {
    return new Set(this.excludes.filter((e) => normalized.includes(e.text)).map((e) => e.article));
  }

  match(messageWords: string[]): SignatureHit[] {
    const sequence = ` ${messageWords.join(' ')} `;
    // Only trigrams are built from the message (one string per word); signatures shorter than
    // three words are found through their first word instead.
    const trigrams = new Set<string>();
    const candidates = new Set<number>();
    for (let i = 0; i < messageWords.length; i++) {
      for (const s of this.byFirstWord.get(messageWords[i]!) ?? []) candidates.add(s);
      if (i + 2 >= messageWords.length) continue;
      const gram = `${messageWords[i]} ${messageWords[i + 1]} ${messageWords[i + 2]}`;
      if (trigrams.has(gram)) continue;
      trigrams.add(gram);
      for (const s of this.byGram.get(gram) ?? []) candidates.add(s);
    }
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

  private add(article: number, text: string): void {
    const w = words(normalizeText(text));
    if (w.length === 0) return;
    const grams = w.length < 3 ? [] : w.slice(0, -2).map((_, i) => w.slice(i, i + 3).join(' '));
    const index = this.signatures.push({ article, text, sequence: ` ${w.join(' ')} `, wordCount: w.length, grams, sharedBy: 1 }) - 1;
    const keys: Array<[Map<string, number[]>, string]> = w.length < 3 ? [[this.byFirstWord, w[0]!]] : [...new Set(grams)].map((g) => [this.byGram, g]);
    for (const [map, key] of keys) {
      const list = map.get(key);
      if (list) list.push(index);
      else map.set(key, [index]);
    }
  }
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
