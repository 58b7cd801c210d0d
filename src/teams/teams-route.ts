import { Activity } from '@microsoft/agents-activity';
import type { AgentApplication, CloudAdapter, Request, TurnState } from '@microsoft/agents-hosting';
import type { Inbox } from '../core/inbox';
import type { Metrics } from '../core/ports/metrics';
import type { Logger } from '../core/ports/ports';
import { sendJson, type Route } from '../server/create-server';
import { BodyTooLargeError, readBody } from '../server/read-body';
import { SdkResponse, sdkRequest } from './teams-http';
import { runThroughInbox } from './teams-inbox';
import { TimeoutError, withTimeout } from './with-timeout';

export interface TeamsRouteOptions {
  adapter: CloudAdapter;
  app: AgentApplication<TurnState>;
  /** TEAMS_ALLOW_ANONYMOUS: no token is required or checked. */
  anonymous: boolean;
  /** Bound on verifying the token, which may fetch the signing keys (JWKS) the first time. */
  authTimeoutMs: number;
  maxBodyBytes: number;
  logger: Logger;
  /** The durable inbox: activities are written to it before their turn runs. */
  inbox?: Inbox;
  /** Refused and unverifiable tokens count as `edgeError('teams', 'auth' | 'auth_unavailable')`. */
  metrics: Metrics;
}

/** The first useful sentence of the SDK's (zod) validation error. */
function describe(err: unknown): string {
  const message = (err as Error).message ?? String(err);
  try {
    const issues = JSON.parse(message) as Array<{ path?: Array<string | number>; message?: string }>;
    const first = issues[0];
    if (first?.message) return `${first.path?.join('.') || 'activity'}: ${first.message}`;
  } catch {
    // not JSON
  }
  return message.replace(/ - https?:\S+$/, '').slice(0, 200);
}

/** Verifies the Bot Framework token with the SDK's middleware; false when it already answered (401, 405, 503). */
async function authorize(options: TeamsRouteOptions, request: Request, response: SdkResponse): Promise<boolean> {
  let passed = false;
  try {
    await withTimeout(options.adapter.authorizeRequest(request, response, () => (passed = true)), options.authTimeoutMs, 'The signing keys (JWKS) endpoint');
  } catch (err) {
    if (!(err instanceof TimeoutError)) throw err;
    options.metrics.edgeError('teams', 'auth_unavailable');
    options.logger.warn({ ms: err.ms }, 'teams: token verification timed out fetching the signing keys');
    response.status(503).send({ error: 'auth_unavailable', message: 'Could not verify the request in time (signing keys unavailable). Retry later.' });
    return false;
  }
  if (!passed) {
    options.metrics.edgeError('teams', 'auth');
    options.logger.warn({ hasToken: !!request.headers.authorization }, 'teams: request rejected: missing or invalid token');
  }
  return passed && !response.writableEnded;
}

/**
 * POST /api/messages: the Bot Framework endpoint Teams calls. Checks the token first (fast 401s),
 * then reads a bounded body, rejects what is not an activity with a specific 4xx, and hands the
 * activity to the SDK, which runs the turn and answers (invokes carry their response body).
 */
export function teamsRoute(options: TeamsRouteOptions): Route {
  const { logger } = options;
  return {
    path: '/api/messages',
    handler: async (req, res) => {
      if (req.method !== 'POST') {
        sendJson(res, 405, { error: 'method_not_allowed', message: 'POST Bot Framework activities here.' });
        return;
      }
      const request = sdkRequest(req);
      const response = new SdkResponse(res);
      if (options.anonymous) request.user = { name: 'anonymous' };
      else if (!(await authorize(options, request, response))) return;

      let raw: Buffer;
      try {
        raw = await readBody(req, options.maxBodyBytes);
      } catch (err) {
        if (!(err instanceof BodyTooLargeError)) throw err;
        sendJson(res, 413, { error: 'too_large', message: `The activity is larger than ${options.maxBodyBytes / 1024} KB.` });
        return;
      }
      let body: unknown;
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        sendJson(res, 400, { error: 'invalid_json', message: 'The request body must be a JSON Bot Framework activity.' });
        return;
      }
      if (!body || typeof body !== 'object' || Array.isArray(body)) {
        sendJson(res, 400, { error: 'invalid_activity', message: 'The request body must be a JSON object (an activity).' });
        return;
      }
      try {
        const activity = Activity.fromObject(body);
        if (!activity.conversation?.id) throw new Error('conversation.id is required');
      } catch (err) {
        sendJson(res, 400, { error: 'invalid_activity', message: `Not a valid activity: ${describe(err)}.` });
        return;
      }
      request.body = body as Record<string, unknown>;
      await runThroughInbox(options.inbox, request, response, () => options.adapter.process(request, response, (ctx) => options.app.run(ctx)));
      if (!res.writableEnded) response.end();
      logger.debug({ status: res.statusCode }, 'teams: activity processed');
    },
  };
}
