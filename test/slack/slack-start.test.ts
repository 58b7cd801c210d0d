import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config/load-config';
import { silentLogger } from '../../src/core/ports/ports';
import { MemoryStore } from '../../src/core/ports/memory-store';
import { chooseSlackTransport } from '../../src/slack/create-bolt-app';
import { mountSlack } from '../../src/slack/mount-slack';
import { SlackStartError } from '../../src/slack/slack-start-error';
import { buildAssistant } from '../helpers/builders';
import { FakeSlack } from '../helpers/fake-slack';
import { SIGNING_SECRET } from '../helpers/slack-requests';

describe('Slack start-up and transport selection', () => {
  let fake: FakeSlack;
  beforeAll(async () => {
    fake = await new FakeSlack().start();
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.reset();
  });

  const env = (over: Record<string, string> = {}) =>
    loadConfig({ PORT: '0', HOST: '127.0.0.1', SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, ...over });

  it('uses HTTP on /slack/events without SLACK_APP_TOKEN, Socket Mode with it', () => {
    expect(chooseSlackTransport({})).toBe('http');
    expect(chooseSlackTransport({ appToken: 'xapp-1-A-1-x' })).toBe('socket');
    const http = mountSlack({ config: env().slack!, assistant: buildAssistant(), seen: new MemoryStore(), logger: silentLogger });
    expect(http.transport).toBe('http');
    expect(http.routes.map((r) => r.path)).toEqual(['/slack/events']);
    const socket = mountSlack({ config: env({ SLACK_APP_TOKEN: 'xapp-1-A0IDC-1-secret' }).slack!, assistant: buildAssistant(), seen: new MemoryStore(), logger: silentLogger });
    expect(socket.transport).toBe('socket');
    expect(socket.routes).toEqual([]);
  });

  it('opens Socket Mode through SLACK_API_URL with the app token, and names SLACK_APP_TOKEN when that fails', async () => {
    fake.failNext('apps.connections.open', 'invalid_auth');
    const app = await createApp({ config: env({ SLACK_APP_TOKEN: 'xapp-1-A0IDC-1-secret' }), logger: silentLogger });
    expect(app.channels).toContain('slack');
    const err = await app.listen().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(SlackStartError);
    expect((err as SlackStartError).code).toBe('slack_socket_failed');
    // What main prints: the message, then the fix (the one coded error type).
    expect((err as SlackStartError).fix).toMatch(/SLACK_APP_TOKEN/);
    expect(`${(err as Error).message}\n${(err as SlackStartError).fix}`).not.toContain('xapp-1-A0IDC-1-secret');
    const open = fake.callsTo('apps.connections.open');
    expect(open.length).toBeGreaterThanOrEqual(1);
    expect(open[0]!.token).toBe('xapp-1-A0IDC-1-secret');
    await app.close();
  });

  it('stops the start with a message naming SLACK_BOT_TOKEN when Slack rejects the token', async () => {
    const app = await createApp({ config: env({ SLACK_BOT_TOKEN: 'xoxb-revoked' }), logger: silentLogger });
    const err = await app.listen().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(SlackStartError);
    expect((err as SlackStartError).code).toBe('slack_auth_failed');
    expect(`${(err as Error).message}\n${(err as SlackStartError).fix}`).toMatch(/invalid_auth.*SLACK_BOT_TOKEN/s);
    expect(`${(err as Error).message}\n${(err as SlackStartError).fix}`).not.toContain('xoxb-revoked');
    expect(app.server.listening).toBe(false);
  });

  it('turns Slack off without its variables, and reports missing or inconsistent ones by name', () => {
    expect(loadConfig({}).slack).toBeUndefined();
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_SIGNING_SECRET/);
    expect(() => loadConfig({ SLACK_SIGNING_SECRET: 's' })).toThrow(/SLACK_BOT_TOKEN/);
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxp-user', SLACK_SIGNING_SECRET: 's' })).toThrow(/SLACK_BOT_TOKEN: must be a bot token/);
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_APP_TOKEN: 'xoxb-2' })).toThrow(/SLACK_APP_TOKEN/);
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: 'not a url' })).toThrow(/SLACK_API_URL/);
    expect(() => loadConfig({ SLACK_WATCH_CHANNELS: 'C1' })).toThrow(/SLACK_BOT_TOKEN/);
  });
});
