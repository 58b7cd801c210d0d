import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLenientJson } from '../../../src/checks/aws/parse-lenient-json';
import { asBool, parseEventTime, parseTrailRecord, parseTrailText } from '../../../src/checks/aws/parse-trail-record';
import { fixturesDir } from '../../helpers/builders';

const dir = join(fixturesDir, 'cloudtrail');
const read = (f: string) => readFileSync(join(dir, f), 'utf8');

/** file → [category, eventName, outcome, userName, userId prefix, ISO time] ('-' = undefined). */
const EXPECTED: Record<string, [string, string, string, string, string, string]> = {
  'aidansteele_sso-oauth_CreateTokenWithIAM_trusted_token_issuer.json': ['portal', 'CreateTokenWithIAM', 'success', '-', '976710cc5d-9d97', '2026-07-01T00:08:19.000Z'],
  'aidansteele_sso_GetRoleCredentials_serviceEventDetails.json': ['portal', 'GetRoleCredentials', 'unknown', '-', '976710cc5d-9d97', '2026-07-01T00:08:20.000Z'],
  'aidansteele_sso_ListAccountRoles_serviceEventDetails.json': ['portal', 'ListAccountRoles', 'unknown', '-', '976710cc5d-9d97', '2026-07-01T00:08:19.000Z'],
  'aidansteele_sso_ListAccounts_IdentityCenterUser.json': ['portal', 'ListAccounts', 'unknown', '-', '976710cc5d-9d97', '2026-07-01T00:08:19.000Z'],
  'aidansteele_sts_AssumeRoleWithSAML_AWSReservedSSO_role.json': ['other', 'AssumeRoleWithSAML', 'success', 'aidan.steele@glassechidna.com.au', '-', '2026-07-01T00:08:20.000Z'],
  'awsdocs-current_identitystore-scim_CreateGroup_ConflictException_duplicate_displayname.json': ['scim', 'CreateGroup', 'failure', '-', '-', '-'],
  'awsdocs-current_identitystore-scim_CreateUser_success.json': ['scim', 'CreateUser', 'success', '-', '-', '-'],
  'awsdocs-current_identitystore-scim_PatchGroup_ValidationException_missing_path.json': ['scim', 'PatchGroup', 'failure', '-', '-', '-'],
  'awsdocs-current_identitystore-scim_PatchUser_ValidationException_emails_limit.json': ['scim', 'PatchUser', 'failure', '-', '-', '-'],
  'awsdocs-current_signin_CredentialChallenge_failed-flow_Unknown_trailing-comma.json': ['sign-in', 'CredentialChallenge', 'success', 'bobsmith@example.com', '-', '2020-12-08T18:56:15.000Z'],
  'awsdocs-current_signin_CredentialChallenge_password_IdentityCenterUser_UserName.json': ['sign-in', 'CredentialChallenge', 'success', 'bobsmith@example.com', '94d00cd8-e9e6', '2020-12-07T20:33:58.000Z'],
  'awsdocs-current_signin_CredentialVerification_FAILURE_trailing-comma.json': ['sign-in', 'CredentialVerification', 'failure', '-', '-', '2020-12-08T18:56:21.000Z'],
  'awsdocs-current_sso_oidc_CreateToken_IdentityCenterUser.json': ['portal', 'CreateToken', 'success', '-', '94d00cd8-e9e6', '2020-06-16T01:31:15.000Z'],
  'awsdocs-transfer-webapp_signin_CredentialVerification_AWSServiceEvent-casing.json': ['sign-in', 'CredentialVerification', 'success', 'demo-user-2', 'f12bb510-a011', '2025-08-08T15:29:30.000Z'],
  'awsdocs-transfer-webapp_signin_UserAuthentication_success.json': ['sign-in', 'UserAuthentication', 'success', 'demo-user-2', 'f12bb510-a011', '2025-08-07T14:09:07.000Z'],
  'awsdocs_signin_CredentialChallenge_password_legacy-userIdentity.json': ['sign-in', 'CredentialChallenge', 'success', 'user1', '-', '2020-12-07T20:33:58.000Z'],
  'awsdocs_signin_CredentialChallenge_totp.json': ['sign-in', 'CredentialChallenge', 'success', 'user1', '-', '2020-12-08T20:40:20.000Z'],
  'awsdocs_signin_CredentialVerification_password_FAILURE.json': ['sign-in', 'CredentialVerification', 'failure', 'user1', '-', '2020-12-08T18:56:21.000Z'],
  'awsdocs_signin_CredentialVerification_password_success.json': ['sign-in', 'CredentialVerification', 'success', 'user1', '-', '2020-12-07T20:34:09.000Z'],
  'awsdocs_signin_CredentialVerification_totp_success.json': ['sign-in', 'CredentialVerification', 'success', 'user1', '-', '2020-12-08T20:40:27.000Z'],
  'awsdocs_signin_UserAuthentication_external_idp_success.json': ['sign-in', 'UserAuthentication', 'success', 'user1', '-', '2020-12-07T20:34:09.000Z'],
  'awsdocs_signin_UserAuthentication_mfa_device_enrollment_required.json': ['sign-in', 'UserAuthentication', 'success', 'user1', '-', '2020-12-09T01:24:14.000Z'],
  'awsdocs_signin_UserAuthentication_password_only_success.json': ['sign-in', 'UserAuthentication', 'success', 'user1', '-', '2020-12-07T20:34:09.000Z'],
  'awsdocs_signin_UserAuthentication_password_plus_totp.json': ['sign-in', 'UserAuthentication', 'success', 'user1', '-', '2020-12-08T20:40:27.000Z'],
  'awsdocs_sso_oidc_CreateToken_device_code_legacy-userIdentity.json': ['portal', 'CreateToken', 'success', 'bobsmith@example.com', '-', '2020-06-16T01:31:15.000Z'],
  'panther_signin_ConsoleLogin_via_AWSReservedSSO_role.json': ['console-login', 'ConsoleLogin', 'success', 'foo@bar.com', '-', '2022-03-16T19:17:41.000Z'],
  'panther_signin_ExternalIdPDirectoryLogin_FAILURE_not_valid_response.json': ['external-idp', 'ExternalIdPDirectoryLogin', 'failure', '-', '-', '-'],
  'panther_sso_Authenticate_minimal.json': ['portal', 'Authenticate', 'unknown', '-', '-', '2024-06-03T15:23:22.000Z'],
  'panther_sso_CreateToken_device_code_placeholders.json': ['portal', 'CreateToken', 'unknown', '-', '-', '-'],
  'panther_sso_ListApplications_cli_prompt_placeholders.json': ['portal', 'ListApplications', 'unknown', '-', '-', '-'],
};

