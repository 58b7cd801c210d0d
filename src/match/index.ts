export { Matcher, type Match, type MatchResult, type Evidence } from './matcher';
export { CANDIDATE_THRESHOLD } from './thresholds';
export type { Outcome } from './decide-outcome';
export { MAX_MATCH_CHARS } from './normalize-text';
export type { Entities, CloudTrailHint } from './extract-entities';
