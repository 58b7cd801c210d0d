import type { Conversation } from '../core/input';

/** The slash command, as in manifest/slack.yml. */
export const IDC_COMMAND = '/idc';

/** How commands are quoted to Slack users in help and hints ("`/idc check user …`"). */
export const SLACK_COMMAND_PREFIX = `${IDC_COMMAND} `;

/** A Slack channel (and thread) as the core's neutral conversation, with Slack's command prefix. */
export function slackConversation(deps: { supportChannel?: string }, channelId: string, where: Pick<Conversation, 'threadId' | 'messageId'> = {}): Conversation {
  return {
    platform: 'slack',
    channelId,
    ...(where.threadId ? { threadId: where.threadId } : {}),
    ...(where.messageId ? { messageId: where.messageId } : {}),
    privateSupport: channelId === deps.supportChannel,
    commandPrefix: SLACK_COMMAND_PREFIX,
  };
}
