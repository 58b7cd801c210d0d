import type { SlackConfig } from '../config/load-config';
import type { Assistant } from '../core/assistant';
import type { Inbox } from '../core/inbox';
import { noMetrics, type Metrics } from '../core/ports/metrics';
import { systemClock, type Logger } from '../core/ports/ports';
import type { HomeDeps } from '../core/surfaces/build-home';
import type { SeenEventStore } from '../core/ports/store';
import { sendJson, type Route } from '../server/create-server';
import { AnsweredThreads } from './answered-threads';
import { AppHome } from './app-home';
import { createBoltApp, SLACK_EVENTS_PATH, type SlackTransport } from './create-bolt-app';
import { dedupeDeliveries } from './dedupe-deliveries';
import type { InboxBoltApp } from './inbox-bolt-app';
import { InFlight } from '../server/in-flight';
import { onAppHomeOpened } from './listeners/on-app-home-opened';
import { onAppMention } from './listeners/on-app-mention';
import { onAssistantThread } from './listeners/on-assistant-thread';
import { onBlockAction } from './listeners/on-block-action';
import { onIdcCommand } from './listeners/on-idc-command';
import { onKbSearch } from './listeners/on-kb-search';
import { onMessage } from './listeners/on-message';
import { onTroubleshootShortcut } from './listeners/on-troubleshoot-shortcut';
import { isFromTheFuture } from './future-timestamp';
import { SlackFileReader } from './read-attached-files';
import { slackFailureKind } from './guard-listener';
import { SlackStartError } from './slack-start-error';
import { SupportTeam } from './support-team';

export interface SlackEdgeOptions {
  config: SlackConfig;
  assistant: Assistant;
  /** Seen event ids and answered threads; persistent stores make "once" hold across restarts. */
  seen: SeenEventStore;
  logger: Logger;
  /** Work acknowledged but not yet answered; the app's tracker, so its shutdown waits for it too. */
  inFlight?: InFlight;
  /** What the Home tab reads (answer stats, escalations); absent: the Home tab stays empty. */
  home?: Pick<HomeDeps, 'store'> & Partial<Pick<HomeDeps, 'clock'>>;
  /** The durable inbox: Events API deliveries are written to it before the ack (and deduplicated by it). */
  inbox?: Inbox;
  /** `idc_edge_errors_total{platform="slack"}`: refused signatures, failed listeners, Web API errors. */
  metrics?: Metrics;
}

export interface SlackEdge {
  transport: SlackTransport;
  /** Mounted on the one HTTP server; empty in Socket Mode. */
  routes: Route[];
  /** Verifies the bot token (auth.test); in Socket Mode also opens the WebSocket. */
  start(): Promise<void>;
  /** Closes Socket Mode and waits for answers already acked to go out. */
  stop(): Promise<void>;
  bolt: InboxBoltApp;
}

/** How long stop() waits for answers already acked (hosts give ~10-30 s between SIGTERM and SIGKILL). */
const STOP_GRACE_MS = 8_000;

const FILE_HOSTS = ['https://files.slack.com', 'https://files.slack-gov.com'];

/** The Slack edge: Bolt, our listeners, and how it attaches to the server. */
export function mountSlack({ config, assistant, seen, logger, inFlight = new InFlight(), home, inbox, metrics = noMetrics }: SlackEdgeOptions): SlackEdge {
  const log = logger.child({ edge: 'slack' });
  const { app, transport, http } = createBoltApp(config, log);
  app.inbox = inbox;
  inbox?.onRecover('slack', (entry) => app.replay(entry));
  const apiOrigin = config.apiUrl ? new URL(config.apiUrl).origin : undefined;
  const deps = {
    assistant,
    threads: new AnsweredThreads(seen),
    logger: log,
    metrics,
    watchChannels: new Set(config.watchChannels),
    supportChannel: config.supportChannel,
    files: new SlackFileReader({ botToken: config.botToken, allowedOrigins: apiOrigin ? [...FILE_HOSTS, apiOrigin] : FILE_HOSTS }),
    home: home
      ? new AppHome({ store: home.store, clock: home.clock ?? systemClock, articles: assistant.articles, logger: log }, new SupportTeam(app.client, config.supportChannel, log), log)
      : undefined,
  };
  app.use(dedupeDeliveries(seen, log, inFlight, { events: !inbox }));
  // After the dedupe middleware: the assistant container's events are handled once too.
  onAssistantThread(app, deps);
  onAppHomeOpened(app, deps);
  onKbSearch(app, deps);
  onAppMention(app, deps);
  onMessage(app, deps);
  onIdcCommand(app, deps);
  onBlockAction(app, deps);
  onTroubleshootShortcut(app, deps);
  // Listeners catch their own failures (guard); this sees what fails around them (middleware).
  app.error(async (err) => {
    metrics.edgeError('slack', slackFailureKind(err.original ?? err));
    log.error({ code: err.code, err: err.message }, 'Slack middleware failed');
  });

  const routes: Route[] = http
    ? [
        {
          path: SLACK_EVENTS_PATH,
          handler: (req, res) => {
            if (req.method !== 'POST') {
              sendJson(res, 405, { error: 'method_not_allowed', message: `Slack sends POST requests to ${SLACK_EVENTS_PATH}.` });
              return;
            }
            // Bolt answers 401 itself when the signature or timestamp does not verify: counted here.
            res.once('finish', () => {
              if (res.statusCode === 401) metrics.edgeError('slack', 'signature');
            });
            if (isFromTheFuture(req)) {
              log.warn({ path: SLACK_EVENTS_PATH }, 'Slack request refused: its timestamp is more than 5 minutes in the future (check this host’s clock)');
              req.resume();
              sendJson(res, 401, { error: 'stale_or_future_request', message: 'X-Slack-Request-Timestamp is more than 5 minutes away from now.' });
              return;
            }
            http.requestListener(req, res);
          },
        },
      ]
    : [];

  return {
    transport,
    routes,
    bolt: app,
    async start() {
      try {
        await app.init();
      } catch (err) {
        throw new SlackStartError('slack_auth_failed', 'Check SLACK_BOT_TOKEN: it must be the bot token (xoxb-…) of an installed app ("OAuth & Permissions").', err);
      }
      if (transport === 'socket') {
        try {
          await app.start();
        } catch (err) {
          throw new SlackStartError('slack_socket_failed', 'Check SLACK_APP_TOKEN: an app-level token (xapp-…) with connections:write, and Socket Mode enabled in the app settings.', err);
        }
      }
      log.info({ transport }, 'Slack edge ready');
    },
    async stop() {
      if (transport === 'socket') await app.stop().catch(() => undefined);
      const pending = inFlight.size;
      if (pending > 0 && !(await inFlight.drain(STOP_GRACE_MS))) log.warn({ pending }, `Slack answers still running after ${STOP_GRACE_MS} ms; stopping anyway`);
    },
  };
}
