import { createHmac } from 'node:crypto';

/**
 * Requests signed exactly as Slack signs them: `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{body}`
 * with the signing secret, in `X-Slack-Signature`, and the Unix time in `X-Slack-Request-Timestamp`.
 */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SendOptions {
  secret?: string;
  timestamp?: number;
  signature?: string;
  retryNum?: number;
  contentType?: string;
}

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

export async function sendSigned(url: string, body: string, o: SendOptions = {}): Promise<Response> {
  const timestamp = o.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': o.contentType ?? (body.startsWith('{') ? 'application/json' : 'application/x-www-form-urlencoded'),
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': o.signature ?? slackSignature(o.secret ?? SIGNING_SECRET, timestamp, body),
  };
  if (o.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(o.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  return fetch(url, { method: 'POST', headers, body });
}
