import { envSchema } from '../../src/config/env-schema';
import { loadConfig } from '../../src/config/load-config';
import { configProblems } from '../helpers/config-problems';

const problems = configProblems;

describe('loadConfig', () => {
  it('runs with nothing set: console on, SQLite store, port 3000', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.console.enabled).toBe(true);
    expect(c.slack).toBeUndefined();
    expect(c.teams).toBeUndefined();
    expect(c.aws).toBeUndefined();
    expect(c.store.kind).toBe('sqlite');
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: '', SLACK_SIGNING_SECRET: ' ', PORT: '8080' }).slack).toBeUndefined();
  });

  it('turns Slack on with both variables and the console off by default', () => {
    const c = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_WATCH_CHANNELS: 'C1, C2' });
    expect(c.slack?.watchChannels).toEqual(['C1', 'C2']);
    expect(c.console.enabled).toBe(false);
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', CONSOLE_ENABLED: 'true' }).console.enabled).toBe(true);
  });

  it.each([
    [{ SLACK_BOT_TOKEN: 'xoxb-secretvalue' }, 'SLACK_SIGNING_SECRET: required'],
    [{ SLACK_SIGNING_SECRET: 'topsecretvalue' }, 'SLACK_BOT_TOKEN: required'],
    [{ SLACK_BOT_TOKEN: 'xoxp-secretvalue', SLACK_SIGNING_SECRET: 's' }, 'SLACK_BOT_TOKEN: must be a bot token'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_APP_TOKEN: 'secretvalue' }, 'SLACK_APP_TOKEN: must be an app-level token'],
    [{ SLACK_WATCH_CHANNELS: 'C1' }, 'SLACK_BOT_TOKEN: required when SLACK_WATCH_CHANNELS'],
    [{ SLACK_API_URL: 'ftp://x' }, 'SLACK_API_URL: must be an http(s) URL'],
    [{ TEAMS_APP_ID: 'id' }, 'TEAMS_APP_PASSWORD: required'],
    [{ TEAMS_ALLOW_ANONYMOUS: 'maybe' }, 'TEAMS_ALLOW_ANONYMOUS: must be true or false'],
    [{ IDC_IDENTITY_STORE_ID: 'd-1234567890' }, 'AWS_REGION: required'],
    [{ AWS_REGION: 'eu-west-1', IDC_IDENTITY_STORE_ID: 'store-1' }, 'IDC_IDENTITY_STORE_ID: must look like d-1234567890'],
    [{ AWS_REGION: 'eu-west-1', IDC_IDENTITY_STORE_ID: 'd-1234567890', IDC_INSTANCE_ARN: 'arn:aws:sso:::instance/x' }, 'IDC_INSTANCE_ARN: must look like'],
    [{ DATABASE_URL: 'mysql://secretvalue@h/db' }, 'DATABASE_URL: must be a postgres://'],
    [{ PORT: 'eighty' }, 'PORT:'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL:'],
    [{ CONSOLE_ENABLED: 'sometimes' }, 'CONSOLE_ENABLED: must be true or false'],
  ])('names the variable for %j and never echoes values', (env, expected) => {
    const found = problems(env as NodeJS.ProcessEnv);
    expect(found.join('\n')).toContain(expected);
    expect(found.join('\n')).not.toMatch(/secretvalue/);
  });

  it('reports every problem at once', () => {
    expect(problems({ SLACK_BOT_TOKEN: 'xoxb-1', IDC_IDENTITY_STORE_ID: 'd-1234567890' })).toHaveLength(2);
    // A type error no longer hides the rest: three bad values and a missing companion, four lines.
    expect(problems({ PORT: 'x', TRAIL_DAYS: '0', AWS_CALL_TIMEOUT_MS: '5s', SLACK_BOT_TOKEN: 'xoxb-1' }).map((p) => p.split(':')[0])).toEqual([
      'PORT',
      'AWS_CALL_TIMEOUT_MS',
      'TRAIL_DAYS',
      'SLACK_SIGNING_SECRET',
    ]);
  });

  it('takes every variable empty as unset, PORT and HOST included', () => {
    const names = Object.keys(envSchema.shape);
    const c = loadConfig(Object.fromEntries(names.map((n) => [n, ''])));
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', logLevel: 'info', console: { enabled: true } });
    expect(c.aws).toBeUndefined();
    expect(loadConfig(Object.fromEntries(names.map((n) => [n, '  ']))).port).toBe(3000);
  });

  it('keeps the console to loopback unless CONSOLE_TOKEN is set', () => {
    expect(loadConfig({ HOST: '0.0.0.0' }).console).toEqual({ enabled: false, offReason: expect.stringContaining('CONSOLE_TOKEN') });
    expect(loadConfig({ HOST: '0.0.0.0', CONSOLE_TOKEN: 'a-long-enough-token' }).console).toEqual({ enabled: true, token: 'a-long-enough-token' });
    expect(loadConfig({ HOST: '::1' }).console.enabled).toBe(true);
    expect(problems({ HOST: '0.0.0.0', CONSOLE_ENABLED: 'true' }).join('\n')).toContain('CONSOLE_TOKEN: required for the console when HOST is not a loopback address');
    expect(problems({ CONSOLE_TOKEN: 'short' }).join('\n')).toContain('CONSOLE_TOKEN: must be at least 16 characters');
  });

  it('accepts live-check settings and PostgreSQL', () => {
    const c = loadConfig({
      AWS_REGION: 'eu-west-1',
      IDC_IDENTITY_STORE_ID: 'd-1234567890',
      IDC_INSTANCE_ARN: 'arn:aws:sso:::instance/ssoins-1234567890abcdef',
      DATABASE_URL: 'postgres://u@h:5432/db',
    });
    expect(c.aws).toMatchObject({ region: 'eu-west-1', identityStoreId: 'd-1234567890', instanceArn: 'arn:aws:sso:::instance/ssoins-1234567890abcdef', callTimeoutMs: 5000, trailDays: 7 });
    expect(c.store).toEqual({ kind: 'postgres', url: 'postgres://u@h:5432/db' });
  });
});
