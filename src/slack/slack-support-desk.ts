import type { App } from '@slack/bolt';
import type { Escalation, MessageRef, SupportDesk } from '../core/escalations/escalation';
import type { Actor } from '../core/input';
import type { Logger } from '../core/ports/ports';
import type { Reply } from '../core/replies/reply';
import { renderBlocks } from './render-blocks';
import type { SlackMemberships } from './slack-memberships';

/**
 * Escalations in Slack: the support message in SLACK_SUPPORT_CHANNEL (updated in place with
 * chat.update) and status lines mirrored into the asker's thread. Without a support channel the
 * desk only mirrors (escalations raised in Slack may then be worked from Teams).
 */
export class SlackSupportDesk implements SupportDesk {
  readonly platform = 'slack' as const;
  readonly hostsSupport: boolean;

  constructor(
    private readonly client: App['client'],
    private readonly supportChannel: string | undefined,
    private readonly logger: Logger,
    /** Who is in the support channel; without it nobody counts as a member through this desk. */
    private readonly memberships?: SlackMemberships,
  ) {
    this.hostsSupport = Boolean(supportChannel);
  }

  /** Members of SLACK_SUPPORT_CHANNEL work escalations (they see every one posted there anyway). */
  async isSupportMember(actor: Actor): Promise<boolean> {
    if (actor.platform !== 'slack' || !this.supportChannel || !this.memberships) return false;
    return this.memberships.inChannel(this.supportChannel, actor.id);
  }

  async post(escalation: Escalation, message: Reply): Promise<MessageRef> {
    if (!this.supportChannel) throw new Error('SLACK_SUPPORT_CHANNEL is not set');
    const res = await this.client.chat.postMessage({ channel: this.supportChannel, ...renderBlocks(message), unfurl_links: false });
    if (!res.ts) throw new Error('chat.postMessage returned no ts');
    let permalink: string | undefined;
    try {
      permalink = (await this.client.chat.getPermalink({ channel: this.supportChannel, message_ts: res.ts })).permalink;
    } catch (err) {
      this.logger.debug({ err: (err as Error).message, escalation: escalation.id }, 'no permalink for the support message');
    }
    return { platform: 'slack', channelId: this.supportChannel, messageId: res.ts, permalink };
  }

  async update(escalation: Escalation, message: Reply): Promise<void> {
    const ref = escalation.supportMessage;
    if (!ref || ref.platform !== 'slack') return;
    await this.client.chat.update({ channel: ref.channelId, ts: ref.messageId, ...renderBlocks(message) });
  }

  async notifyRequester(escalation: Escalation, _text: string, message: Reply): Promise<void> {
    const origin = escalation.origin;
    if (origin.platform !== 'slack' || !origin.channelId) return;
    await this.client.chat.postMessage({ channel: origin.channelId, thread_ts: origin.threadId, ...renderBlocks(message), unfurl_links: false });
  }

  async remind(escalation: Escalation, message: Reply): Promise<void> {
    const ref = escalation.supportMessage;
    if (!ref || ref.platform !== 'slack') return;
    await this.client.chat.postMessage({ channel: ref.channelId, thread_ts: ref.messageId, ...renderBlocks(message) });
  }
}
