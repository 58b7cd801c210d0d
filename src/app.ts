import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAwsLiveChecks } from './checks/aws/create-aws-live-checks';
import { consoleRoutes } from './console/console-routes';
import type { Config } from './config/load-config';
import { Assistant, type AssistantDeps } from './core/assistant';
import type { Logger } from './core/ports';
import { loadKnowledge } from './knowledge/load-knowledge';
import { createHttpServer, sendJson, type Route } from './server/create-server';

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
}

/** Builds everything from config: knowledge, core, edges, HTTP routes. No listening yet. */
export function createApp({ config, logger, deps = {} }: AppOptions): App {
  const articles = loadKnowledge(config.knowledgeDirs);
  // Real AWS clients only when AWS is configured; without them the bot answers from the knowledge base.
  const live = deps.live ?? (config.aws ? createAwsLiveChecks(config.aws) : undefined);
  const assistant = new Assistant({ lookupPolicy: config.lookup, ...deps, live, articles, logger });
  const channels: string[] = [];
  const routes: Route[] = [
    { path: '/healthz', handler: (_req, res) => sendJson(res, 200, { status: 'ok' }) },
  ];
  if (config.console.enabled) {
    routes.push(...consoleRoutes(assistant));
    channels.push('console');
  }
  const server = createHttpServer(routes, logger);
  return {
    assistant,
    server,
    channels,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => resolve((server.address() as AddressInfo).port));
      }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
