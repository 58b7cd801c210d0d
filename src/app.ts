import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createOfflineChecks } from './checks/create-offline-checks';
import { isLoopbackHost } from './config/console-settings';
import { consoleRoutes } from './console/console-routes';
import type { Config } from './config/load-config';
import { Assistant, type AssistantDeps } from './core/assistant';
import { ConversationMemory } from './core/escalations/conversation-memory';
import { Inbox, type InboxOptions } from './core/inbox';
import { EscalationService } from './core/escalations/escalation-service';
import { PeopleByPlatform } from './core/ports/people';
import { systemClock, type Logger } from './core/ports/ports';
import { type SeenEventStore, type Store } from './core/ports/store';
import { MemoryStore } from './core/ports/memory-store';
import { readinessRoute } from './store/readiness-route';
import { COMMAND_NAMES } from './core/replies/compose-help';
import { lintArticles } from './knowledge/lint-knowledge';
import { loadKnowledgeBase } from './knowledge/load-knowledge-base';
import { readEvidence } from './knowledge/read-evidence';
import { PrometheusMetrics } from './metrics/prometheus-metrics';
import { createHttpServer, sendJson, type Route } from './server/create-server';
import { InFlight } from './server/in-flight';
import { toListenError } from './server/listen-error';
import type { TeamsEdge, TeamsEdgeOptions } from './teams/create-teams-edge';
import type { DigestPoster, WatchEvent, WatchSource } from './core/watch/watch-ports';
import { Watcher } from './core/watch/watcher';

export interface App {
  assistant: Assistant;
  /** Edges with a support channel register their SupportDesk here (`escalations.addDesk`). */
  escalations: EscalationService;
  store: Store;
  server: Server;
  metrics: PrometheusMetrics;
  inFlight: InFlight;
  /** Active chat channels, e.g. ["slack", "console"]. */
  channels: string[];
  /** Human-readable state of each check family, for the start line and --check-config. */
  checks: string[];
  /** Resolves with the bound port (PORT=0 picks a free one: tests use that). */
  listen(): Promise<number>;
  /** Stops accepting requests, waits for in-flight work (bounded), then closes resources. */
  close(timeoutMs?: number): Promise<void>;
  /** The Teams edge when Teams is configured (its SupportDesk, stored references, idle()). */
  teams?: TeamsEdge;
  /** The CloudTrail watcher when WATCH_CHANNEL / WATCH_TEAMS_CONVERSATION is set (started by listen()). */
  watcher?: Watcher<WatchEvent>;
}

export interface AppOptions {
  config: Config;
  logger: Logger;
  /** Extra dependencies for the core (AWS checks, stores); tests pass fakes here. */
  deps?: Partial<Omit<AssistantDeps, 'articles' | 'examples' | 'logger' | 'metrics'>>;
  /** Opened (and migrated) by main with `createStore`; default in memory. The caller closes it. */
  store?: Store;
  /** Seen Slack event ids and answered threads (default: the store). */
  seen?: SeenEventStore;
  /** Inbox lease and polling (benches and tests shorten them). */
  inbox?: Pick<InboxOptions, 'leaseMs' | 'pollMs'>;
  /** Teams edge extras: a persistent conversation reference store, shorter timeouts in tests. */
  teams?: Pick<TeamsEdgeOptions, 'refs' | 'timeouts'>;
  /** The watcher's source (default: CloudTrail, Identity Store and sso-admin from config.aws); tests pass clients on moto. */
  watchSource?: WatchSource;
}

/**
 * Builds everything from config: knowledge, core, edges, HTTP routes. No listening yet. The Slack,
 * Teams and AWS SDKs are imported only when configured (each costs 100 to 250 ms and 10 to 20 MB
 * at start), so the console alone starts light.
 */
