import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp, type App } from '../../src/app';
import { ConfigError } from '../../src/config/config-error';
import { loadConfig } from '../../src/config/load-config';
import { silentLogger } from '../../src/core/ports/ports';
import { fixturesDir } from '../helpers/builders';
import { consoleClient } from '../helpers/console-client';

const ACS = 'https://eu-west-1.signin.aws.amazon.com/platform/saml/acs/0a1b2c3d-aaaa-bbbb-cccc-ddddeeeeffff';

describe('offline check settings', () => {
  it('are optional', () => {
    expect(loadConfig({}).saml).toEqual({});
  });

  it('read IDC_ACS_URL and IDC_ABAC_ENABLED', () => {
    expect(loadConfig({ IDC_ACS_URL: ACS, IDC_ABAC_ENABLED: 'true' }).saml).toEqual({ acsUrl: ACS, abac: true });
    expect(loadConfig({ IDC_ABAC_ENABLED: '0' }).saml).toEqual({ abac: false });
  });

  it.each([
    [{ IDC_ACS_URL: 'not a url' }, /IDC_ACS_URL: must be an http\(s\) URL/],
    [{ IDC_ACS_URL: 'https://signin.aws.amazon.com/saml' }, /IDC_ACS_URL: that is the IAM SAML endpoint/],
    [{ IDC_ABAC_ENABLED: 'maybe' }, /IDC_ABAC_ENABLED: must be true or false/],
  ])('name the variable when %j is wrong, without echoing it', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
    expect(() => loadConfig(env)).not.toThrow(/maybe|not a url/);
  });
});

describe('the app wires the offline checks (local console over HTTP)', () => {
  let app: App;
  let base: string;
  beforeAll(async () => {
    app = await createApp({ config: loadConfig({ PORT: '0', HOST: '127.0.0.1', IDC_ACS_URL: ACS }), logger: silentLogger });
    base = `http://127.0.0.1:${await app.listen()}`;
  });
  afterAll(() => app.close());

  it('answers a pasted SAML response with the lint report, using IDC_ACS_URL', async () => {
    const xml = readFileSync(join(fixturesDir, 'saml', 'py3saml_simplesamlphp_email_nameid_clean.xml'), 'utf8');
    const res = await (await consoleClient(base)).ask(xml);
    const body = (await res.json()) as { html: string; reply: { kind: string; text: string } };
    expect(res.status).toBe(200);
    expect(body.reply.kind).toBe('check');
    expect(body.reply.text).toMatch(/^SAML response: 1 problem found\n✗ Sent to the IAM Identity Center ACS URL: .*the configured ACS URL is https:\/\/eu-west-1/);
    expect(body.html).toContain('SAML response: 1 problem found');
  });
});
