import type { IdentityUser } from '../../../src/checks/aws/identity-store-reader';
import { isEmail, userFindings } from '../../../src/checks/aws/user-findings';

const user = (over: Partial<IdentityUser> = {}): IdentityUser => ({
  IdentityStoreId: 'd-1234567890',
  UserId: 'u-1',
  UserName: 'alice@example.com',
  DisplayName: 'Alice Example',
  Name: { GivenName: 'Alice', FamilyName: 'Example' },
  Emails: [{ Value: 'alice@example.com', Primary: true }],
  ...over,
});
const codes = (u: IdentityUser, opts: Partial<Parameters<typeof userFindings>[2]> = {}, groups: Array<{ id: string; name?: string }> = []) =>
  userFindings(u, groups, { matchedBy: 'userName', ...opts }).map((f) => `${f.code}:${f.severity}`);

describe('userFindings', () => {
  it('a clean user has only the found line', () => {
    expect(codes(user())).toEqual(['user-found:ok']);
  });

  it('names each empty name field', () => {
    const [, missing] = userFindings(user({ DisplayName: ' ', Name: { GivenName: 'A' } }), [], { matchedBy: 'userName' });
    expect(missing).toMatchObject({ code: 'missing-name-fields', severity: 'error', article: 'scim-sync-user-fails' });
    expect(missing!.detail).toMatch(/^Empty: family name, display name\./);
  });

  it('counts multi-valued addresses, phones and e-mails', () => {
    const [, multi] = userFindings(user({ Addresses: [{ Type: 'work' }, { Type: 'home' }, { Type: 'other' }] }), [], { matchedBy: 'userName' });
    expect(multi!.detail).toMatch(/^3 addresses\./);
  });

  it.each([
    [undefined, ['user-found:ok', 'username-not-email:info']],
    ['external-idp', ['user-found:ok', 'username-not-email:warning']],
    ['identity-center', ['user-found:ok']],
    ['active-directory', ['user-found:ok']],
  ] as const)('a non-e-mail user name with identity source %s', (source, expected) => {
    expect(codes(user({ UserName: 'alice' }), { identitySource: source })).toEqual(expected);
  });

  it('warns about user names that break password reset, except for external IdP users', () => {
    expect(codes(user({ UserName: 'ölaf@example.com' }))).toContain('username-breaks-password-reset:warning');
    expect(codes(user({ UserName: `${'a'.repeat(60)}@example.com` }))).toContain('username-breaks-password-reset:warning');
    expect(codes(user({ UserName: 'ölaf@example.com' }), { identitySource: 'external-idp' })).not.toContain('username-breaks-password-reset:warning');
  });

  it('flags primary groups by name only', () => {
    expect(codes(user(), {}, [{ id: 'g1', name: 'Domain Users' }, { id: 'g2', name: 'Engineers' }, { id: 'g3' }])).toEqual(['user-found:ok', 'primary-group-membership:warning']);
    expect(codes(user(), {}, [{ id: 'g1', name: 'Domain Users Admins' }])).toEqual(['user-found:ok']);
  });

  it('recognises e-mail addresses', () => {
    expect([isEmail('a@b.co'), isEmail('a@b'), isEmail('a b@c.de'), isEmail('DOMAIN\\alice')]).toEqual([true, false, false, false]);
  });
});
