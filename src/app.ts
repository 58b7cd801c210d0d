import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createOfflineChecks } from './checks/create-offline-checks';
import { createAwsLiveChecks } from './checks/aws/create-aws-live-checks';
import { consoleRoutes } from './console/console-routes';
import type { Config } from './config/load-config';
import { Assistant, type AssistantDeps } from './core/assistant';
import type { Logger } from './core/ports';
import { loadKnowledge } from './knowledge/load-knowledge';
import { PrometheusMetrics } from './metrics/prometheus-metrics';
import { createHttpServer, sendJson, type Route } from './server/create-server';
import { InFlight } from './server/in-flight';

/** A dependency that must answer for the app to be ready (store reachable, …); throws when not. */
export type ReadinessCheck = { name: string; check: () => Promise<void> };

export interface App {
  assistant: Assistant;
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
}

export interface AppOptions {
  config: Config;
  logger: Logger;
  /** Extra dependencies for the core (AWS checks, stores); tests pass fakes here. */
  deps?: Partial<Omit<AssistantDeps, 'articles' | 'logger' | 'metrics'>>;
}

/** Builds everything from config: knowledge, core, edges, HTTP routes. No listening yet. */
export function createApp({ config, logger, deps = {} }: AppOptions): App {
  const articles = loadKnowledge(config.knowledgeDirs);
  const metrics = new PrometheusMetrics();
  const offline = deps.offline ?? createOfflineChecks(config.saml);
  // Real AWS clients only when AWS is configured; without them the bot answers from the knowledge base.
  const live = deps.live ?? (config.aws ? createAwsLiveChecks(config.aws) : undefined);
  const assistant = new Assistant({ lookupPolicy: config.lookup, ...deps, live, offline, articles, logger, metrics });
  const inFlight = new InFlight();
  const readiness: ReadinessCheck[] = [];
  const closers: Array<() => Promise<void>> = [];
  const channels: string[] = [];
  const checks = [live ? 'live checks: on' : 'live checks: off (set AWS_REGION and IDC_IDENTITY_STORE_ID)'];

  const routes: Route[] = [
    { path: '/healthz', handler: (_req, res) => sendJson(res, 200, { status: 'ok' }) },
    {
      path: '/readyz',
      handler: async (_req, res) => {
        const failures: Record<string, string> = {};
        await Promise.all(
          readiness.map(async (r) => {
            try {
              await r.check();
            } catch (err) {
              failures[r.name] = (err as Error).message;
            }
          }),
        );
        const ok = Object.keys(failures).length === 0;
        sendJson(res, ok ? 200 : 503, { status: ok ? 'ready' : 'not_ready', articles: articles.length, failures });
      },
    },
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
    routes.push(...consoleRoutes(assistant));
    channels.push('console');
  }
  const server = createHttpServer(routes, logger);
  return {
    assistant,
    server,
    metrics,
    inFlight,
    channels,
    checks,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => resolve((server.address() as AddressInfo).port));
      }),
    close: async (timeoutMs = 10_000) => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (!(await inFlight.drain(timeoutMs))) logger.warn({ pending: inFlight.size }, 'shutdown deadline passed with work in flight');
      server.closeAllConnections();
      await closed;
      for (const close of closers.reverse()) await close().catch((err: unknown) => logger.error({ err }, 'close failed'));
    },
  };
}
