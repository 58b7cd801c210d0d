import Fuse from 'fuse.js';

/** Words shorter than this are left alone: short words have too many neighbours to guess safely. */
const MIN_TYPO_LENGTH = 5;
/** Longer "words" are IDs, hashes or junk; making deletions of them would cost quadratic time. */
const MAX_TYPO_LENGTH = 24;
/** fuse.js is the slow path (tens of microseconds a call): at most this many calls per message. */
const MAX_FUSE_CALLS = 3;
/** The fuse.js fallback only runs for longer words, where two typos still leave a clear match. */
const MIN_FUSE_LENGTH = 8;
const CACHE_LIMIT = 10_000;
/** New words (not yet cached) looked up per message; a paste of thousands of distinct junk words stops here. */
const MAX_LOOKUPS = 256;

/**
 * Maps misspelt words onto the vocabulary of the knowledge base ("provisoning" → "provision…").
 * The fast path is a symmetric delete index (edit distance 1 on both sides, which covers a missing,
 * extra, wrong or swapped letter) and costs a handful of map look-ups per word. Words it cannot
 * place fall back to fuse.js, bounded per message so a long paste stays well under a millisecond.
 */
export class TypoCorrector {
  private readonly vocabulary: ReadonlySet<string>;
  private readonly deletes = new Map<string, string | null>();
  private readonly fuse: Fuse<string>;
  private readonly cache = new Map<string, string | null>();

  constructor(terms: Iterable<string>) {
    const long = [...new Set(terms)].filter((t) => t.length >= MIN_TYPO_LENGTH - 1 && /^\p{L}+$/u.test(t));
    this.vocabulary = new Set(long);
    for (const term of long) {
      for (const variant of [term, ...deletions(term)]) {
        const seen = this.deletes.get(variant);
        // Two vocabulary words share this variant: it cannot tell them apart, so it maps to none.
        if (seen === undefined) this.deletes.set(variant, term);
        else if (seen !== term) this.deletes.set(variant, null);
      }
    }
    this.fuse = new Fuse(long.filter((t) => t.length >= MIN_FUSE_LENGTH - 1), { threshold: 0.25, includeScore: true });
  }

  /** A session bounds the fuse.js fallback for one message. */
  session(): (word: string) => string | undefined {
    let fuseCalls = 0;
    let lookups = 0;
    return (word) => {
      if (word.length < MIN_TYPO_LENGTH || word.length > MAX_TYPO_LENGTH) return undefined;
      if (this.vocabulary.has(word) || !/^\p{L}+$/u.test(word)) return undefined;
      const cached = this.cache.get(word);
      if (cached !== undefined) return cached ?? undefined;
      if (lookups++ >= MAX_LOOKUPS) return undefined;
      let found = this.byDeletion(word);
      if (found === undefined && word.length >= MIN_FUSE_LENGTH) {
        if (fuseCalls >= MAX_FUSE_CALLS) return undefined; // not cached: a later message may have budget left
        fuseCalls++;
        found = this.fuse.search(word, { limit: 1 })[0]?.item;
      }
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      this.cache.set(word, found ?? null);
      return found;
    };
  }

  private byDeletion(word: string): string | undefined {
    const candidates = new Set<string>();
    for (const variant of [word, ...deletions(word)]) {
      const term = this.deletes.get(variant);
      if (term === null) return undefined;
      if (term !== undefined) candidates.add(term);
    }
    return candidates.size === 1 ? [...candidates][0] : undefined;
  }
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}
