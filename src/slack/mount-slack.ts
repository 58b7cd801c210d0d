import type { SlackConfig } from '../config/load-config';
import type { Assistant } from '../core/assistant';
import type { Inbox } from '../core/inbox';
import type { Logger } from '../core/ports';
import type { SeenEventStore } from '../core/store';
import { sendJson, type Route } from '../server/create-server';
import { AnsweredThreads } from './answered-threads';
import { createBoltApp, SLACK_EVENTS_PATH, type SlackTransport } from './create-bolt-app';
import { dedupeDeliveries } from './dedupe-deliveries';
import type { InboxBoltApp } from './inbox-bolt-app';
import { InFlight } from '../server/in-flight';
import { onAppMention } from './listeners/on-app-mention';
import { onBlockAction } from './listeners/on-block-action';
import { onIdcCommand } from './listeners/on-idc-command';
import { onMessage } from './listeners/on-message';
import { onTroubleshootShortcut } from './listeners/on-troubleshoot-shortcut';
import { SlackFileReader } from './read-attached-files';
import { SlackStartError } from './slack-start-error';

export interface SlackEdgeOptions {
  config: SlackConfig;
  assistant: Assistant;
  /** Seen event ids and answered threads; persistent stores make "once" hold across restarts. */
  seen: SeenEventStore;
  logger: Logger;
  /** Work acknowledged but not yet answered; the app's tracker, so its shutdown waits for it too. */
  inFlight?: InFlight;
  /** The durable inbox: Events API deliveries are written to it before the ack (and deduplicated by it). */
  inbox?: Inbox;
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
export function mountSlack({ config, assistant, seen, logger, inFlight = new InFlight(), inbox }: SlackEdgeOptions): SlackEdge {
  const log = logger.child({ edge: 'slack' });
  const { app, transport, http } = createBoltApp(config, log);
  app.inbox = inbox;
  inbox?.onRecover('slack', (entry) => app.replay(entry));
  const apiOrigin = config.apiUrl ? new URL(config.apiUrl).origin : undefined;
  const deps = {
    assistant,
    threads: new AnsweredThreads(seen),
    logger: log,
    watchChannels: new Set(config.watchChannels),
    supportChannel: config.supportChannel,
    files: new SlackFileReader({ botToken: config.botToken, allowedOrigins: apiOrigin ? [...FILE_HOSTS, apiOrigin] : FILE_HOSTS }),
  };
  app.use(dedupeDeliveries(seen, log, inFlight, { events: !inbox }));
  onAppMention(app, deps);
  onMessage(app, deps);
  onIdcCommand(app, deps);
  onBlockAction(app, deps);
  onTroubleshootShortcut(app, deps);
  app.error(async (err) => {
    log.error({ code: err.code, err: err.message }, 'Slack listener failed');
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
