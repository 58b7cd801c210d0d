import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Assistant } from '../core/assistant';
import type { Actor, Conversation } from '../core/input';
import { isActionId } from '../core/reply';
import { renderHtml } from '../render/render-html';
import { sendJson, type Route } from '../server/create-server';
import { BodyTooLargeError, readBody } from '../server/read-body';
import { CONSOLE_PAGE } from './console-page';

/** The console accepts pastes up to this size; the matcher reads a bounded prefix of them. */
const MAX_BODY_BYTES = 512 * 1024;

const actor: Actor = { platform: 'console', id: 'console', name: 'Local console' };
const conversation: Conversation = { platform: 'console', channelId: 'console' };

async function readJson(req: IncomingMessage, res: ServerResponse): Promise<Record<string, unknown> | undefined> {
  if (req.method !== 'POST') {
    sendJson(res, 405, { error: 'method_not_allowed', message: 'Use POST with a JSON body.' });
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

/** `/` (the page), `/console/ask` and `/console/act`. The console acts as an anonymous local user. */
export function consoleRoutes(assistant: Assistant): Route[] {
  return [
    {
      path: '/',
      handler: (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'" });
        res.end(CONSOLE_PAGE);
      },
    },
    {
      path: '/console/ask',
      handler: async (req, res) => {
        const body = await readJson(req, res);
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
        const body = await readJson(req, res);
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
