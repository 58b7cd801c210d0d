import pino from 'pino';
import type { Logger } from './core/ports/ports';

/**
 * Structured JSON logs. Tokens, secrets and personal data are redacted by path wherever they
 * appear in logged objects; raw pasted text is only logged at debug.
 */
export const REDACT_PATHS = [
  '*.token',
  '*.botToken',
  '*.appToken',
  '*.signingSecret',
  '*.appPassword',
  '*.password',
  '*.authorization',
  '*.headers.authorization',
  '*.headers["x-slack-signature"]',
  'req.headers.authorization',
  'token',
  'botToken',
  'signingSecret',
  'appPassword',
  'email',
  '*.email',
  '*.emails',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: { app: 'idc-assistant' } }, destination);
}
