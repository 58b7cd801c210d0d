import { Writable } from 'node:stream';
import { boltLogger } from '../../src/slack/bolt-logger';
import { createLogger } from '../../src/logger';

describe('boltLogger', () => {
  it('logs messages and error codes, never the request objects errors carry (tokens, pasted text)', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const log = boltLogger(createLogger('debug', sink));
    const err = Object.assign(new Error('An API error occurred: not_in_channel'), {
      code: 'slack_webapi_platform_error',
      original: { config: { headers: { Authorization: 'Bearer xoxb-secret-token' }, data: 'text=my pasted secret' } },
    });
    log.error('listener failed', err);
    log.warn({ token: 'xoxb-secret-token' });
    log.debug('ack() response sent');
    const out = lines.join('');
    expect(out).toContain('not_in_channel');
    expect(out).toContain('slack_webapi_platform_error');
    expect(out).toContain('ack() response sent');
    expect(out).not.toContain('xoxb-secret-token');
    expect(out).not.toContain('my pasted secret');
  });
});
