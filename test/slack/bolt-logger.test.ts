import { Writable } from 'node:stream';
import { LogLevel as WebLogLevel, WebClient } from '@slack/web-api';
import { boltLogger } from '../../src/slack/bolt-logger';
import { FakeSlack } from '../helpers/fake-slack';
import { createLogger } from '../../src/logger';

describe('boltLogger', () => {
  const capture = (level: string) => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    return { lines, log: boltLogger(createLogger(level, sink)) };
  };

  it('drops Bolt and WebClient debug lines unless debug logging is on', () => {
    const info = capture('info');
    info.log.debug('http request body: {"text":"pasted"}');
    info.log.info('hello');
    expect(info.lines.join('')).not.toContain('pasted');
    expect(info.lines.join('')).toContain('hello');
    expect(info.log.getLevel()).toBe('info');
    const debug = capture('debug');
    debug.log.debug('ack() response sent');
    expect(debug.lines.join('')).toContain('ack() response sent');
  });

  it('logs messages and error codes, never the request objects errors carry (tokens, pasted text)', () => {
    const { lines, log } = capture('debug');
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

  it('at debug, keeps which call and which step but no payload and no e-mail address (a real WebClient call)', async () => {
    const fake = await new FakeSlack().start();
    try {
      const { lines, log } = capture('debug');
      const client = new WebClient('xoxb-test-token', { slackApiUrl: fake.apiUrl, logger: log, logLevel: WebLogLevel.DEBUG });
      await client.chat.postMessage({ channel: 'C1', text: 'jane.doe@example.com cannot sign in: my pasted secret' });
      log.debug(JSON.stringify({ event: { text: 'from bob@example.org' } }));
      log.debug('ack() response sent (body: {"text":"for carol@example.net"})');
      log.warn('Error details: user dave@example.com is not in channel');
      const out = lines.join('');
      expect(out).toContain("apiCall('chat.postMessage') start");
      expect(out).toContain('http request body: [omitted]');
      expect(out).toContain('ack() response sent (body: [omitted]');
      expect(out).toContain('user [e-mail] is not in channel');
      expect(out).not.toMatch(/@example\.|pasted secret/);
    } finally {
      await fake.close();
    }
  });
});
