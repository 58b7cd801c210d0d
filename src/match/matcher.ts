import type { Article } from '../knowledge/article';
import { calibrate } from './calibrate';
import { cleanInput } from './clean-input';
import { matchEvents } from './event-matcher';
import { extractEntities, type Entities } from './extract-entities';
import { contentTerms, normalizeText, words } from './normalize-text';
import { proseOf } from './prose-of';
import { SignatureIndex } from './signature-index';
import { SymptomIndex } from './symptom-index';
import { CANDIDATE_THRESHOLD } from './thresholds';
import { TypoCorrector } from './typo-corrector';
import { findUnrelatedError } from './unrelated-errors';
import { mentionsIdentityCenter } from './idc-context';

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

const MAX_RESULTS = 5;

/**
 * Ranks knowledge base articles for a message. Three kinds of evidence, strongest first: exact or
 * truncated error signatures, CloudTrail event names with their outcome, and symptom phrasings
 * (IDF-weighted; misspelt words are mapped onto the vocabulary first). Independent kinds of
 * evidence reinforce each other. Built once at start; a query touches only the index entries its
 * words hit.
 */
export class Matcher {
  private readonly signatures: SignatureIndex;
  private readonly symptoms: SymptomIndex;
  private readonly typos: TypoCorrector;

  constructor(private readonly articles: readonly Article[]) {
    this.signatures = new SignatureIndex(articles);
    this.symptoms = new SymptomIndex(articles);
    this.typos = new TypoCorrector(this.symptoms.terms());
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
    const messageWords = words(normalized);
    const scores = new Map<number, { score: number; evidence: Evidence[] }>();
    const add = (a: number, score: number, evidence: Evidence) => {
      const s = scores.get(a) ?? { score: 0, evidence: [] };
      // Independent pieces of evidence reinforce each other without exceeding 1.
      s.score = 1 - (1 - s.score) * (1 - score);
      s.evidence.push(evidence);
      scores.set(a, s);
    };

    const signatureHits = this.signatures.match(messageWords);
    for (const h of signatureHits) add(h.article, h.score, { kind: h.partial ? 'partial-signature' : 'signature', text: h.signature });
    const eventHits = matchEvents(this.articles, entities.events);
    for (const h of eventHits) add(h.article, h.score, { kind: 'event', text: h.event });
    const inContext = mentionsIdentityCenter(normalized);
    const text = proseOf(input.text, entities.events);
    const prose = text === input.text ? normalized : normalizeText(text);
    for (const h of this.symptoms.match(this.queryTerms(prose), inContext)) {
      add(h.article, h.score, { kind: 'symptom', text: h.phrase ?? this.articles[h.article]!.title });
    }

    if (signatureHits.length === 0 && eventHits.length === 0 && findUnrelatedError(normalized)) {
      return { ...base, matches: [], entities, silence: 'unrelated-error' };
    }
    const excluded = this.signatures.excluded(normalized);
    const matches = [...scores.entries()]
      .filter(([a]) => !excluded.has(a))
      .map(([a, s]) => ({
        articleId: this.articles[a]!.id,
        title: this.articles[a]!.title,
        confidence: round(calibrate(s.score)),
        evidence: s.evidence,
      }))
      .filter((m) => m.confidence >= CANDIDATE_THRESHOLD)
      .sort((x, y) => y.confidence - x.confidence || x.articleId.localeCompare(y.articleId))
      .slice(0, MAX_RESULTS);
    return { ...base, matches, entities };
  }

  /** Content terms of normalized text, misspellings mapped onto the knowledge base's words. */
  private queryTerms(normalized: string): string[] {
    const correct = this.typos.session();
    return contentTerms(normalized).map((t) => (this.symptoms.has(t) ? t : (correct(t) ?? t)));
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
