import type { webApi } from '@slack/bolt';
import type { Logger } from '../core/ports/ports';
import { decodeAction } from '../core/commands/action-payload';
import { isSlowLiveCheck, liveCheck } from '../core/checks/live-check-registry';
import type { ActionId } from '../core/replies/reply';
import { slackErrorCode } from './deliver-reply';

/** The reaction shown on the asker's message while live checks run. */
export const WORKING_REACTION = 'eyes';

/** Live checks the registry marks slow call AWS (seconds, throttled); everything else answers in milliseconds. */
export function isSlowText(text: string): boolean {
  return isSlowLiveCheck(text.trim().replace(/^\//, ''));
}

/** A "Run check" button for a check the registry marks slow (an unknown check answers at once). */
export function isSlowAction(id: ActionId, value?: string): boolean {
  const check = id === 'check.run' ? decodeAction(value).c : undefined;
  return !!check && liveCheck(check).slow;
}

/**
 * Runs `work` with an :eyes: reaction on the message, removed afterwards. The reaction is a
 * courtesy: failing to add or remove it (missing `reactions:write`, message gone) never fails
 * the answer.
 */
export async function withReaction<T>(
  client: webApi.WebClient,
  where: { channel: string; timestamp: string } | undefined,
  logger: Logger,
  work: () => Promise<T>,
): Promise<T> {
  if (!where) return work();
  const added = await client.reactions.add({ ...where, name: WORKING_REACTION }).then(
    () => true,
    (err: unknown) => {
      logger.debug({ code: slackErrorCode(err) }, 'could not add the working reaction');
      return false;
    },
  );
  try {
    return await work();
  } finally {
    if (added) {
      await client.reactions.remove({ ...where, name: WORKING_REACTION }).catch((err: unknown) => {
        logger.debug({ code: slackErrorCode(err) }, 'could not remove the working reaction');
      });
    }
  }
}
