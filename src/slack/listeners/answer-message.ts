import type { webApi } from '@slack/bolt';
import type { DeliveryHooks } from '../../core/inbox';
import type { Input, Trigger } from '../../core/input';
import { decodeSlackText } from '../decode-slack-text';
import { deliverReply } from '../deliver-reply';
import type { SlackMessageEvent } from '../read-message-event';
import { slackConversation } from '../slack-conversation';
import type { SlackEdgeDeps } from '../slack-edge-deps';
import type { ThreadSurface } from '../thread-surface';
import { isSlowText, withReaction } from '../with-reaction';
import { yieldToIo } from '../yield-to-io';

/**
 * The one path for messages (mentions, DMs, watched channels): neutral input → core → Block Kit
 * in the message's thread. Watched-channel answers go out only once per thread, and never into a
 * thread the bot already answered in.
 */
export async function answerMessage(
  deps: SlackEdgeDeps,
  client: webApi.WebClient,
  message: SlackMessageEvent,
  trigger: Trigger,
  meta: { botUserId?: string; eventId?: string; surface?: ThreadSurface; inbox?: DeliveryHooks },
): Promise<void> {
  await yieldToIo();
  const threadTs = message.threadTs ?? message.ts;
  const log = deps.logger.child({ eventId: meta.eventId, channel: message.channel, trigger });
  const text = decodeSlackText(message.text, meta.botUserId);
  // Files are read only when someone asked: a watched channel full of screenshots costs no downloads.
  const attachments = deps.files && trigger !== 'watched' && message.files.length > 0 ? await deps.files.read(message.files, log) : undefined;
  const input: Input = {
    text,
    trigger,
    actor: { platform: 'slack', id: message.user },
    conversation: slackConversation(deps, message.channel, { threadId: threadTs, messageId: message.ts }),
    ...(attachments?.length ? { attachments } : {}),
  };
  const where = isSlowText(text) ? { channel: message.channel, timestamp: message.ts } : undefined;
  const surface = meta.surface;
  await withReaction(client, where, log, async () => {
    await surface?.working(text);
    try {
      await decideAndDeliver();
    } finally {
      await surface?.done();
    }
  });

  async function decideAndDeliver(): Promise<void> {
    const { reply, match } = await deps.assistant.decide(input);
    const best = match?.matches[0];
    // Watched channels are busy: silence is logged at debug, answers at info.
    log[reply ? 'info' : 'debug']({ kind: reply?.kind ?? 'silent', article: best?.articleId, confidence: best?.confidence }, 'message handled');
    if (!reply) return;
    if (trigger === 'watched' && !(await deps.threads.claim(message.channel, threadTs))) {
      log.info({ threadTs }, 'thread already answered; staying silent');
      return;
    }
    await yieldToIo();
    const isIm = message.channelType === 'im';
    const render = surface ? { nativeFeedback: true } : undefined;
    await meta.inbox?.sending();
    const posted = await deliverReply(client, reply, { channel: message.channel, user: message.user, threadTs, isIm, render }, log);
    await meta.inbox?.answered(); // the durable inbox: done now, so a crash from here on cannot answer twice
    if (posted && trigger !== 'watched') await deps.threads.markAnswered(message.channel, threadTs);
    const article = reply.kind === 'answer' && reply.articleId ? deps.assistant.articles.get(reply.articleId) : undefined;
    if (article) await surface?.titled(article.title);
  }
}
