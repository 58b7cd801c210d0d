import type { RespondFn, webApi } from '@slack/bolt';
import type { Logger } from '../core/ports/ports';
import type { Reply } from '../core/replies/reply';
import { renderBlocks, type RenderOptions } from './render-blocks';

export interface ReplyTarget {
  channel: string;
  /** The person who asked: private replies are shown to them only. */
  user: string;
  /** Thread to answer in (`thread_ts ?? ts` of the message answered). */
  threadTs?: string;
  /** A DM with the bot: everything in it is already private. */
  isIm?: boolean;
  /** Slash commands, buttons and shortcuts carry a `response_url`: the fallback when we may not post. */
  respond?: RespondFn;
  /** Surface-specific rendering (native feedback buttons in assistant threads). */
  render?: RenderOptions;
}

/** Web API errors meaning "the bot may not post there": answer privately through response_url instead. */
const CANNOT_POST = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action', 'ekm_access_denied']);

const NOT_IN_CHANNEL_NOTE = 'I can only answer here privately: invite me to the channel (`/invite @idc`) to answer in the thread.';

/**
 * Posts a reply where it belongs: public replies in the thread with `chat.postMessage`, private
 * ones with `chat.postEphemeral` (in a DM, a normal message). Returns true when the reply was
 * posted publicly in the thread.
 */
export async function deliverReply(client: webApi.WebClient, reply: Reply, target: ReplyTarget, logger: Logger): Promise<boolean> {
  const payload = renderBlocks(reply, target.render);
  const common = { ...payload, ...(target.threadTs ? { thread_ts: target.threadTs } : {}) };
  try {
    if (reply.visibility === 'private' && !target.isIm) {
      await client.chat.postEphemeral({ channel: target.channel, user: target.user, ...common });
      return false;
    }
    await client.chat.postMessage({ channel: target.channel, ...common, unfurl_links: false, unfurl_media: false });
    return true;
  } catch (err) {
    const code = slackErrorCode(err);
    if (target.respond && code && CANNOT_POST.has(code)) {
      const note: Reply = { ...reply, visibility: 'private', blocks: [{ type: 'context', text: NOT_IN_CHANNEL_NOTE }, ...reply.blocks] };
      await respondWith(target.respond, note, logger);
      return false;
    }
    throw err;
  }
}

/** Sends through a `response_url` (valid 30 minutes, 5 uses). Slack answers 404 once it has expired. */
export async function respondWith(respond: RespondFn, reply: Reply, logger: Logger): Promise<void> {
  const payload = renderBlocks(reply);
  const res = await respond({ ...payload, response_type: reply.visibility === 'private' ? 'ephemeral' : 'in_channel', replace_original: false });
  if (!res.ok) logger.warn({ status: res.status }, 'response_url rejected the reply (expired or used up)');
}

/** `not_in_channel` and friends, from a WebClient platform error. */
export function slackErrorCode(err: unknown): string | undefined {
  const data = (err as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}
