import type { IncomingMessage } from 'node:http';

/** Slack signs `X-Slack-Request-Timestamp`; its own replay window is five minutes either way. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

/**
 * Bolt refuses requests signed more than five minutes ago but not ones dated in the future, so a
 * request signed "an hour from now" (a leaked signing secret, or a skewed signer) stays
 * replayable for an hour. True when the timestamp is further ahead than the allowed skew.
 */
export function isFromTheFuture(req: IncomingMessage, nowMs: number = Date.now()): boolean {
  const raw = req.headers['x-slack-request-timestamp'];
  const seconds = Number(Array.isArray(raw) ? raw[0] : raw);
  return Number.isFinite(seconds) && seconds > Math.floor(nowMs / 1000) + MAX_CLOCK_SKEW_SECONDS;
}
