/**
 * Text clean-up shared by indexing and matching, so an article's signature and a user's paste
 * are compared in the same form.
 */

/** Matching reads at most this many characters; longer pastes are answered on this prefix. */
export const MAX_MATCH_CHARS = 8_000;

const QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u00B4`]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;

/** Lower-cases, straightens quotes and dashes, and folds white space. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(DASHES, '-')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const STOPWORDS = new Set(
  (
    'a an and are as at be been but by can cannot could did do does doing for from get gets got has have ' +
    'having he her his how i if in into is it its just me my no not of on or our out over she so some such ' +
    'than that the their them then there these they this those to too us very was we were what when where ' +
    'which while who why will with would you your yours hi hey hello thanks thank please anyone someone any ' +
    'im ive dont doesnt cant isnt wont also still again here now today help issue problem question trying try ' +
    'able all am after before about know seems seem like one'
  ).split(' '),
);

/** Crude suffix stripping: enough to make "syncing", "synced" and "syncs" meet. */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  for (const suffix of ['ing', 'ed', 'es', 's']) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 4) return word.slice(0, -suffix.length);
  }
  return word;
}

/** Words of a normalized text: letters and digits, split on everything else (so AWSReservedSSO_X → awsreservedsso, x). */
export function words(normalized: string): string[] {
  return normalized.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** Content terms: stemmed words without stop words and one-letter noise. */
export function contentTerms(normalized: string): string[] {
  return words(normalized)
    .filter((w) => w.length > 1 && !STOPWORDS.has(w.replace(/'/g, '')))
    .map(stem);
}
