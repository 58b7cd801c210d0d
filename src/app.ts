import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { consoleRoutes } from './console/console-routes';
import type { Config } from './config/load-config';
import { Assistant, type AssistantDeps } from './core/assistant';
import type { Logger } from './core/ports';
import { MemoryStore, type SeenEventStore } from './core/store';
import { loadKnowledge } from './knowledge/load-knowledge';
import { createHttpServer, sendJson, type Route } from './server/create-server';
import { mountSlack } from './slack/mount-slack';

export interface App {
  assistant: Assistant;
  server: Server;
  /** Resolves with the bound port (PORT=0 picks a free one: tests use that). */
  listen(): Promise<number>;
  close(): Promise<void>;
  channels: string[];
}

export interface AppOptions {
  config: Config;
  logger: Logger;
  /** Extra dependencies for the core (AWS checks, stores); tests pass fakes here. */
  deps?: Partial<Omit<AssistantDeps, 'articles' | 'logger'>>;
  /** Seen Slack event ids and answered threads (default: in memory, lost on restart). */
  seen?: SeenEventStore;
}

/** Builds everything from config: knowledge, core, edges, HTTP routes. No listening yet. */
export function createApp({ config, logger, deps = {}, seen }: AppOptions): App {
  const articles = loadKnowledge(config.knowledgeDirs);
  const assistant = new Assistant({ ...deps, articles, logger });
  const channels: string[] = [];
  const routes: Route[] = [
    { path: '/healthz', handler: (_req, res) => sendJson(res, 200, { status: 'ok' }) },
  ];
  if (config.console.enabled) {
    routes.push(...consoleRoutes(assistant));
    channels.push('console');
  }
  // Edges that connect out or verify credentials at start (Slack: auth.test, Socket Mode).
  const starts: Array<() => Promise<void>> = [];
  const stops: Array<() => Promise<void>> = [];
  if (config.slack) {
    const slack = mountSlack({ config: config.slack, assistant, seen: seen ?? new MemoryStore(), logger });
    routes.push(...slack.routes);
    starts.push(slack.start);
    stops.push(slack.stop);
    channels.push('slack');
  }
  const server = createHttpServer(routes, logger);
  return {
    assistant,
    server,
    channels,
    listen: async () => {
      for (const start of starts) await start();
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => resolve((server.address() as AddressInfo).port));
      });
    },
    close: async () => {
      // Stop accepting requests first, then let edges finish work they already acknowledged.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const stop of stops) await stop();
      await closed;
    },
  };
}
