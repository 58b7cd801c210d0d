export { Matcher, type Match, type MatchResult, type Evidence } from './matcher';
export { ANSWER_THRESHOLD, UNASKED_THRESHOLD, CANDIDATE_THRESHOLD } from './thresholds';
export { MAX_MATCH_CHARS } from './normalize-text';
export type { Entities, CloudTrailHint } from './extract-entities';
