import type { Assistant } from '../core/assistant';
import type { Inbox } from '../core/inbox';
import { noMetrics, type Metrics } from '../core/ports/metrics';
import type { Clock, Logger } from '../core/ports/ports';
import type { TeamsConfig } from '../config/load-config';
import type { Route } from '../server/create-server';
import { BoundedCloudAdapter } from './bounded-cloud-adapter';
import { MemoryConversationRefStore, type TeamsReferenceStore } from './conversation-ref-store';
import { teamsAuthConfig } from './teams-auth-config';
import { createTeamsBot } from './teams-bot';
import { TeamsError } from './teams-errors';
import { TeamsReplies } from './teams-replies';
import { replayTeamsActivity } from './teams-inbox';
import { teamsRoute } from './teams-route';
import { TeamsSupportDesk } from './teams-support-desk';
import { TeamsProactive } from './teams-proactive';
import { TeamsPeople } from './teams-people';

export interface TeamsTimeouts {
  /** After this long without an answer, post "Working on it…" and update it later (Teams allows 15 s). */
  firstReplyMs: number;
  /** Each outgoing Bot Connector call, and the token fetch before it. */
  connectorMs: number;
  /** Verifying an incoming token, signing-key fetch included. */
  authMs: number;
}

export const DEFAULT_TEAMS_TIMEOUTS: TeamsTimeouts = { firstReplyMs: 2_000, connectorMs: 10_000, authMs: 5_000 };

/** Teams messages are at most ~28 KB of text; a 40,000-character paste with its HTML copy fits easily. */
const MAX_BODY_BYTES = 1024 * 1024;

export interface TeamsEdgeOptions {
  config: TeamsConfig;
  assistant: Assistant;
  logger: Logger;
  /** Conversation references for proactive messages; in memory unless a persistent store is given. */
  refs?: TeamsReferenceStore;
  timeouts?: Partial<TeamsTimeouts>;
  /** The durable inbox (activities written before their turn; recovered after a crash). */
  inbox?: Inbox;
  /** For the member e-mail cache (tests move it). */
  clock?: Clock;
  /** `idc_edge_errors_total{platform="teams"}`: refused tokens, failed turns, Bot Connector errors. */
  metrics?: Metrics;
}

export interface TeamsEdge {
  routes: Route[];
  refs: TeamsReferenceStore;
  /** Present when TEAMS_SUPPORT_CONVERSATION is set: the escalation flow's SupportDesk for Teams. */
  desk?: TeamsSupportDesk;
  /** Proactive posts (the watcher's digest) through stored conversation references. */
  proactive: TeamsProactive;
  /** The asker's e-mail / UPN from the conversation member (register it for 'teams' in the People). */
  people: TeamsPeople;
  /** Resolves when background reply updates have finished. */
  idle(): Promise<void>;
}

/** The Teams edge: the SDK's adapter and agent built from our config only, mounted at /api/messages. */
export function createTeamsEdge({ config, assistant, logger, refs = new MemoryConversationRefStore(), timeouts = {}, inbox, clock, metrics = noMetrics }: TeamsEdgeOptions): TeamsEdge {
  const t = { ...DEFAULT_TEAMS_TIMEOUTS, ...timeouts };
  const log = logger.child({ edge: 'teams' });
  const anonymous = config.allowAnonymous;
  if (anonymous) {
    log.warn(
      { TEAMS_ALLOW_ANONYMOUS: true },
      '!!! TEAMS_ALLOW_ANONYMOUS=true: requests to /api/messages are NOT authenticated. Anyone who can reach this port can talk to the bot and make it post to any URL. Use only on a local machine. !!!',
    );
  }
  let adapter: BoundedCloudAdapter;
  try {
    adapter = new BoundedCloudAdapter(teamsAuthConfig(config), t.connectorMs, { validateServiceUrl: !anonymous });
  } catch (err) {
    throw new TeamsError('sdk_setup', `The Teams SDK rejected the configuration: ${(err as Error).message}`, anonymous ? 'Anonymous mode is refused with NODE_ENV=production: set TEAMS_APP_ID, TEAMS_APP_PASSWORD and TEAMS_TENANT_ID.' : 'Check TEAMS_APP_ID, TEAMS_TENANT_ID and the secret or certificate.', { cause: err });
  }
  const replies = new TeamsReplies({ firstReplyMs: t.firstReplyMs, logger: log, supportConversation: config.supportConversation, metrics });
  const proactive = new TeamsProactive({ adapter, refs, appId: anonymous ? undefined : config.appId });
  const people = new TeamsPeople(proactive, log, t.connectorMs, clock);
  const app = createTeamsBot({ adapter, assistant, replies, refs, logger: log, firstReplyMs: t.firstReplyMs, supportConversation: config.supportConversation, metrics, people });
  if (inbox) inbox.onRecover('teams', replayTeamsActivity(inbox, adapter, app));
  const desk = config.supportConversation
    ? new TeamsSupportDesk({ adapter, refs, supportConversation: config.supportConversation, appId: anonymous ? undefined : config.appId, logger: log, proactive })
    : undefined;
  return {
    routes: [teamsRoute({ adapter, app, anonymous, authTimeoutMs: t.authMs, maxBodyBytes: MAX_BODY_BYTES, logger: log, inbox, metrics })],
    refs,
    desk,
    proactive,
    people,
    idle: () => replies.idle(),
  };
}
