import type { Logger } from '../core/ports/ports';
import type { Store } from '../core/ports/store';
import { sendJson, type Route } from '../server/create-server';

/**
 * `/readyz`: 200 when the store answers, 503 otherwise. The bot still answers from the knowledge
 * base without a store, so hosts should use `/healthz` for liveness and this only for alerting
 * or routing. The body names the error code, never the connection string.
 */
export function readinessRoute(store: Store, logger: Logger): Route {
  return {
    path: '/readyz',
    handler: async (_req, res) => {
      try {
        await store.ping();
        sendJson(res, 200, { status: 'ready', store: 'ok' });
      } catch (err) {
        const code = (err as { code?: string }).code ?? 'store-failed';
        logger.warn({ code, err: (err as Error).message }, 'readiness: the store does not answer');
        sendJson(res, 503, { status: 'degraded', store: code });
      }
    },
  };
}
