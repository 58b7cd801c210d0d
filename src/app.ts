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
import type { ChatEdge, EdgeContext } from './server/chat-edge';
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
  /** The configured chat edges (Slack, Teams), in the one edge shape. */
  edges: ChatEdge[];
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
  /** The watcher's source (default: CloudTrail, Identity Store and sso-admin from config.aws); tests pass clients on moto. */
  watchSource?: WatchSource;
}

/**
 * Builds everything from config: knowledge, core, edges, HTTP routes. No listening yet. The Slack,
 * Teams and AWS SDKs are imported only when configured (each costs 100 to 250 ms and 10 to 20 MB
 * at start), so the console alone starts light.
 */
export async function createApp({ config, logger, deps = {}, store = new MemoryStore(), seen, inbox: inboxOptions = {}, watchSource }: AppOptions): Promise<App> {
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
  // The chat edges, one line per platform: its SDK is imported only when its config section is set.
  const context: Omit<EdgeContext<never>, 'section'> = { config, assistant, store, seen: seen ?? store, logger, inbox, inFlight, clock, metrics };
  const edges: ChatEdge[] = [];
  if (config.slack) edges.push(await (await import('./slack/slack-chat-edge')).createSlackChatEdge({ ...context, section: config.slack }));
  if (config.teams) edges.push(await (await import('./teams/teams-chat-edge')).createTeamsChatEdge({ ...context, section: config.teams }));
  for (const edge of edges) {
    routes.push(...edge.routes);
    if (edge.people) people.register(edge.platform, edge.people);
    if (edge.desk) escalations.addDesk(edge.desk);
    if (edge.digest) posters.push(edge.digest);
    channels.push(edge.platform);
  }
  let watcher: Watcher<WatchEvent> | undefined;
  if (config.watch && config.aws) {
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
    edges,
    watcher,
    listen: async () => {
      for (const edge of edges) await edge.start();
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
      for (const edge of edges) await edge.stop();
      if (!(await inFlight.drain(timeoutMs))) logger.warn({ pending: inFlight.size }, 'shutdown deadline passed with work in flight');
      server.closeAllConnections();
      await closed;
      for (const edge of edges) await edge.idle();
      await memory.idle(); // the last answers' records, before the caller closes the store
      await ownOffline?.close(); // the lint worker thread, if one was started
    },
  };
}
