import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTrailText, type TrailEvent } from '../../../src/checks/aws/parse-trail-record';
import { eventsForSubject, MAX_STORY_LINES, storyLines, trailFindings } from '../../../src/checks/aws/summarise-trail';
import { fixturesDir } from '../../helpers/builders';

const load = (...files: string[]): TrailEvent[] =>
  files.flatMap((f) => parseTrailText(readFileSync(join(fixturesDir, 'cloudtrail', f), 'utf8')).events);

const codes = (events: TrailEvent[], extra: Partial<Parameters<typeof trailFindings>[1]> = {}) =>
  trailFindings(events, { subject: 'x', days: 7, ...extra }).map((f) => `${f.code}:${f.severity}:${f.article ?? '-'}`);

describe('eventsForSubject', () => {
  const all = load(
    'awsdocs-current_signin_CredentialChallenge_failed-flow_Unknown_trailing-comma.json',
    'awsdocs-current_signin_CredentialVerification_FAILURE_trailing-comma.json',
    'awsdocs_signin_CredentialVerification_password_success.json',
    'awsdocs-transfer-webapp_signin_UserAuthentication_success.json',
    'awsdocs-current_sso_oidc_CreateToken_IdentityCenterUser.json',
  );

  it('ties a failed step that names nobody to its user through the sign-in workflow id', () => {
    const mine = eventsForSubject(all, { names: ['BobSmith@example.com'], userIds: [] });
    expect(mine.map((e) => `${e.name}:${e.outcome}`)).toEqual(['CredentialChallenge:success', 'CredentialVerification:failure']);
  });

  it('matches by Identity Store user id, and finds nothing for a stranger', () => {
    expect(eventsForSubject(all, { names: [], userIds: ['f12bb510-a011-702f-10dd-5607e2776dbc'] }).map((e) => e.name)).toEqual(['UserAuthentication']);
    expect(eventsForSubject(all, { names: ['mallory@example.com'], userIds: ['nope'] })).toEqual([]);
  });
});

describe('storyLines', () => {
  it('tells the last sign-ins newest first, one line per attempt, with times and source addresses', () => {
    const events = load(
      'awsdocs_signin_CredentialChallenge_password_legacy-userIdentity.json',
      'awsdocs_signin_CredentialVerification_password_success.json',
      'awsdocs_signin_UserAuthentication_password_only_success.json',
      'awsdocs_signin_CredentialVerification_password_FAILURE.json',
      'awsdocs_signin_UserAuthentication_mfa_device_enrollment_required.json',
      'awsdocs_sso_oidc_CreateToken_device_code_legacy-userIdentity.json',
    );
    expect(storyLines(events)).toEqual([
      '2020-12-09 01:24 UTC  signed in (PASSWORD), had to register an MFA device  from 203.0.113.0',
      '2020-12-08 18:56 UTC  sign-in failed: password rejected (CredentialVerification)  from 203.0.113.0',
      '2020-12-07 20:33 UTC  signed in (PASSWORD)  from 203.0.113.0',
    ]);
  });

  it('includes external IdP, SCIM and console events and stays short', () => {
    const events = load(
      'panther_signin_ExternalIdPDirectoryLogin_FAILURE_not_valid_response.json',
      'awsdocs-current_identitystore-scim_PatchUser_ValidationException_emails_limit.json',
      'panther_signin_ConsoleLogin_via_AWSReservedSSO_role.json',
    );
    const lines = storyLines(events);
    expect(lines[0]).toBe('2022-03-16 19:17 UTC  opened an account console through a permission set (ConsoleLogin)  from 1.2.3.4');
    expect(lines).toContain('time unknown  external IdP sign-in failed: Not a valid response for the provided request id: aws_ccV60redacted  from redacted');
    expect(lines).toContain('time unknown  SCIM PatchUser failed: ValidationException: List attribute emails exceeds allowed limit of 1  from xxx.xxx.xxx.xxx');
    const many = Array.from({ length: 30 }, (_, i) => ({ ...events[0]!, id: `e${i}` }));
    expect(storyLines(many)).toHaveLength(MAX_STORY_LINES);
  });
});

describe('trailFindings', () => {
  it('turns failures into findings linked to their articles', () => {
    expect(
      codes(
        load(
          'panther_signin_ExternalIdPDirectoryLogin_FAILURE_not_valid_response.json',
          'awsdocs_signin_CredentialVerification_password_FAILURE.json',
          'awsdocs_signin_UserAuthentication_mfa_device_enrollment_required.json',
          'awsdocs-current_identitystore-scim_PatchUser_ValidationException_emails_limit.json',
          'awsdocs-current_identitystore-scim_CreateGroup_ConflictException_duplicate_displayname.json',
        ),
      ),
    ).toEqual([
      'external-idp-login-failed:error:external-idp-unexpected-error',
      'credential-verification-failed:warning:-',
      'mfa-enrollment-required:info:-',
      'scim-duplicate-conflict:error:scim-duplicate-conflict',
      'scim-provisioning-error:error:scim-sync-user-fails',
    ]);
  });

  it('tells authenticator code failures apart from password failures', () => {
    const [totp] = load('awsdocs_signin_CredentialVerification_totp_success.json');
    expect(codes([{ ...totp!, outcome: 'failure' }])).toEqual(['totp-verification-failed:warning:totp-unexpected-error']);
  });

  it('reports failed password resets, and says InternalFailure is for AWS Support', () => {
    const reset: TrailEvent = { source: 'sso-directory.amazonaws.com', name: 'UpdatePassword', category: 'password-reset', outcome: 'failure', errorCode: 'InternalFailure', errorMessage: 'An unknown error occurred', mfaEnrollmentRequired: false };
    const [f] = trailFindings([reset], { subject: 'x', days: 7 });
    expect(f).toMatchObject({ code: 'password-reset-failed', article: 'directory-password-reset', severity: 'error' });
    expect(f!.detail).toMatch(/InternalFailure: An unknown error occurred.*AWS Support/);
  });

  it('reports SCIM failures CloudTrail does not tie to a user, and says when there is nothing', () => {
    const loose = load('awsdocs-current_identitystore-scim_PatchUser_ValidationException_emails_limit.json');
    const found = trailFindings([], { subject: 'new@example.com', days: 7, unattributedScim: [...loose, ...loose] });
    expect(found.map((f) => f.code)).toEqual(['scim-provisioning-error', 'no-sign-in-events']);
    expect(found[0]!.detail).toMatch(/2 SCIM requests failed in the last 7 days.*emails exceeds allowed limit of 1 \(×2\)/);
    expect(found[1]!.detail).toBe('No sign-in, SCIM or password events for new@example.com in the last 7 days.');
  });
});
