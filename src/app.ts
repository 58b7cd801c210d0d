import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { consoleRoutes } from './console/console-routes';
import type { Config } from './config/load-config';
import { Assistant, type AssistantDeps } from './core/assistant';
import type { Logger } from './core/ports';
import { loadKnowledge } from './knowledge/load-knowledge';
import { createHttpServer, sendJson, type Route } from './server/create-server';
import { createTeamsEdge, type TeamsEdge, type TeamsEdgeOptions } from './teams/create-teams-edge';

export interface App {
  assistant: Assistant;
  server: Server;
  /** Resolves with the bound port (PORT=0 picks a free one: tests use that). */
  listen(): Promise<number>;
  close(): Promise<void>;
  channels: string[];
  /** The Teams edge when Teams is configured (its SupportDesk, stored references, idle()). */
  teams?: TeamsEdge;
}

export interface AppOptions {
  config: Config;
  logger: Logger;
  /** Extra dependencies for the core (AWS checks, stores); tests pass fakes here. */
  deps?: Partial<Omit<AssistantDeps, 'articles' | 'logger'>>;
  /** Teams edge extras: a persistent conversation reference store, shorter timeouts in tests. */
  teams?: Pick<TeamsEdgeOptions, 'refs' | 'timeouts'>;
}

/** Builds everything from config: knowledge, core, edges, HTTP routes. No listening yet. */
export function createApp({ config, logger, deps = {}, teams: teamsOptions = {} }: AppOptions): App {
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
  const teams = config.teams ? createTeamsEdge({ ...teamsOptions, config: config.teams, assistant, logger }) : undefined;
  if (teams) {
    routes.push(...teams.routes);
    channels.push('teams');
  }
  const server = createHttpServer(routes, logger);
  return {
    assistant,
    server,
    channels,
    teams,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => resolve((server.address() as AddressInfo).port));
      }),
    close: async () => {
      await teams?.idle();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
