import { notice } from './notice';
import type { Reply } from './reply';

export const FAILURE_TITLE = 'Something went wrong on our side';
export const FAILURE_ADVICE = 'Try again in a minute. If it keeps happening, tell the team that runs this assistant.';

/**
 * What a person sees on every chat platform when handling their message failed on our side; the
 * log has the details. `public` where the edge replaces a message in the thread (Teams' "Working
 * on it…" placeholder), `private` (the default) where it can answer the asker alone.
 */
export function failureReply(visibility: Reply['visibility'] = 'private'): Reply {
  return notice(FAILURE_TITLE, FAILURE_ADVICE, { kind: 'error', visibility });
}

/** The same sentence on one line, for surfaces that show a short text only (a Teams toast). */
export const FAILURE_SENTENCE = `${FAILURE_TITLE}. ${FAILURE_ADVICE}`;
