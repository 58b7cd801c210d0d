import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../src/config/config-error';
import { loadConfig } from '../../src/config/load-config';
import { teamsAuthConfig } from '../../src/teams/teams-auth-config';

const base = { TEAMS_APP_ID: 'app-id', TEAMS_TENANT_ID: 'tenant-id' };

function problems(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.message;
    throw err;
  }
  return '';
}

describe('Teams configuration', () => {
  it('turns Teams on with app id, secret and tenant, and the console off', () => {
    const config = loadConfig({ ...base, TEAMS_APP_PASSWORD: 's3cret-value' });
    expect(config.teams).toMatchObject({ appId: 'app-id', tenantId: 'tenant-id', allowAnonymous: false });
    expect(config.console.enabled).toBe(false);
  });

  it('names every missing variable, without echoing values', () => {
    const message = problems({ TEAMS_APP_ID: 'app-id-value-xyz' });
    expect(message).toMatch(/TEAMS_APP_PASSWORD: required/);
    expect(message).toMatch(/TEAMS_TENANT_ID: required/);
    expect(message).not.toMatch(/app-id-value-xyz/);
  });

  it('accepts a certificate instead of the secret, and says what is wrong with a half-set or missing one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'teams-cert-'));
    const pem = join(dir, 'cert.pem');
    const key = join(dir, 'key.pem');
    writeFileSync(pem, 'x');
    writeFileSync(key, 'x');
    const config = loadConfig({ ...base, TEAMS_CERTIFICATE_PEM_FILE: pem, TEAMS_CERTIFICATE_KEY_FILE: key });
    expect(config.teams).toMatchObject({ certificatePemFile: pem, certificateKeyFile: key });
    expect(teamsAuthConfig(config.teams!)).toMatchObject({ authType: 'Certificate', certPemFile: pem, certKeyFile: key, clientSecret: undefined });
    expect(problems({ ...base, TEAMS_CERTIFICATE_PEM_FILE: pem })).toMatch(/set both TEAMS_CERTIFICATE_PEM_FILE and TEAMS_CERTIFICATE_KEY_FILE/);
    expect(problems({ ...base, TEAMS_CERTIFICATE_PEM_FILE: pem, TEAMS_CERTIFICATE_KEY_FILE: join(dir, 'nope.pem') })).toMatch(/TEAMS_CERTIFICATE_KEY_FILE: no such file/);
  });

  it('rejects a TEAMS_AUTHORITY that is not a URL', () => {
    expect(problems({ ...base, TEAMS_APP_PASSWORD: 'x', TEAMS_AUTHORITY: 'login dot microsoft' })).toMatch(/TEAMS_AUTHORITY: must be an http\(s\) URL/);
  });

  it('builds the SDK auth settings from our config only: anonymous has no client id at all', () => {
    const anon = teamsAuthConfig(loadConfig({ TEAMS_ALLOW_ANONYMOUS: 'true' }).teams!);
    expect(anon.clientId).toBeUndefined();
    expect('clientId' in anon).toBe(true); // present as undefined, so it overrides what the SDK read from env
    expect([...anon.connections!.keys()]).toEqual(['teams']);
    const secret = teamsAuthConfig(loadConfig({ ...base, TEAMS_APP_PASSWORD: 'pw' }).teams!);
    expect(secret).toMatchObject({ clientId: 'app-id', tenantId: 'tenant-id', clientSecret: 'pw', authType: 'ClientSecret', validateIssuer: true });
  });
});

describe('Teams edge start-up', () => {
  it('refuses anonymous mode under NODE_ENV=production with a TeamsError that says what to set', async () => {
    const { createTeamsEdge } = await import('../../src/teams/create-teams-edge');
    const { buildAssistant } = await import('../helpers/builders');
    const { silentLogger } = await import('../../src/core/ports/ports');
    const saved = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      expect(() => createTeamsEdge({ config: loadConfig({ TEAMS_ALLOW_ANONYMOUS: 'true' }).teams!, assistant: buildAssistant(), logger: silentLogger })).toThrow(
        expect.objectContaining({ code: 'sdk_setup', fix: expect.stringMatching(/set TEAMS_APP_ID/) }),
      );
    } finally {
      process.env.NODE_ENV = saved;
    }
  });
});
