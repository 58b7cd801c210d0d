import { Activity } from '@microsoft/agents-activity';
import { notice } from '../core/replies/notice';
import type { Reply } from '../core/replies/reply';
import { CARD_CONTENT_TYPE } from './adaptive-card';
import { renderCard, type RenderCardOptions } from './render-card';
import { truncate } from '../core/text/truncate';

const MAX_SUMMARY_CHARS = 200;

/**
 * A reply as a Teams message: the Adaptive Card, plus a plain-text fallback (`summary`, which
 * Teams shows in notifications and the activity feed, and the card's `fallbackText`). No `text`:
 * Teams would show it above the card, twice the same answer.
 */
export function replyActivity(reply: Reply, options: RenderCardOptions = { actions: 'execute' }): Activity {
  const first = reply.text.split('\n').find((l) => l.trim()) ?? 'IAM Identity Center assistant';
  return Activity.fromObject({
    type: 'message',
    summary: truncate(first, MAX_SUMMARY_CHARS),
    attachments: [{ contentType: CARD_CONTENT_TYPE, content: renderCard(reply, options) }],
  });
}

/** Posted first when the answer takes longer than a moment; updated in place with the result. */
export const WORKING: Reply = notice('Working on it…', 'Checking now. I will update this message with the result.', { visibility: 'public' });

/** Shown where the result went to the person's private chat instead (personal data, help). */
export const SENT_PRIVATELY: Reply = notice('Sent to you privately', 'The answer may contain personal data, so I sent it to our private chat.', { visibility: 'public' });

export const PRIVATE_FAILED: Reply = notice(
  'I could not message you privately',
  'This answer is only for you. Open a chat with me (personal app) and ask there.',
  { visibility: 'public' },
);
