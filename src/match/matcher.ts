import type { Article } from '../knowledge/article';
import type { Example } from '../knowledge/example';
import { BaseModels } from './base-models';
import { cleanInput } from './clean-input';
import { decideOutcome, type Outcome } from './decide-outcome';
import { matchEvents } from './event-matcher';
import { extractEntities, type Entities } from './extract-entities';
import { FITTED_PARAMS } from './fitted-params';
import { candidateProbabilities, GATE_FEATURES, logistic, type FittedParams } from './fusion';
import { mentionsIdentityCenter } from './mentions-identity-center';
import { contentTerms, normalizeText, words } from './normalize-text';
import { proseOf } from './prose-of';
import { SignatureIndex } from './signature-index';
import { SymptomIndex } from './symptom-index';
import { CANDIDATE_THRESHOLD } from './thresholds';
import { TypoCorrector } from './typo-corrector';
import { findUnrelatedError } from './unrelated-errors';

export interface Evidence {
  kind: 'signature' | 'partial-signature' | 'event' | 'symptom' | 'example';
  /** What matched: the signature, event name, symptom phrase, or the source of the closest real report. */
  text: string;
}

export interface Match {
  articleId: string;
  title: string;
  /** 0..1: the fitted probability that this article is the right one (reliability table: `eval --json`). */
  confidence: number;
  evidence: Evidence[];
}

export interface MatchResult {
  /** Best first; at most five, each at or above CANDIDATE_THRESHOLD. */
  matches: Match[];
  /** What to do when someone asked (mention, DM, command, console). */
  outcome: Outcome;
  /** Articles to offer when `outcome` is "clarify", best first. */
  clarify: string[];
  /** The article to post unasked in a watched channel, or null to stay silent. */
  unasked: string | null;
  /** 0..1: how sure the matcher is that this is an IAM Identity Center problem at all. */
  idcProbability: number;
  entities: Entities;
  /** The message was longer than the matcher reads; matches come from its prefix. */
  truncated: boolean;
  inputChars: number;
  /** Why nothing can match at all, when that is the case. */
  silence?: 'empty' | 'binary' | 'unrelated-error';
}

/** One candidate article with the numbers the fusion model reads (exposed for fitting). */
export interface Candidate {
  article: number;
  features: number[];
  evidence: Evidence[];
}

export interface Analysis {
  candidates: Candidate[];
  /** Gate features, given the best candidate's probability. */
  gate: (best: number) => number[];
  /** What the fusion's "none of these" option reads (NULL_FEATURES). */
  nullFeatures: number[];
  /** The message names AWS or Identity Center (mentions-identity-center.ts). */
  context: boolean;
  /** The message holds a known AWS error outside Identity Center (unrelated-errors.ts). */
  unrelated: boolean;
}

const MAX_RESULTS = 5;
/** Candidates per learned view: more add cost, not recall (the right article is in the top 5 of one view or has a signature). */
const PER_VIEW = 5;

/**
 * Ranks knowledge base articles for a message and decides what to do with it. Evidence, strongest
 * first: exact or truncated error signatures, CloudTrail events with their outcome, then two models
 * learned from the articles and the real example messages (a softmax classifier over word TF-IDF,
 * nearest training documents over word and character TF-IDF), and symptom phrasings. A fitted
 * logistic fusion turns them into one probability per article; a second one says whether the
 * message is an IAM Identity Center problem at all. Built once at start.
 */
export class Matcher {
  private readonly signatures: SignatureIndex;
  private readonly symptoms: SymptomIndex;
  private readonly typos: TypoCorrector;
  private readonly base: BaseModels;

  constructor(
    private readonly articles: readonly Article[],
    examples: readonly Example[] = [],
    readonly params: FittedParams = FITTED_PARAMS,
  ) {
    this.signatures = new SignatureIndex(articles);
    this.symptoms = new SymptomIndex(articles);
    this.typos = new TypoCorrector(this.symptoms.terms());
    this.base = new BaseModels(articles, examples);
  }

  get size(): number {
    return this.articles.length;
  }

