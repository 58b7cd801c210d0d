import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Assistant } from '../core/assistant';
import type { Actor, Conversation } from '../core/input';
import { isActionId } from '../core/replies/reply';
import { renderHtml } from '../render/render-html';
import { sendJson, type Route } from '../server/create-server';
import { BodyTooLargeError, readBody } from '../server/read-body';
import { checkPage, checkRequest, type ConsoleGuardOptions } from './console-guard';
import { consolePage } from './console-page';

/** The console accepts pastes up to this size; the matcher reads a bounded prefix of them. */
const MAX_BODY_BYTES = 512 * 1024;

const actor: Actor = { platform: 'console', id: 'console', name: 'Local console' };
const conversation: Conversation = { platform: 'console', channelId: 'console' };

async function readJson(req: IncomingMessage, res: ServerResponse, guard: ConsoleGuardOptions): Promise<Record<string, unknown> | undefined> {
  if (req.method !== 'POST') {
    sendJson(res, 405, { error: 'method_not_allowed', message: 'Use POST with a JSON body.' });
    return undefined;
  }
  const refused = checkRequest(req, guard);
  if (refused) {
    req.resume(); // drain the body so the connection can answer
    sendJson(res, refused.status, { error: refused.error, message: refused.message });
    return undefined;
  }
  let body: Buffer;
  try {
    body = await readBody(req, MAX_BODY_BYTES);
  } catch (err) {
    if (err instanceof BodyTooLargeError) {
      sendJson(res, 413, { error: 'too_large', message: `The message is larger than ${MAX_BODY_BYTES / 1024} KB. Paste the error line itself, not the whole log.` });
      return undefined;
    }
    throw err;
  }
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // fall through
  }
  sendJson(res, 400, { error: 'invalid_json', message: 'The request body must be a JSON object like {"text": "…"}.' });
  return undefined;
}

export interface ConsoleOptions {
  /** CONSOLE_TOKEN; unset: a random token made for this process and written into the page. */
  token?: string;
  /** HOST is a loopback address. */
  loopback: boolean;
}

/** `/` (the page), `/console/ask` and `/console/act`. The console acts as an anonymous local user. */
export function consoleRoutes(assistant: Assistant, options: ConsoleOptions): Route[] {
  const guard: ConsoleGuardOptions = { token: options.token ?? randomBytes(24).toString('base64url'), loopback: options.loopback };
  const page = consolePage(options.token ? undefined : guard.token);
  return [
    {
      path: '/',
      handler: (req, res) => {
        const refused = checkPage(req, guard);
        if (refused) {
          sendJson(res, refused.status, { error: refused.error, message: refused.message });
          return;
        }
        res.writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'content-security-policy': "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; frame-ancestors 'none'",
          'x-frame-options': 'DENY',
          'cache-control': 'no-store', // the page carries the token
          'referrer-policy': 'no-referrer',
        });
        res.end(page);
      },
    },
    {
      path: '/console/ask',
      handler: async (req, res) => {
        const body = await readJson(req, res, guard);
        if (!body) return;
        if (typeof body.text !== 'string') {
          sendJson(res, 400, { error: 'missing_text', message: 'The JSON body needs a "text" string.' });
          return;
        }
        const reply = await assistant.handle({ text: body.text, trigger: 'console', actor, conversation });
        sendJson(res, 200, { reply, html: reply ? renderHtml(reply) : '' });
      },
    },
    {
      path: '/console/act',
      handler: async (req, res) => {
        const body = await readJson(req, res, guard);
        if (!body) return;
        if (!isActionId(body.id) || typeof body.value !== 'string') {
          sendJson(res, 400, { error: 'invalid_action', message: 'The JSON body needs a known action "id" and a "value" string.' });
          return;
        }
        const reply = await assistant.act({ id: body.id, value: body.value, actor, conversation });
        sendJson(res, 200, { reply, html: reply ? renderHtml(reply) : '' });
      },
    },
  ];
}
