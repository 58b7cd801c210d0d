import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { consoleRoutes } from './console/console-routes';
import type { Config } from './config/load-config';
import { Assistant, type AssistantDeps } from './core/assistant';
import { ConversationMemory } from './core/escalations/conversation-memory';
import { EscalationService } from './core/escalations/escalation-service';
import { systemClock, type Logger } from './core/ports';
import { MemoryStore, type Store } from './core/store';
import { readinessRoute } from './store/readiness-route';
import { loadKnowledge } from './knowledge/load-knowledge';
import { createHttpServer, sendJson, type Route } from './server/create-server';

export interface App {
  assistant: Assistant;
  /** Edges with a support channel register their SupportDesk here (`escalations.addDesk`). */
  escalations: EscalationService;
  store: Store;
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
  /** Opened (and migrated) by main with `createStore`; default in memory. The caller closes it. */
  store?: Store;
}

/** Builds everything from config: knowledge, core, edges, HTTP routes. No listening yet. */
export function createApp({ config, logger, deps = {}, store = new MemoryStore() }: AppOptions): App {
  const articles = loadKnowledge(config.knowledgeDirs);
  const clock = deps.clock ?? systemClock;
  const memory = new ConversationMemory(store, clock, logger);
  const escalations = new EscalationService({ store, memory, clock, logger, remindAfterMinutes: config.escalations.remindMinutes });
  const assistant = new Assistant({ feedback: store, escalations, memory, ...deps, articles, logger });
  let stopTicks = () => {};
  const channels: string[] = [];
  const routes: Route[] = [
    { path: '/healthz', handler: (_req, res) => sendJson(res, 200, { status: 'ok' }) },
    readinessRoute(store, logger),
  ];
  if (config.console.enabled) {
    routes.push(...consoleRoutes(assistant));
    channels.push('console');
  }
  const server = createHttpServer(routes, logger);
  return {
    assistant,
    escalations,
    store,
    server,
    channels,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
          stopTicks = escalations.start(); // re-posts and reminders, every minute
          resolve((server.address() as AddressInfo).port);
        });
      }),
    close: async () => {
      stopTicks();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await memory.idle(); // the last answers' records, before the caller closes the store
    },
  };
}
