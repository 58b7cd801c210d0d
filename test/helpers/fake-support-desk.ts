import type { Escalation, MessageRef, SupportDesk } from '../../src/core/escalations/escalation';
import type { Actor, Platform } from '../../src/core/input';
import type { Reply } from '../../src/core/replies/reply';

/** Records what a chat edge would show; `failPosts` makes the next N posts throw. */
export class FakeSupportDesk implements SupportDesk {
  readonly posts: Array<{ escalation: Escalation; message: Reply }> = [];
  readonly updates: Array<{ escalation: Escalation; message: Reply }> = [];
  readonly notices: Array<{ escalation: Escalation; text: string }> = [];
  readonly reminders: Array<{ escalation: Escalation; message: Reply }> = [];
  failPosts = 0;
  failUpdates = false;
  /** Members of the support channel (user ids on this desk's platform): they work escalations. */
  readonly members: Set<string>;

  constructor(
    readonly platform: Platform = 'slack',
    readonly channelId = 'C0SUPPORT',
    members: string[] = ['U0BOB', 'U0CAROL'],
  ) {
    this.members = new Set(members);
  }

  async isSupportMember(actor: Actor): Promise<boolean> {
    return actor.platform === this.platform && this.members.has(actor.id);
  }

  async post(escalation: Escalation, message: Reply): Promise<MessageRef> {
    if (this.failPosts > 0) {
      this.failPosts--;
      throw new Error('channel_not_found');
    }
    this.posts.push({ escalation, message });
    const messageId = `1700000${this.posts.length}.000100`;
    return { platform: this.platform, channelId: this.channelId, messageId, permalink: `https://example.slack.com/archives/${this.channelId}/p${messageId}` };
  }

  async update(escalation: Escalation, message: Reply): Promise<void> {
    if (this.failUpdates) throw new Error('message_not_found');
    this.updates.push({ escalation, message });
  }

  async notifyRequester(escalation: Escalation, text: string): Promise<void> {
    this.notices.push({ escalation, text });
  }

  async remind(escalation: Escalation, message: Reply): Promise<void> {
    this.reminders.push({ escalation, message });
  }
}
