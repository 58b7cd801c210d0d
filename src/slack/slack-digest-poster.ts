import type { App } from '@slack/bolt';
import type { MessageRef } from '../core/escalations/escalation';
import type { Reply } from '../core/replies/reply';
import type { DigestPoster } from '../core/watch/watch-ports';
import { renderBlocks } from './render-blocks';

/** The watcher's digest in Slack: one chat.postMessage to WATCH_CHANNEL (the bot must be a member). */
export class SlackDigestPoster implements DigestPoster {
  readonly platform = 'slack' as const;

  constructor(
    private readonly client: App['client'],
    private readonly channel: string,
  ) {}

  async post(digest: Reply): Promise<MessageRef> {
    const res = await this.client.chat.postMessage({ channel: this.channel, ...renderBlocks(digest), unfurl_links: false });
    if (!res.ts) throw new Error('chat.postMessage returned no ts');
    return { platform: 'slack', channelId: this.channel, messageId: res.ts };
  }
}