export async function createApp({ config, logger, deps = {}, store = new MemoryStore(), seen, teams: teamsOptions = {}, inbox: inboxOptions = {}, watchSource }: AppOptions): Promise<App> {
  const { articles, examples } = loadKnowledgeBase(config.knowledgeDirs, (message) => logger.warn({ knowledgeDirs: config.knowledgeDirs.length - 1 }, message));
  // The schema stops the start; evidence problems (an operator's article without sources) only warn.
  for (const p of lintArticles(articles, readEvidence(articles), { ownNames: COMMAND_NAMES })) {
    logger.warn({ file: p.file, article: p.article, rule: p.rule }, `kb lint: ${p.message}`);
  }
  const metrics = new PrometheusMetrics();
  const ownOffline = deps.offline ? undefined : createOfflineChecks(config.saml);
  const offline = deps.offline ?? ownOffline!;
  // Real AWS clients only when AWS is configured; without them the bot answers from the knowledge base.
  // One LookupEvents limiter for chat checks and the watcher: the quota is per account and region.
  const aws = config.aws ? await import('./checks/aws/create-aws-live-checks') : undefined;
  const trailBucket = aws?.createTrailBucket();
  const live = deps.live ?? (config.aws && aws ? aws.createAwsLiveChecks(config.aws, undefined, { trailBucket, metrics }) : undefined);
  const clock = deps.clock ?? systemClock;
  const memory = new ConversationMemory(store, clock, logger);
  // What each chat platform knows about its people (user groups, own e-mail); each edge registers its own.
  const people = new PeopleByPlatform();
  const escalations = new EscalationService({
    store,
    memory,
    clock,
    logger,
    remindAfterMinutes: config.escalations.remindMinutes,
    support: config.support,
    groups: people,
    audit: store,
    articleIds: new Set(articles.map((a) => a.id)),
    metrics,
  });
  const assistant = new Assistant({
    lookupPolicy: config.lookup,
    people,
    feedback: store,
    audit: store,
    escalations,
    memory,
    ...deps,
    live,
    offline,
    articles,
    examples,
    logger,
    metrics,
  });
  const inFlight = new InFlight();
  // SQLite and memory belong to this process alone: at start, whatever is unfinished is an orphan.
  const shared = (store as { dialect?: string }).dialect === 'postgres';
  const inbox = new Inbox({ store, logger, takeOverOnStart: !shared, track: (p) => inFlight.track(p), ...inboxOptions });
  let stopInbox = () => {};
  let stopTicks = () => {};
  const channels: string[] = [];
  /** Where the watcher posts its digest (WATCH_CHANNEL, WATCH_TEAMS_CONVERSATION). */
  const posters: DigestPoster[] = [];
  const checks = [live ? 'live checks: on' : 'live checks: off (set AWS_REGION and IDC_IDENTITY_STORE_ID)'];

  const routes: Route[] = [
    { path: '/healthz', handler: (_req, res) => sendJson(res, 200, { status: 'ok' }) },
    readinessRoute(store, logger),
    {
      path: '/metrics',
      handler: async (_req, res) => {
        const body = await metrics.render();
        res.writeHead(200, { 'content-type': metrics.registry.contentType });
        res.end(body);
      },
    },
  ];
  if (config.console.enabled) {
    routes.push(...consoleRoutes(assistant, { token: config.console.token, loopback: isLoopbackHost(config.host) }));
    channels.push('console');
  }
  // Edges that connect out or verify credentials at start (Slack: auth.test, Socket Mode).
  const starts: Array<() => Promise<void>> = [];
  const stops: Array<() => Promise<void>> = [];
  if (config.slack) {
    const [{ mountSlack }, { SlackSupportDesk }, { SlackMemberships }, { SlackPeople }, { SlackDigestPoster }] = await Promise.all([
      import('./slack/mount-slack'),
      import('./slack/slack-support-desk'),
      import('./slack/slack-memberships'),
      import('./slack/slack-people'),
      import('./slack/slack-digest-poster'),
    ]);
    const slack = mountSlack({ config: config.slack, assistant, seen: seen ?? store, logger, inFlight, inbox, home: { store, clock } });
    const slackLog = logger.child({ edge: 'slack' });
    const slackMemberships = new SlackMemberships(slack.bolt.client, [...new Set([...config.lookup.allowedGroups, ...config.support.slackGroups])], slackLog, clock);
    people.register('slack', new SlackPeople(slack.bolt.client, slackMemberships, slackLog, clock));
    escalations.addDesk(new SlackSupportDesk(slack.bolt.client, config.slack.supportChannel, slackLog, slackMemberships));
    if (config.watch?.slackChannel) posters.push(new SlackDigestPoster(slack.bolt.client, config.watch.slackChannel));
    routes.push(...slack.routes);
    starts.push(slack.start);
    stops.push(slack.stop);
    channels.push('slack');
  }
  let teams: TeamsEdge | undefined;
  if (config.teams) {
    const [{ createTeamsEdge }, { StoreConversationRefStore }] = await Promise.all([import('./teams/create-teams-edge'), import('./teams/conversation-ref-store')]);
    teams = createTeamsEdge({ refs: new StoreConversationRefStore(store, () => clock.now()), ...teamsOptions, config: config.teams, assistant, logger, inbox, clock });
    people.register('teams', teams.people);
  }
  if (teams?.desk) escalations.addDesk(teams.desk);
  if (teams) {
    routes.push(...teams.routes);
    channels.push('teams');
  }
  let watcher: Watcher<WatchEvent> | undefined;
  if (config.watch && config.aws) {
    if (config.watch.teamsConversation && teams) posters.push(new (await import('./teams/teams-digest-poster')).TeamsDigestPoster(teams.proactive, config.watch.teamsConversation));
    const source = watchSource ?? aws!.createAwsWatchSource(config.aws, { bucket: trailBucket!, deletions: store, signinThreshold: config.watch.signinFailures, metrics });
    watcher = new Watcher({ source, store, posters, clock, logger: logger.child({ job: 'watcher' }), intervalMinutes: config.watch.intervalMinutes });
    checks.push(`watcher: every ${config.watch.intervalMinutes} min to ${posters.map((p) => p.platform).join(' and ')}`);
  }
  let stopWatcher = async () => {};
  const server = createHttpServer(routes, logger);
  return {
    assistant,
    escalations,
    store,
    server,
    metrics,
    inFlight,
    channels,
    checks,
    teams,
    watcher,
    listen: async () => {
      for (const start of starts) await start();
      return new Promise((resolve, reject) => {
        server.once('error', (err) => reject(toListenError(err, config.host, config.port)));
        server.listen(config.port, config.host, () => {
          stopTicks = escalations.start(); // re-posts and reminders, every minute
          if (watcher) stopWatcher = watcher.start();
          stopInbox = inbox.start(); // deliveries a crash left unfinished, then every 10 s
          resolve((server.address() as AddressInfo).port);
        });
      });
    },
    close: async (timeoutMs = 10_000) => {
      // Stop accepting requests first, then let edges finish work they already acknowledged.
      stopTicks();
      await stopWatcher();
      stopInbox();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      for (const stop of stops) await stop();
      if (!(await inFlight.drain(timeoutMs))) logger.warn({ pending: inFlight.size }, 'shutdown deadline passed with work in flight');
      server.closeAllConnections();
      await closed;
      await teams?.idle();
      await memory.idle(); // the last answers' records, before the caller closes the store
      await ownOffline?.close(); // the lint worker thread, if one was started
    },
  };
}
