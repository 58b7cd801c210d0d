import { ConfigError } from '../../src/config/config-error';
import { loadConfig } from '../../src/config/load-config';

describe('live check configuration', () => {
  it('defaults to deny-all and no AWS', () => {
    const c = loadConfig({});
    expect(c.aws).toBeUndefined();
    expect(c.lookup).toEqual({ allowedUsers: [], allowedGroups: [], selfService: false, privateSupportChannels: [] });
  });

  it('reads the lookup policy', () => {
    const c = loadConfig({ LOOKUP_ALLOWED_USERS: 'U01, teams:aad-1', LOOKUP_ALLOWED_SLACK_GROUPS: 'S01', LOOKUP_SELF_SERVICE: 'true', PRIVATE_SUPPORT_CHANNELS: 'C0SUP' });
    expect(c.lookup).toEqual({ allowedUsers: ['U01', 'teams:aad-1'], allowedGroups: ['S01'], selfService: true, privateSupportChannels: ['C0SUP'] });
  });

  it('reads AWS settings with their defaults', () => {
    const c = loadConfig({ AWS_REGION: 'eu-west-1', IDC_IDENTITY_STORE_ID: 'd-1234567890' });
    expect(c.aws).toEqual({ region: 'eu-west-1', identityStoreId: 'd-1234567890', instanceArn: undefined, identitySource: undefined, callTimeoutMs: 5000, trailDays: 7 });
    expect(loadConfig({ AWS_REGION: 'eu-west-1', IDC_IDENTITY_STORE_ID: 'd-1234567890', TRAIL_DAYS: '90', IDC_IDENTITY_SOURCE: 'external-idp' }).aws).toMatchObject({ trailDays: 90, identitySource: 'external-idp' });
  });

  it.each([
    [{ TRAIL_DAYS: '91' }, 'TRAIL_DAYS'],
    [{ AWS_CALL_TIMEOUT_MS: 'soon' }, 'AWS_CALL_TIMEOUT_MS'],
    [{ IDC_IDENTITY_SOURCE: 'okta' }, 'IDC_IDENTITY_SOURCE'],
    [{ LOOKUP_SELF_SERVICE: 'maybe' }, 'LOOKUP_SELF_SERVICE'],
    [{ IDC_IDENTITY_STORE_ID: 'd-1234567890' }, 'AWS_REGION'],
  ])('names the bad variable %#', (env, name) => {
    let err: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).problems.join('\n')).toMatch(new RegExp(`^${name}:`, 'm'));
  });
});
