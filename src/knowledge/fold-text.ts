/**
 * Case, whitespace and punctuation folded away, words kept, with a space at each end so a
 * containment test matches whole words only: `fold("Duplicate  GroupDisplayName!")` is
 * " duplicate groupdisplayname ". Curly quotes, dashes and markup all count as punctuation.
 */
export function foldText(text: string): string {
  const words = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return ` ${words} `;
}

/** Does `needle` appear, as whole words, in `haystack`? Both are folded with `foldText`. */
export function containsFolded(haystack: string, needle: string): boolean {
  const n = foldText(needle);
  return n.trim().length > 0 && haystack.includes(n);
}
