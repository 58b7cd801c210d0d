import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../core/ports/ports';

/** An e-mail address anywhere in a line (user names, pasted SAML NameIDs, subjects of lookups). */
const EMAIL = /[^\s@"'<>(){}[\],;:]+@[^\s@"'<>(){}[\],;:]+\.[a-z]{2,}/gi;
/** Where Bolt and the WebClient print a payload: `http request body: {…}`, `(body: …)`, `storedResponse: …`. */
const PAYLOAD = /\b(body|result|headers|storedResponse):\s*[\s\S]*$/i;

/**
 * At debug Bolt prints whole payloads: incoming events (`JSON.stringify(body)`), Web API request
 * bodies and results, ack bodies, all full of pasted text and e-mail addresses. Keeps the line's
 * words (which call, which step) and drops the payload; masks any e-mail address that is left.
 */
export function redactBoltLine(line: string): string {
  const trimmed = line.trimStart();
  const cut = trimmed.startsWith('{') || trimmed.startsWith('[') ? '[payload omitted]' : line.replace(PAYLOAD, '$1: [omitted]');
  return cut.replace(EMAIL, '[e-mail]');
}

/**
 * Bolt and its WebClient log through this. Errors from the WebClient can carry the request
 * (headers with the bot token, bodies with pasted text): only messages and codes are kept, never
 * the objects themselves, and every line goes through `redactBoltLine`.
 */
export function boltLogger(logger: Logger): BoltLogger {
  const log = logger.child({ component: 'bolt' });
  // The WebClient logs three debug lines per API call: skip formatting them unless debug is on.
  const debugOn = (logger as { isLevelEnabled?: (level: string) => boolean }).isLevelEnabled?.('debug') ?? true;
  let level = debugOn ? LogLevel.DEBUG : LogLevel.INFO;
  const describe = (parts: unknown[]) => ({
    msg: redactBoltLine(parts.map((p) => (p instanceof Error ? p.message : typeof p === 'string' ? p : typeof p)).join(' ')),
    codes: parts.flatMap((p) => {
      const code = p instanceof Error ? (p as Error & { code?: unknown }).code : undefined;
      return typeof code === 'string' ? [code] : [];
    }),
  });
  const emit = (fn: 'debug' | 'info' | 'warn' | 'error', parts: unknown[]) => {
    const { msg, codes } = describe(parts);
    log[fn](codes.length ? { codes } : {}, msg);
  };
  return {
    debug: debugOn ? (...m) => emit('debug', m) : () => {},
    info: (...m) => emit('info', m),
    warn: (...m) => emit('warn', m),
    error: (...m) => emit('error', m),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
