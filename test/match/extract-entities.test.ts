import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractEntities } from '../../src/match/extract-entities';
import { fixturesDir } from '../helpers/builders';

const fixture = (name: string) => readFileSync(join(fixturesDir, 'cloudtrail', name), 'utf8');

describe('extractEntities', () => {
  it.each([
    ['an e-mail in prose', 'jane.doe+aws@example.co.uk cannot sign in', { emails: ['jane.doe+aws@example.co.uk'] }],
    ['several e-mails, each once', 'a@example.com, b@example.org and a@example.com again', { emails: ['a@example.com', 'b@example.org'] }],
    ['no e-mail in an @mention or a decorator', '@here and @Component() broke', { emails: [] }],
    [
      'an AWSReservedSSO_ role quoted in an IAM error',
      "Cannot perform the operation on the protected role 'AWSReservedSSO_AdministratorAccess_9a45132a4fc687f4' - this role",
      { roles: ['AWSReservedSSO_AdministratorAccess_9a45132a4fc687f4'] },
    ],
    [
      'a role inside an assumed-role ARN',
      'User: arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_runtime_516d9477c780e165/me@example.com is not authorized',
      {
        roles: ['AWSReservedSSO_runtime_516d9477c780e165'],
        arns: ['arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_runtime_516d9477c780e165/me@example.com'],
        emails: ['me@example.com'],
      },
    ],
    [
      'a permission set ARN, trailing punctuation dropped',
      'on resource: arn:aws:sso:::permissionSet/ssoins-8259fa7785873baa/ps-c1f8be817702acd5.',
      { arns: ['arn:aws:sso:::permissionSet/ssoins-8259fa7785873baa/ps-c1f8be817702acd5'] },
    ],
    [
      'a request id from an SDK error and a SCIM exceptionRequestId',
      'status code: 400, request id: 0f796535-610b-4c65-b638-29cf646b4a96 "exceptionRequestId":"279ec396-441a-49f8-b1b6-a4e04c08348c"',
      { requestIds: ['0f796535-610b-4c65-b638-29cf646b4a96', '279ec396-441a-49f8-b1b6-a4e04c08348c'] },
    ],
    ['identity providers by their usual names', 'Okta push works, Azure AD and ADFS too, Google Workspace not', { idps: ['Okta', 'Microsoft Entra ID', 'Google Workspace', 'ADFS'] }],
    ['not Google Workspace for Google Authenticator', 'Google Authenticator code rejected', { idps: [] }],
    ['a sync tool by name', 'ssosync fails on the same user', { idps: ['ssosync'] }],
  ])('%s', (_name, text, expected) => {
    expect(extractEntities(text)).toMatchObject(expected);
  });

  it('reads a failed ExternalIdPDirectoryLogin record that has an errorMessage but no errorCode', () => {
    const e = extractEntities(fixture('panther_signin_ExternalIdPDirectoryLogin_FAILURE_not_valid_response.json'));
    expect(e.events).toEqual([
      expect.objectContaining({
        eventName: 'ExternalIdPDirectoryLogin',
        eventSource: 'signin.amazonaws.com',
        errorCode: undefined,
        errorMessage: expect.stringMatching(/^Not a valid response for the provided request id/),
        failed: true,
      }),
    ]);
  });

  it('reads a SCIM error record with its errorCode and keeps placeholder names out of userNames', () => {
    const conflict = extractEntities(fixture('awsdocs-current_identitystore-scim_CreateGroup_ConflictException_duplicate_displayname.json'));
    expect(conflict.events).toEqual([
      expect.objectContaining({ eventName: 'CreateGroup', eventSource: 'identitystore-scim.amazonaws.com', errorCode: 'ConflictException', failed: true }),
    ]);
    const created = extractEntities(fixture('awsdocs-current_identitystore-scim_CreateUser_success.json'));
    expect(created.events[0]).toMatchObject({ eventName: 'CreateUser', failed: false });
    expect(created.userNames).toEqual([]); // "HIDDEN_DUE_TO_SECURITY_REASONS"
  });

  it('unwraps a {"Records": [...]} file', () => {
    const e = extractEntities(fixture('awsdocs-current_sso_ListApplications_portal_IdentityCenterUser_Records-wrapper.json'));
    expect(e.events).toEqual([expect.objectContaining({ eventName: 'ListApplications', eventSource: 'sso.amazonaws.com', failed: false })]);
  });

  it('reads records that JSON.parse refuses: trailing commas, a missing quote', () => {
    const trailing = fixture('awsdocs-current_signin_CredentialVerification_FAILURE_trailing-comma.json');
    expect(() => JSON.parse(trailing)).toThrow();
    expect(extractEntities(trailing).events).toEqual([
      expect.objectContaining({ eventName: 'CredentialVerification', credentialType: 'PASSWORD', failed: true }),
    ]);
    const missingQuote = fixture('awsdocs_workspaces_smartcard_CredentialVerification_FAILURE_not-IdC_malformed-json.json');
    expect(() => JSON.parse(missingQuote)).toThrow();
    expect(extractEntities(missingQuote).events).toEqual([expect.objectContaining({ credentialType: 'SMARTCARD', failed: true })]);
  });

  it('reads string booleans and the typed user name of sign-in events', () => {
    const e = extractEntities(fixture('awsdocs_signin_UserAuthentication_mfa_device_enrollment_required.json'));
    expect(e.events).toEqual([expect.objectContaining({ eventName: 'UserAuthentication', deviceEnrollmentRequired: true, failed: false })]);
    expect(e.userNames).toEqual(['user1']);
    const typed = extractEntities(fixture('awsdocs-current_signin_CredentialChallenge_password_IdentityCenterUser_UserName.json'));
    expect(typed.userNames).toEqual(['bobsmith@example.com']);
  });

  it('does not take a role session issuer for a user', () => {
    const e = extractEntities(fixture('panther_signin_ConsoleLogin_via_AWSReservedSSO_role.json'));
    expect(e.userNames).toEqual([]);
    expect(e.roles).toEqual(['AWSReservedSSO_developer_admin_asdf']);
  });

  it('reads every record of a paste with several, each with its own outcome', () => {
    const two = `${fixture('awsdocs-current_identitystore-scim_PatchUser_ValidationException_emails_limit.json')}\n${fixture('awsdocs-current_identitystore-scim_CreateUser_success.json')}`;
    expect(extractEntities(two).events.map((e) => [e.eventName, e.failed])).toEqual([
      ['PatchUser', true],
      ['CreateUser', false],
    ]);
  });

  it('reads a truncated record from its first eventName', () => {
    const e = extractEntities('here is the event:\n  "eventSource": "signin.amazonaws.com",\n  "eventName": "ExternalIdPDirectoryLogin",\n  "responseElements": {"ExternalIdPDirectoryLogin": "Failure"');
    expect(e.events).toEqual([expect.objectContaining({ eventName: 'ExternalIdPDirectoryLogin', failed: true })]);
  });

  it('keeps the lists short on a paste full of addresses', () => {
    const text = Array.from({ length: 100 }, (_, i) => `user${i}@example.com`).join(' ');
    expect(extractEntities(text).emails).toHaveLength(20);
  });
});
