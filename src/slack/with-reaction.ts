import type { webApi } from '@slack/bolt';
import type { Logger } from '../core/ports/ports';
import { looksLikeCommand, parseCommand } from '../core/commands/parse-command';
import type { ActionId } from '../core/replies/reply';
import { slackErrorCode } from './deliver-reply';

/** The reaction shown on the asker's message while live checks run. */
export const WORKING_REACTION = 'eyes';

/** Live checks call AWS (seconds, throttled); everything else answers in milliseconds. */
export function isSlowText(text: string): boolean {
  if (!looksLikeCommand(text)) return false;
  const c = parseCommand(text, 'message');
  return c.name === 'trail' || (c.name === 'check' && (c.kind === 'user' || c.kind === 'assignments'));
}

export function isSlowAction(id: ActionId): boolean {
  return id === 'check.run';
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