/** Files in the S3 log-file form: several records. */
const WRAPPED: Record<string, [string, string, string]> = {
  'awsdocs-current_sso_ListApplications_portal_IdentityCenterUser_Records-wrapper.json': ['ListApplications', '-', '94d00cd8-e9e6'],
  'awsdocs_sso_DescribePermissionsPolicies_admin_console_Records-wrapper.json': ['DescribePermissionsPolicies', 'samadams', '-'],
  'awsdocs_sso_portal_appinstances_url-as-eventName_Records-wrapper.json': ['https://portal.sso.us-east-1.amazonaws.com/instance/appinstances', 'bobsmith@example.com', '-'],
};

/** Not readable as records: the parser must say so, never throw. */
const UNREADABLE = [
  'awsdocs_scim_CreateUser_error_fragment_list_attributes_single_item.txt',
  'awsdocs_workspaces_smartcard_CredentialVerification_FAILURE_not-IdC_malformed-json.json',
];

describe('parseTrailText on every real record shape', () => {
  it('covers every fixture file', () => {
    expect(readdirSync(dir).sort()).toEqual([...Object.keys(EXPECTED), ...Object.keys(WRAPPED), ...UNREADABLE].sort());
  });

  it.each(Object.entries(EXPECTED))('%s', (file, [category, name, outcome, userName, userId, time]) => {
    const { events, problems } = parseTrailText(read(file));
    expect(problems).toEqual([]);
    expect(events).toHaveLength(1);
    const e = events[0]!;
    expect([e.category, e.name, e.outcome, e.userName ?? '-', e.userId?.slice(0, userId.length) ?? '-', e.time?.toISOString() ?? '-']).toEqual([
      category,
      name,
      outcome,
      userName,
      userId,
      time,
    ]);
  });

  it.each(Object.entries(WRAPPED))('unwraps the Records wrapper in %s', (file, [name, userName, userId]) => {
    const { events, problems } = parseTrailText(read(file));
    expect(problems).toEqual([]);
    expect(events.map((e) => [e.name, e.userName ?? '-', e.userId?.slice(0, userId.length) ?? '-'])).toEqual([[name, userName, userId]]);
  });

  it.each(UNREADABLE)('reports %s as unreadable instead of throwing', (file) => {
    const { events, problems } = parseTrailText(read(file));
    expect(events).toEqual([]);
    expect(problems[0]).toMatch(/^not valid JSON/);
  });

  it('keeps error code and message, credential types, string booleans and workflow ids', () => {
    const scim = parseTrailText(read('awsdocs-current_identitystore-scim_PatchUser_ValidationException_emails_limit.json')).events[0]!;
    expect([scim.errorCode, scim.errorMessage]).toEqual(['ValidationException', 'List attribute emails exceeds allowed limit of 1']);
    const enrol = parseTrailText(read('awsdocs_signin_UserAuthentication_mfa_device_enrollment_required.json')).events[0]!;
    expect(enrol.mfaEnrollmentRequired).toBe(true);
    expect(enrol.workflowId).toBe('76d8a26d-ad9c-41a4-90c3-d607cdd7155c');
    const totp = parseTrailText(read('awsdocs_signin_UserAuthentication_password_plus_totp.json')).events[0]!;
    expect([totp.credentialType, totp.mfaEnrollmentRequired]).toEqual(['PASSWORD,TOTP', false]);
    const idp = parseTrailText(read('panther_signin_ExternalIdPDirectoryLogin_FAILURE_not_valid_response.json')).events[0]!;
    expect(idp.errorMessage).toMatch(/^Not a valid response for the provided request id/);
    expect(idp.errorCode).toBeUndefined();
    const created = parseTrailText(read('awsdocs-current_identitystore-scim_CreateUser_success.json')).events[0]!;
    expect(created.targetId).toBe('c4488478-a0e1-700e-3d75-96c6bb641596');
  });

  it('reads serviceEventDetails given as a JSON string (as LookupEvents may return it)', () => {
    const e = parseTrailRecord({ eventName: 'CredentialVerification', eventSource: 'signin.amazonaws.com', serviceEventDetails: '{"CredentialVerification":"Failure"}' });
    expect(e?.outcome).toBe('failure');
    expect(parseTrailRecord({ eventName: 'UserAuthentication', eventSource: 'signin.amazonaws.com', serviceEventDetails: '{not json' })?.outcome).toBe('unknown');
  });

  it('uses the LookupEvents EventTime when the record has none or a placeholder', () => {
    const at = new Date('2025-01-02T03:04:05Z');
    const { events } = parseTrailText(read('panther_signin_ExternalIdPDirectoryLogin_FAILURE_not_valid_response.json'), at);
    expect(events[0]!.time).toEqual(at);
  });

  it('rejects non-records and odd inputs without throwing', () => {
    expect(parseTrailText('[1, "x", {"eventName": "A"}]').problems).toHaveLength(3);
    expect(parseTrailText('').problems[0]).toMatch(/not valid JSON/);
    expect(parseTrailText('\u0000\u0001binary').problems[0]).toMatch(/not valid JSON/);
    expect(parseTrailRecord(null)).toBeUndefined();
  });
});

