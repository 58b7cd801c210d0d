import { HTTPReceiver, SocketModeReceiver, type Receiver } from '@slack/bolt';
import type { SlackConfig } from '../config/load-config';
import type { Logger } from '../core/ports/ports';
import { boltLogger } from './bolt-logger';
import { InboxBoltApp } from './inbox-bolt-app';
import { createNodeHttpFetch } from './node-http-fetch';

/** Where Slack events arrive: HTTP on our server at /slack/events, or a Socket Mode WebSocket. */
export type SlackTransport = 'http' | 'socket';

export const SLACK_EVENTS_PATH = '/slack/events';

/** Slack's payloads are small (a 40,000-character message is < 200 KB of JSON). */
const BODY_LIMIT_BYTES = 1024 * 1024;

/** Socket Mode when an app-level token is set (no public URL needed); HTTP otherwise. */
export function chooseSlackTransport(config: Pick<SlackConfig, 'appToken'>): SlackTransport {
  return config.appToken ? 'socket' : 'http';
}

export interface BoltParts {
  app: InboxBoltApp;
  transport: SlackTransport;
  /** Set in HTTP mode: the receiver whose `requestListener` serves /slack/events. */
  http?: HTTPReceiver;
}

/**
 * A Bolt app for one workspace. `deferInitialization`: `auth.test` (which finds the bot's own
 * user id, for ignoring itself and stripping its mention) runs in `start()`, so a bad token stops
 * the start with a clear message instead of failing on the first event.
 */
export function createBoltApp(config: SlackConfig, logger: Logger): BoltParts {
  const log = boltLogger(logger);
  // Slack's Web API rate limits (chat.postMessage ~1/s per channel) answer 429 with Retry-After;
  // the WebClient waits and retries those. Other failures: two retries, then the error surfaces.
  const clientOptions = {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    fetch: createNodeHttpFetch(),
    retryConfig: { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 2_000 },
    timeout: 10_000,
  };
  const transport = chooseSlackTransport(config);
  let receiver: Receiver;
  let http: HTTPReceiver | undefined;
  if (transport === 'socket') {
    receiver = new SocketModeReceiver({ appToken: config.appToken!, logger: log, installerOptions: { clientOptions } });
  } else {
    // processBeforeResponse false: the HTTP 200 goes out at ack(), before any slow work.
    http = new HTTPReceiver({
      signingSecret: config.signingSecret,
      endpoints: [SLACK_EVENTS_PATH],
      logger: log,
      processBeforeResponse: false,
      bodyLimit: BODY_LIMIT_BYTES,
    });
    receiver = http;
  }
  const app = new InboxBoltApp({
    token: config.botToken,
    receiver,
    logger: log,
    clientOptions,
    convoStore: false,
    deferInitialization: true,
  });
  return { app, transport, http };
}
