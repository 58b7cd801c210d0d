import type { SlackConfig } from '../config/load-config';
import type { ChatEdge, EdgeContext } from '../server/chat-edge';
import { mountSlack } from './mount-slack';
import { SlackDigestPoster } from './slack-digest-poster';
import { SlackMemberships } from './slack-memberships';
import { SlackPeople } from './slack-people';
import { SlackSupportDesk } from './slack-support-desk';

/**
 * The Slack edge in the app's one edge shape: Bolt and the listeners (`mountSlack`), the support
 * desk in SLACK_SUPPORT_CHANNEL, the watcher's digest to WATCH_CHANNEL, and this platform's People
 * (user-group memberships, e-mails from users.info). Imported by `app.ts` only when Slack is configured.
 */
export async function createSlackChatEdge(ctx: EdgeContext<SlackConfig>): Promise<ChatEdge> {
  const { section: config, clock } = ctx;
  const slack = mountSlack({ config, assistant: ctx.assistant, seen: ctx.seen, logger: ctx.logger, inFlight: ctx.inFlight, inbox: ctx.inbox, home: { store: ctx.store, clock }, metrics: ctx.metrics });
  const log = ctx.logger.child({ edge: 'slack' });
  const groups = [...new Set([...ctx.config.lookup.allowedGroups, ...ctx.config.support.slackGroups])];
  const memberships = new SlackMemberships(slack.bolt.client, groups, log, clock);
  const digestChannel = ctx.config.watch?.slackChannel;
  return {
    platform: 'slack',
    routes: slack.routes,
    desk: new SlackSupportDesk(slack.bolt.client, config.supportChannel, log, memberships),
    digest: digestChannel ? new SlackDigestPoster(slack.bolt.client, digestChannel) : undefined,
    people: new SlackPeople(slack.bolt.client, memberships, log, clock),
    start: slack.start,
    stop: slack.stop,
    // Answers already acknowledged are tracked in the app's InFlight, which stop() and close() drain.
    idle: async () => {},
  };
}