describe('small parsers', () => {
  it('drops trailing commas outside strings only', () => {
    expect(parseLenientJson('{"a": [1, 2,], "b": "x,}",}')).toEqual({ a: [1, 2], b: 'x,}' });
    expect(parseLenientJson('{"a": "say \\"hi\\",]"}')).toEqual({ a: 'say "hi",]' });
    expect(() => parseLenientJson('{"a": 1 "b": 2}')).toThrow();
  });

  it.each([
    ['2020-12-08T18:56:21Z', '2020-12-08T18:56:21.000Z'],
    ['2024-06-03 15:23:22.000000000', '2024-06-03T15:23:22.000Z'],
    ['2022-03-16 19:17:41', '2022-03-16T19:17:41.000Z'],
    ['2020-12-08T18:56:21+02:00', '2020-12-08T16:56:21.000Z'],
    ['xxxx', '-'],
    ['redacted', '-'],
    ['...', '-'],
    ['Oct 10, 2024, 1:23:45 PM', '-'],
  ])('parses the event time %s', (input, expected) => {
    expect(parseEventTime(input)?.toISOString() ?? '-').toBe(expected);
  });

  it('reads string booleans', () => {
    expect([asBool('true'), asBool('True'), asBool(true), asBool('false'), asBool('yes'), asBool(undefined)]).toEqual([true, true, true, false, false, false]);
  });
});
