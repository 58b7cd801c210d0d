import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, WebResponse } from '@microsoft/agents-hosting';

/**
 * The SDK's CloudAdapter and JWT middleware expect Express: a request with a parsed `body` and a
 * response with `status().send()` / `end()`. This is that shape over Node's own http objects, so
 * Teams mounts on our one server without Express. Like Express, `send` finishes the response;
 * anything written after the response is finished is ignored (our auth timeout can finish first).
 */
export class SdkResponse implements WebResponse {
  private code = 200;
  private ended = false;

  constructor(private readonly res: ServerResponse) {}

  get headersSent(): boolean {
    return this.res.headersSent;
  }

  get writableEnded(): boolean {
    return this.ended || this.res.writableEnded;
  }

  status(code: number): this {
    this.code = code;
    return this;
  }

  setHeader(name: string, value: string): this {
    if (!this.writableEnded && !this.res.headersSent) this.res.setHeader(name, value);
    return this;
  }

  send(body?: unknown): this {
    if (this.writableEnded) return this;
    this.ended = true;
    if (body === undefined || body === null) {
      this.res.writeHead(this.code).end();
    } else if (typeof body === 'string' || Buffer.isBuffer(body)) {
      this.res.writeHead(this.code, { 'content-length': Buffer.byteLength(body) }).end(body);
    } else {
      const data = JSON.stringify(body);
      this.res.writeHead(this.code, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(data) }).end(data);
    }
    return this;
  }

  end(): this {
    return this.send();
  }
}

/** The request as the SDK reads it: headers, method, and later the parsed activity and the caller's claims. */
export function sdkRequest(req: IncomingMessage): Request {
  return { headers: req.headers as Request['headers'], method: req.method };
}
