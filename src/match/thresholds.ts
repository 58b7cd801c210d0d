/**
 * Candidates below this fused probability are not listed at all. The thresholds that decide what
 * the assistant does (answer, clarify, undocumented, unasked) are fitted: see fitted-params.ts.
 */
export const CANDIDATE_THRESHOLD = 0.1;
