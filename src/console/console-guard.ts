import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isLoopbackHost } from '../config/console-settings';

/** Why a console request is refused: HTTP status, a stable code, and a sentence for the page. */
export interface ConsoleRefusal {
  status: number;
  error: string;
  message: string;
}

export interface ConsoleGuardOptions {
  /** The token the page must send in `X-Console-Token`: CONSOLE_TOKEN, or one made per process. */
  token: string;
  /** The server listens on loopback only: then the Host header must name loopback too (no DNS rebinding). */
  loopback: boolean;
}

export const TOKEN_HEADER = 'x-console-token';

/**
 * The console drives the assistant (and resolves escalations) as one local user, so no other web
 * page may drive it. A cross-site page can send a "simple" POST (text/plain, no custom header)
 * without asking; it cannot read our page. So each request must be JSON, come from our own origin
 * (or name none, like curl), and carry the token only our page knows. On loopback the Host header
 * must be loopback too: a rebound DNS name would otherwise make another site "same origin".
 */
export function checkPage(req: IncomingMessage, o: ConsoleGuardOptions): ConsoleRefusal | undefined {
  if (o.loopback && !isLoopbackHost(hostName(req.headers.host))) {
    return { status: 421, error: 'wrong_host', message: 'The console answers only at localhost, 127.0.0.1 or [::1].' };
  }
  return undefined;
}

export function checkRequest(req: IncomingMessage, o: ConsoleGuardOptions): ConsoleRefusal | undefined {
  const page = checkPage(req, o);
  if (page) return page;
  const site = req.headers['sec-fetch-site'];
  const origin = req.headers.origin;
  if ((site && site !== 'same-origin' && site !== 'none') || (origin !== undefined && !sameOrigin(origin, req.headers.host))) {
    return { status: 403, error: 'cross_origin', message: 'The console only takes requests from its own page.' };
  }
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    return { status: 415, error: 'unsupported_media_type', message: 'Send the request as JSON (Content-Type: application/json).' };
  }
  const sent = req.headers[TOKEN_HEADER];
  if (typeof sent !== 'string' || sent === '') {
    return { status: 401, error: 'token_required', message: 'The console token is missing: reload the page (or enter the console token).' };
  }
  if (!equal(sent, o.token)) {
    return { status: 403, error: 'wrong_token', message: 'The console token is wrong: reload the page (or check the console token).' };
  }
  return undefined;
}

function hostName(host: string | undefined): string {
  if (!host) return '';
  const m = /^(\[[^\]]*\]|[^:]*)/.exec(host.trim());
  return m?.[1] ?? '';
}

function sameOrigin(origin: string, host: string | undefined): boolean {
  if (!host) return false;
  try {
    const u = new URL(origin);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.host.toLowerCase() === host.trim().toLowerCase();
  } catch {
    return false; // "null" (sandboxed frames, cross-site redirects) and junk
  }
}

function equal(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
