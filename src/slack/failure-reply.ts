import { notice } from '../core/replies/notice';
import type { Reply } from '../core/replies/reply';

/** What a person sees when something failed on our side; the log has the details. */
export function failureReply(): Reply {
  return notice('Something went wrong on our side', 'Try again in a minute. If it keeps happening, tell the team that runs this assistant.', { kind: 'error' });
}
