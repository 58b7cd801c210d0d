import type { Env } from './env-schema';

/**
 * The local web console. Beyond loopback it needs `token` (CONSOLE_TOKEN), or it stays off;
 * `offReason` says why it is off when the operator did not turn it off.
 */
export interface ConsoleConfig {
  enabled: boolean;
  token?: string;
  offReason?: string;
}

/** CONSOLE_TOKEN is a password typed into the page: long enough that guessing it is hopeless. */
const MIN_TOKEN_LENGTH = 16;

/** 127.0.0.0/8, ::1 and localhost: only this machine can connect. */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/**
 * The console drives the assistant as one local user, so it is on by default only where no other
 * site or host can reach it: on loopback (where each process makes its own page token), or beyond
 * loopback with CONSOLE_TOKEN. Asked for explicitly beyond loopback without a token is an error;
 * on by default there, it stays off and says why.
 */
export function consoleSettings(e: Env, byDefault: boolean, problems: string[]): ConsoleConfig {
  let enabled = byDefault;
  let explicit = false;
  if (e.CONSOLE_ENABLED !== undefined) {
    const v = e.CONSOLE_ENABLED.toLowerCase();
    if (!['true', 'false', '1', '0'].includes(v)) problems.push('CONSOLE_ENABLED: must be true or false');
    enabled = v === 'true' || v === '1';
    explicit = true;
  }
  if (e.CONSOLE_TOKEN !== undefined && e.CONSOLE_TOKEN.length < MIN_TOKEN_LENGTH) {
    problems.push(`CONSOLE_TOKEN: must be at least ${MIN_TOKEN_LENGTH} characters (for example: openssl rand -hex 24)`);
  }
  if (!enabled || isLoopbackHost(e.HOST) || e.CONSOLE_TOKEN) return { enabled, token: e.CONSOLE_TOKEN };
  if (explicit) {
    problems.push('CONSOLE_TOKEN: required for the console when HOST is not a loopback address (set CONSOLE_TOKEN, HOST=127.0.0.1, or CONSOLE_ENABLED=false)');
    return { enabled: false };
  }
  return { enabled: false, offReason: 'the console is off: HOST is not a loopback address and CONSOLE_TOKEN is not set' };
}
