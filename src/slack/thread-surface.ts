import type { Logger } from '../core/ports/ports';
import { isSlowText } from './with-reaction';
import { slackErrorCode } from './deliver-reply';
import { truncate } from '../core/text/truncate';

/**
 * What Slack's assistant container adds to a thread: a live status while the assistant works
 * (cleared when the answer is posted), a title from the matched article, suggested prompts.
 * Every call is a courtesy: a failure (no `assistant:write`, a DM thread outside the container)
 * is logged at debug and never stops the answer.
 */
export interface ThreadSurface {
  working(text: string): Promise<void>;
  done(): Promise<void>;
  titled(title: string): Promise<void>;
}

/** The status line and the loading messages Slack rotates through while it shows. */
export function statusFor(text: string): { status: string; loading_messages: string[] } {
  return isSlowText(text)
    ? { status: 'is running the check…', loading_messages: ['Asking the Identity Store…', 'Reading CloudTrail sign-in events…', 'Putting the findings together…'] }
    : { status: 'is looking this up…', loading_messages: ['Matching the error against the knowledge base…', 'Checking the documented causes…'] };
}

/** Slack's thread titles are short; article titles fit, a pasted log line would not. */
const MAX_TITLE_CHARS = 100;

export interface AssistantThreadHelpers {
  setStatus(status: string | { status: string; loading_messages?: string[] }): Promise<unknown>;
  setTitle(title: string): Promise<unknown>;
}

export function threadSurface(helpers: AssistantThreadHelpers, logger: Logger): ThreadSurface {
  const quietly = (what: string, call: () => Promise<unknown>) =>
    call().then(
      () => undefined,
      (err: unknown) => logger.debug({ code: slackErrorCode(err) }, `could not ${what}`),
    );
  return {
    working: (text) => quietly('set the assistant status', () => helpers.setStatus(statusFor(text))),
    done: () => quietly('clear the assistant status', () => helpers.setStatus('')),
    titled: (title) => quietly('set the thread title', () => helpers.setTitle(truncate(title, MAX_TITLE_CHARS))),
  };
}

