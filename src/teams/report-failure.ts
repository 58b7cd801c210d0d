import type { Metrics } from '../core/ports/metrics';
import type { Logger } from '../core/ports/ports';
import type { EdgeErrorKind } from '../server/chat-edge';
import { TeamsError } from './teams-errors';

/** A Bot Connector failure (our TeamsError for it, or the SDK's HTTP error with a status) is the platform's; the rest is ours. */
export function teamsFailureKind(err: unknown): EdgeErrorKind {
  if (err instanceof TeamsError) return err.code === 'connector_failed' || err.code === 'connector_timeout' ? 'platform_api' : 'listener';
  const status = (err as { statusCode?: unknown; status?: unknown } | undefined)?.statusCode ?? (err as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' ? 'platform_api' : 'listener';
}

/**
 * The Teams edge's one failure path (a turn that threw, a slow reply that failed after its
 * placeholder): counted as `idc_edge_errors_total{platform="teams",kind}` and logged with the
 * message and code only (SDK HTTP errors can carry the request and its bearer token). The caller
 * then shows `failureReply`, the same sentence as on Slack.
 */
export function reportTeamsFailure(deps: { metrics: Metrics; logger: Logger }, err: unknown, what: string, context: Record<string, unknown> = {}): EdgeErrorKind {
  const kind = teamsFailureKind(err);
  deps.metrics.edgeError('teams', kind);
  const e = err as { message?: unknown; code?: unknown; name?: unknown } | undefined;
  deps.logger.error({ ...context, kind, code: typeof e?.code === 'string' ? e.code : undefined, errName: e?.name, err: typeof e?.message === 'string' ? e.message : String(err) }, `teams: ${what}`);
  return kind;
}
