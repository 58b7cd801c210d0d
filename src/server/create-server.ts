import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../core/ports/ports';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface Route {
  /** Exact path, or a prefix when it ends with "*". */
  path: string;
  handler: RouteHandler;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const data = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(data) });
  res.end(data);
}

/**
 * The one HTTP server (one PORT, as Heroku-style hosts give). Edges mount routes on it:
 * Slack at /slack/events, Teams at /api/messages, the console at /, health at /healthz.
 * A handler that throws gets a generic 500 for the caller and the full error in the log.
 */
export function createHttpServer(routes: Route[], logger: Logger): Server {
  const find = (path: string) =>
    routes.find((r) => (r.path.endsWith('*') ? path.startsWith(r.path.slice(0, -1)) : r.path === path));
  return createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const route = find(path);
    if (!route) {
      sendJson(res, 404, { error: 'not_found', message: `No route for ${path}` });
      return;
    }
    Promise.resolve()
      .then(() => route.handler(req, res))
      .catch((err: unknown) => {
        logger.error({ err, path }, 'request handler failed');
        if (!res.headersSent) sendJson(res, 500, { error: 'internal_error', message: 'Something went wrong on our side.' });
        else res.end();
      });
  });
}
