import type { MessageRef } from '../../src/core/escalations/escalation';
import type { Reply } from '../../src/core/replies/reply';
import type { DigestPoster } from '../../src/core/watch/watch-ports';

/** A DigestPoster that keeps every digest it is asked to post (or fails, when told to). */
export class RecordingPoster implements DigestPoster {
  readonly platform = 'slack' as const;
  readonly posted: Reply[] = [];
  fail = false;

  constructor(private readonly channel = 'C0WATCH') {}

  async post(digest: Reply): Promise<MessageRef> {
    if (this.fail) throw new Error('channel_not_found');
    this.posted.push(digest);
    return { platform: 'slack', channelId: this.channel, messageId: `${this.posted.length}.000` };
  }
}
