/**
 * Confidence thresholds, calibrated on test/fixtures/eval (see `npm run cli -- eval`).
 * ANSWER: when someone asked (mention, DM, command), answer with the best match at or above it;
 * below it, say "I don't recognise this" and list the closest candidates.
 * UNASKED: in watched channels nobody asked, so a wrong answer costs trust: speak only at or above it.
 */
export const ANSWER_THRESHOLD = 0.45;
export const UNASKED_THRESHOLD = 0.8;
/** Other candidates worth naming next to the best one when the answer is not clear-cut. */
export const CANDIDATE_THRESHOLD = 0.1;
