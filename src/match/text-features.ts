import stemWord from 'wink-porter2-stemmer';
import { maskVariables } from './mask-variables';
import { foldSynonyms, normalizeText, words } from './normalize-text';

/** Word features read at most this many words; char features at most this many characters (a log dump adds noise, not meaning). */
const MAX_WORDS = 300;
const MAX_CHARS = 800;
/** Stems seen so far: Porter2 is the slowest step, and people reuse the same few thousand words. */
const stems = new Map<string, string>();
const MAX_CACHED_STEMS = 50_000;

/** Longer "words" are ids, hashes or junk: cut, and never stemmed (Porter2 is slow on them). */
const MAX_WORD_CHARS = 40;

function stemOf(raw: string): string {
  const word = raw.length > MAX_WORD_CHARS ? raw.slice(0, MAX_WORD_CHARS) : raw;
  let s = stems.get(word);
  if (s === undefined) {
    s = word.length > 3 && word.length <= 20 && !/\d/.test(word) ? stemWord(word) : word;
    if (stems.size >= MAX_CACHED_STEMS) stems.clear();
    stems.set(word, s);
  }
  return s;
}
/** Char n-gram length: long enough to carry a word stem, short enough to survive typos and truncation. */
const CHAR_N = 4;

/** Function words only: failure words ("error", "failed") stay, since they tell a problem from chatter. */
const FUNCTION_WORDS = new Set(
  ('a an and are as at be been but by can could did do does for from had has have he her his i if in into is it its me ' +
    'my of on or our she so than that the their them then there these they this those to us was we were what when where ' +
    'which who will with would you your').split(' '),
);

export interface TextFeatures {
  /** Stemmed words (function words dropped) and adjacent pairs "a_b". */
  words: string[];
  /** Character 4-grams within words, padded with spaces (" sso", "sso "). */
  chars: string[];
}

/**
 * Features the model reads: variable parts masked (mask-variables.ts), synonyms folded, words
 * stemmed with Porter2. Messages and training examples go through the same function.
 */
export function textFeatures(raw: string): TextFeatures {
  const text = foldSynonyms(normalizeText(maskVariables(raw)));
  const all = words(text);
  const terms: string[] = [];
  for (const w of all.length > MAX_WORDS ? all.slice(0, MAX_WORDS) : all) {
    if (w.length < 2 || FUNCTION_WORDS.has(w) || /^\d+$/.test(w)) continue;
    terms.push(stemOf(w));
  }
  const out = terms.slice();
  for (let i = 1; i < terms.length; i++) out.push(`${terms[i - 1]}_${terms[i]}`);
  return { words: out, chars: charGrams(all.join(' ').slice(0, MAX_CHARS)) };
}

function charGrams(text: string): string[] {
  const grams: string[] = [];
  for (const word of text.split(' ')) {
    if (!word) continue;
    const w = word.length > MAX_WORD_CHARS ? word.slice(0, MAX_WORD_CHARS) : word;
    const padded = ` ${w} `;
    if (padded.length <= CHAR_N) {
      grams.push(padded);
      continue;
    }
    for (let i = 0; i + CHAR_N <= padded.length; i++) grams.push(padded.slice(i, i + CHAR_N));
  }
  return grams;
}
