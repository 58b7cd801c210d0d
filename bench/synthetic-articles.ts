import type { Article } from '../src/knowledge/article';

/**
 * Articles made up in memory for scale tests. Their words are drawn from the shipped articles'
 * own vocabulary (so real messages hit them, as they would hit a large operator knowledge base
 * written about the same product) mixed with invented words, with a Zipf-like skew: a few words
 * are in many articles, most in few. Deterministic for a given seed.
 */
export function syntheticArticles(count: number, shipped: readonly Article[], seed = 42): Article[] {
  let state = seed >>> 0;
  const random = () => {
    // mulberry32: small, fast, good enough for picking words.
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const real = [...new Set(shipped.flatMap((a) => `${a.title} ${a.symptoms.join(' ')} ${a.cause}`.toLowerCase().match(/[a-z]{3,}/g) ?? []))];
  const invented = Array.from({ length: 20_000 }, (_, i) => `zq${i.toString(36)}${'xyvk'[i % 4]}`);
  const vocabulary = [...real, ...invented];
  const word = () => vocabulary[Math.floor(vocabulary.length * random() ** 2.5)]!; // skewed towards the front (real words)
  const sentence = (n: number) => Array.from({ length: n }, word).join(' ');
  return Array.from({ length: count }, (_, i): Article => {
    const cause = `${sentence(12)}. ${sentence(20)}.`;
    return {
      id: `synthetic-${i}`,
      title: sentence(7),
      section: 'synthetic',
      signatures: [sentence(6 + Math.floor(random() * 5)), sentence(8)],
      symptoms: Array.from({ length: 5 }, () => sentence(6 + Math.floor(random() * 5))),
      excludes: [],
      sources: [],
      tags: [word(), word()],
      checks: [],
      events: i % 10 === 0 ? [{ name: `SyntheticEvent${i}`, failed: true }] : [],
      summary: cause.split('.')[0]!,
      cause,
      steps: [sentence(10), sentence(10), sentence(10)],
      escalate: sentence(12),
      file: `synthetic-${i}.md`,
    };
  });
}