  match(raw: string): MatchResult {
    const input = cleanInput(raw);
    const entities = extractEntities(input.text);
    const base = { truncated: input.truncated, inputChars: input.originalLength, entities, clarify: [] as string[], unasked: null };
    if (input.empty) return { ...base, matches: [], outcome: 'silent', idcProbability: 0, silence: 'empty' };
    if (input.binary) return { ...base, matches: [], outcome: 'silent', idcProbability: 0, silence: 'binary' };

    const analysis = this.analyse(input.text, entities);
    const probabilities = candidateProbabilities(this.params.fusion, analysis.candidates.map((c) => c.features), analysis.nullFeatures);
    const scored = analysis.candidates
      .map((c, i) => ({ c, p: probabilities[i]! }))
      .sort((x, y) => y.p - x.p || x.c.article - y.c.article);
    const idcProbability = round(logistic(this.params.gate, analysis.gate(scored[0]?.p ?? 0)));
    const matches = scored
      .filter((s) => s.p >= CANDIDATE_THRESHOLD)
      .slice(0, MAX_RESULTS)
      .map((s) => ({ articleId: this.articles[s.c.article]!.id, title: this.articles[s.c.article]!.title, confidence: round(s.p), evidence: s.c.evidence }));
    // A known AWS error outside Identity Center (an expired CLI session, an STS denial…) with no
    // signature or CloudTrail event of ours is not our business, whatever the words around it.
    const strong = matches.some((m) => m.evidence.some((e) => e.kind === 'signature' || e.kind === 'partial-signature' || e.kind === 'event'));
    if (!strong && analysis.unrelated) {
      return { ...base, outcome: 'silent', clarify: [], unasked: null, matches, idcProbability, silence: 'unrelated-error' };
    }
    const decision = decideOutcome(matches, idcProbability, this.params.thresholds);
    // Learned and symptom evidence alone, in a message that never names AWS or Identity Center, is
    // about someone else's product more often than not (other SSO, SCIM and WebAuthn errors read
    // alike): no answer then, only the offer of help. An error string or CloudTrail event of ours still answers.
    if (decision.outcome === 'answer' && !strong && !analysis.context) {
      return { ...base, outcome: idcProbability >= this.params.thresholds.undocumented ? 'undocumented' : 'silent', clarify: [], unasked: null, matches, idcProbability };
    }
    return { ...base, ...decision, matches, idcProbability };
  }

  /** Candidate articles with their feature vectors: what `match` fuses, and what `kb fit` learns from. */
  analyse(text: string, entities: Entities = extractEntities(text)): Analysis {
    const normalized = normalizeText(text);
    const context = mentionsIdentityCenter(normalized) ? 1 : 0;
    const unrelated = findUnrelatedError(normalized) ? 1 : 0;
    const scores = this.base.scores(text);
    const n = this.articles.length;
    const articleLr = Array.from(scores.lr.subarray(0, n));
    const articleKnn = Array.from(scores.knn.subarray(0, n));
    const topOf = (xs: number[]) => xs.map((v, i) => [v, i] as const).sort((a, b) => b[0] - a[0]).slice(0, PER_VIEW);
    const lrTop = topOf(articleLr);
    const knnTop = topOf(articleKnn);

    const evidence = new Map<number, Evidence[]>();
    const add = (a: number, e?: Evidence) => {
      const list = evidence.get(a) ?? [];
      if (e) list.push(e);
      evidence.set(a, list);
    };
    const signature = new Map<number, number>();
    for (const h of this.signatures.match(words(normalized))) {
      signature.set(h.article, Math.max(signature.get(h.article) ?? 0, h.score));
      add(h.article, { kind: h.partial ? 'partial-signature' : 'signature', text: h.signature });
    }
    const event = new Map<number, number>();
    for (const h of matchEvents(this.articles, entities.events)) {
      event.set(h.article, Math.max(event.get(h.article) ?? 0, h.score));
      add(h.article, { kind: 'event', text: h.event });
    }
    const prose = proseOf(text, entities.events);
    const symptom = new Map<number, { score: number; phrase?: string }>();
    for (const h of this.symptoms.match(this.queryTerms(prose === text ? normalized : normalizeText(prose)), context === 1)) {
      symptom.set(h.article, h);
    }
    for (const [, a] of lrTop) add(a);
    for (const [, a] of knnTop) add(a);
    for (const a of [...symptom.keys()].sort((x, y) => symptom.get(y)!.score - symptom.get(x)!.score).slice(0, 3)) add(a);

    const excluded = this.signatures.excluded(normalized);
    const notArticle = scores.lr[this.base.otherIdc]! + scores.lr[this.base.none]!;
    const bestOther = (xs: number[], a: number) => Math.max(0, ...xs.filter((_, i) => i !== a));
    const candidates: Candidate[] = [];
    for (const [a, ev] of evidence) {
      if (excluded.has(a)) continue;
      const s = symptom.get(a);
      if (s && !ev.some((e) => e.kind !== 'example')) ev.push({ kind: 'symptom', text: s.phrase ?? this.articles[a]!.title });
      const doc = this.base.documents[scores.nearest[a] ?? -1];
      if (doc?.source && articleKnn[a]! >= 0.3) ev.push({ kind: 'example', text: doc.source });
      const features = [
        articleLr[a]!,
        articleLr[a]! - bestOther(articleLr, a),
        articleKnn[a]!,
        articleKnn[a]! - bestOther(articleKnn, a),
        signature.get(a) ?? 0,
        event.get(a) ?? 0,
        s?.score ?? 0,
        notArticle,
        context,
        unrelated,
      ];
      candidates.push({ article: a, features, evidence: ev });
    }
    const signatureOrEvent = signature.size + event.size > 0 ? 1 : 0;
    const gate = (best: number) => [
      scores.lr[this.base.none]!,
      scores.lr[this.base.otherIdc]!,
      scores.knn[this.base.none]!,
      scores.knn[this.base.otherIdc]!,
      Math.max(0, ...articleKnn),
      best,
      signatureOrEvent,
      context,
      unrelated,
    ];
    const nullFeatures = gate(0).filter((_, i) => GATE_FEATURES[i] !== 'bestCandidate');
    return { candidates, gate, nullFeatures, context: context === 1, unrelated: unrelated === 1 };
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
