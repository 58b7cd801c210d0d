/**
 * Text clean-up shared by indexing and matching, so an article's signature and a user's paste
 * are compared in the same form.
 */

/** Matching reads at most this many characters; longer pastes are answered on this prefix. */
export const MAX_MATCH_CHARS = 8_000;

const QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u00B4`]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;

const NON_ASCII = /[^\x00-\x7f]/;

/** Lower-cases, straightens quotes and dashes, and folds white space. */
export function normalizeText(text: string): string {
  // NFKC folds full-width letters and ligatures; plain ASCII (most pastes) has nothing to fold.
  return (NON_ASCII.test(text) ? text.normalize('NFKC') : text)
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
    'able all am after before about know seems seem like one ' +
    // Failure words: every troubleshooting message has them, so they tell articles apart no better
    // than "the". Exact error strings are matched as signatures, which keep every word.
    'error errors unexpected unexpectedly occur occurs occurred occurring fail fails failed failing failure'
  ).split(' '),
);

/**
 * Light suffix stripping, enough to make "syncing", "synced" and "syncs", or "attribute" and
 * "attributes", meet. Not a full Porter stemmer: it only has to agree with itself, since articles
 * and messages go through the same function.
 */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  for (const suffix of ['ing', 'ed']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length);
      if (w.length >= 4 && /([^aeioulsz])\1$/.test(w)) w = w.slice(0, -1); // "mapped" → "map", "adding" stays "add"
      break;
    }
  }
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

/** Words of a normalized text: letters and digits, split on everything else (so AWSReservedSSO_X → awsreservedsso, x). */
export function words(normalized: string): string[] {
  return normalized.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/**
 * Ways of saying the same thing that people mix freely ("log in", "login", "sign-in"), folded
 * onto one form so a symptom written one way meets a message written the other. Applied to
 * article phrases and to messages alike, on normalized (lower-case) text.
 */
const SYNONYMS: ReadonlyArray<[RegExp, string]> = [
  [/\bsingle sign[ -]?on\b/g, ' sso '],
  [/\b(?:log(?:ged|ging|s)?|sign(?:ed|ing|s)?)[ -]?(?:in|on)(?:to)?\b|\blog(?:in|on)s?\b/g, ' signin '],
  [/\be-?mails?\b/g, ' email '],
  [/\bre-?(?:creat(?:e|ed|ing)|add(?:ed|ing)?)\b/g, ' recreate '],
  [/\bsynchroni[sz](?:e|ed|es|ing|ation)\b|\bsync(?:ed|ing|s)?\b/g, ' sync '],
  [/\buser principal names?\b/g, ' upn '],
  [/\buser ?names?\b/g, ' username '],
  [/\bmulti-?factor(?: authentication)?\b|\b2fa\b|\btwo-?(?:step|factor)(?: verification| authentication)?\b/g, ' mfa '],
  [/\b(?:1|one)-?time (?:pass ?codes?|passwords?)\b/g, ' otp '],
];

// One pass instead of one per pair: the first alternative that matches wins, in list order.
const SYNONYM_PASS = new RegExp(SYNONYMS.map(([re]) => `(${re.source})`).join('|'), 'g');

export function foldSynonyms(normalized: string): string {
  return normalized.replace(SYNONYM_PASS, (...groups: unknown[]) => {
    const hit = groups.slice(1, SYNONYMS.length + 1).findIndex((g) => g !== undefined);
    return SYNONYMS[hit]![1];
  });
}

/** Content terms: synonyms folded, stemmed words without stop words and one-letter noise. */
export function contentTerms(normalized: string): string[] {
  return words(foldSynonyms(normalized))
    .filter((w) => w.length > 1 && !STOPWORDS.has(w.replace(/'/g, '')))
    .map(stem);
}
