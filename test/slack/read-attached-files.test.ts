import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { LintReport, OfflineChecks } from '../../src/core/checks/checks';
import { silentLogger } from '../../src/core/ports/ports';
import type { SlackFile } from '../../src/slack/read-message-event';
import { MAX_FILE_BYTES, SlackFileReader } from '../../src/slack/read-attached-files';
import { FakeSlack } from '../helpers/fake-slack';
import { appMention, eventCallback } from '../helpers/slack-payloads';
import { sendSigned } from '../helpers/slack-requests';
import { recordingLogger } from '../teams/recording-logger';
import { startSlackApp } from './slack-harness';

const SAML = readFileSync(join(__dirname, '..', 'fixtures', 'slack', 'py3saml_simplesamlphp_email_nameid_clean.xml'), 'utf8');

describe('text files attached to Slack messages', () => {
  let fake: FakeSlack;
  let reader: SlackFileReader;
  beforeAll(async () => {
    fake = await new FakeSlack().start();
    reader = new SlackFileReader({ botToken: 'xoxb-test-token', allowedOrigins: [new URL(fake.apiUrl).origin] });
    fake.files.set('response.xml', { body: SAML, contentType: 'application/xml' });
    fake.files.set('login.html', { body: '<html>sign in</html>', contentType: 'text/html' });
    fake.files.set('big.txt', { body: 'x'.repeat(MAX_FILE_BYTES + 10), contentType: 'text/plain' });
    fake.files.set('junk.txt', { body: Buffer.from([0x41, 0, 0x42]), contentType: 'text/plain' });
    // A zip or image renamed .txt: no NUL byte, but far more than 2 % invalid UTF-8 and control characters.
    fake.files.set('noise.txt', { body: Buffer.from(Array.from({ length: 2000 }, (_, i) => 1 + ((i * 131 + 7) % 255))), contentType: 'text/plain' });
  });
  afterAll(() => fake.close());

  it('downloads a text file with the bot token', async () => {
    const got = await reader.read([{ name: 'response.xml', mimetype: 'application/xml', size: SAML.length, urlPrivate: fake.fileUrl('response.xml') }], silentLogger);
    expect(got).toEqual([{ name: 'response.xml', text: SAML }]);
  });

  it.each([
    ['a host that is not Slack (the token must not leak)', { name: 'a.txt', mimetype: 'text/plain', urlPrivate: 'https://evil.example/a.txt' }],
    ['an image', { name: 'shot.png', mimetype: 'image/png', urlPrivate: 'FAKE/response.xml' }],
    ['a file declared too big', { name: 'a.txt', mimetype: 'text/plain', size: MAX_FILE_BYTES + 1, urlPrivate: 'FAKE/response.xml' }],
    ['a file that turns out too big', { name: 'big.txt', mimetype: 'text/plain', urlPrivate: 'FAKE/big.txt' }],
    ['the login page Slack sends without files:read', { name: 'a.txt', mimetype: 'text/plain', urlPrivate: 'FAKE/login.html' }],
    ['binary content', { name: 'junk.txt', mimetype: 'text/plain', urlPrivate: 'FAKE/junk.txt' }],
    ['binary content without a NUL byte', { name: 'noise.txt', mimetype: 'text/plain', urlPrivate: 'FAKE/noise.txt' }],
    ['a missing file', { name: 'gone.txt', mimetype: 'text/plain', urlPrivate: 'FAKE/gone.txt' }],
    ['no url', { name: 'a.txt', mimetype: 'text/plain' }],
  ] as Array<[string, SlackFile]>)('skips %s', async (_name, file) => {
    const f = { ...file, urlPrivate: file.urlPrivate?.replace('FAKE/', fake.fileUrl('')) };
    expect(await reader.read([f], silentLogger)).toEqual([]);
  });

  it('re-checks the host on every redirect: follows within Slack, never to another host', async () => {
    const hits: string[] = [];
    const internal = createServer((req, res) => {
      hits.push(`${req.url} ${req.headers.authorization ?? 'no token'}`);
      res.writeHead(200, { 'content-type': 'text/plain' }).end('internal secret');
    });
    await new Promise<void>((resolve) => internal.listen(0, '127.0.0.1', resolve));
    const internalUrl = `http://localhost:${(internal.address() as AddressInfo).port}/latest/meta-data`;
    try {
      fake.fileRedirects.set('moved.xml', '/files/response.xml');
      fake.fileRedirects.set('escape.txt', internalUrl);
      fake.fileRedirects.set('loop.txt', '/files/loop.txt');
      expect(await reader.read([{ name: 'moved.xml', mimetype: 'application/xml', urlPrivate: fake.fileUrl('moved.xml') }], silentLogger)).toEqual([{ name: 'moved.xml', text: SAML }]);
      const logs = recordingLogger();
      expect(await reader.read([{ name: 'escape.txt', mimetype: 'text/plain', urlPrivate: fake.fileUrl('escape.txt') }], logs.logger)).toEqual([]);
      expect(await reader.read([{ name: 'loop.txt', mimetype: 'text/plain', urlPrivate: fake.fileUrl('loop.txt') }], logs.logger)).toEqual([]);
      expect(hits).toEqual([]);
      expect(logs.entries.map((e) => (e.obj as { reason?: string }).reason)).toEqual([
        expect.stringMatching(/^redirected to http:\/\/localhost:\d+, which is not a Slack file host; not followed$/),
        'more than 3 redirects',
      ]);
    } finally {
      await new Promise<void>((resolve) => internal.close(() => resolve()));
    }
  });

  it('hands an attached SAML response to `check saml` from a mention, end to end', async () => {
    const linted: string[] = [];
    const report: LintReport = { kind: 'saml', verdict: 'pass', rules: [], summary: [] };
    const offline: OfflineChecks = { detect: () => undefined, lintSaml: async (t) => (linted.push(t), report), lintScim: async () => report };
    const h = await startSlackApp({ fake, deps: { offline } });
    try {
      fake.reset();
      const event = appMention('check saml', { files: [{ id: 'F1', name: 'response.xml', mimetype: 'application/xml', filetype: 'xml', size: SAML.length, url_private: fake.fileUrl('response.xml') }] });
      await sendSigned(h.events, eventCallback(event).body);
      await fake.waitFor(() => fake.posts().length === 1);
      expect(linted).toEqual([SAML]);
    } finally {
      await h.close();
    }
  });
});
