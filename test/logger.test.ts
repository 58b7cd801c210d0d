import { Writable } from 'node:stream';
import { createLogger } from '../src/logger';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(chunk.toString());
      cb();
    },
  });
  return { lines, stream };
}

describe('createLogger', () => {
  it('redacts tokens, secrets and e-mails wherever they sit in logged objects', () => {
    const { lines, stream } = capture();
    const log = createLogger('info', stream);
    log.info({ config: { botToken: 'xoxb-real-token', signingSecret: 'shh' }, token: 'abc', user: { email: 'a@b.example' } }, 'hello');
    log.child({ event: 'E1' }).info({ req: { headers: { authorization: 'Bearer eyJ' } } }, 'child');
    const out = lines.join('');
    expect(out).not.toMatch(/xoxb-real-token|shh|"abc"|a@b\.example|eyJ/);
    expect(out).toContain('[redacted]');
    expect(out).toContain('"event":"E1"');
  });
});
