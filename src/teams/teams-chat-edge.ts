import type { TeamsConfig } from '../config/load-config';
import type { ChatEdge, EdgeContext } from '../server/chat-edge';
import { StoreConversationRefStore } from './conversation-ref-store';
import { createTeamsEdge } from './create-teams-edge';
import { TeamsDigestPoster } from './teams-digest-poster';

/**
 * The Teams edge in the app's one edge shape: /api/messages, the support desk in
 * TEAMS_SUPPORT_CONVERSATION, the watcher's digest to WATCH_TEAMS_CONVERSATION, conversation
 * references kept in the store. Imported by `app.ts` only when Teams is configured.
 */
export async function createTeamsChatEdge(ctx: EdgeContext<TeamsConfig>): Promise<ChatEdge> {
  const teams = createTeamsEdge({
    config: ctx.section,
    assistant: ctx.assistant,
    logger: ctx.logger,
    inbox: ctx.inbox,
    metrics: ctx.metrics,
    refs: new StoreConversationRefStore(ctx.store, () => ctx.clock.now()),
    timeouts: ctx.section.timeouts,
    clock: ctx.clock,
  });
  const digestConversation = ctx.config.watch?.teamsConversation;
  return {
    platform: 'teams',
    routes: teams.routes,
    desk: teams.desk,
    people: teams.people,
    digest: digestConversation ? new TeamsDigestPoster(teams.proactive, digestConversation) : undefined,
    // Teams connects nowhere at start (tokens are fetched per call) and keeps no connection open.
    start: async () => {},
    stop: async () => {},
    idle: () => teams.idle(),
  };
}
