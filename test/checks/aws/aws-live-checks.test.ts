import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAwsLiveChecks, type AwsClients } from '../../../src/checks/aws/create-aws-live-checks';
import type { AwsConfig } from '../../../src/config/load-config';
import { TokenBucket } from '../../../src/checks/aws/token-bucket';
import type { CheckReport } from '../../../src/core/checks/checks';
import { fixturesDir } from '../../helpers/builders';
import { Seeder, STORE_ID, testClients } from '../../helpers/aws-seed';
import { awsError, lookupEventsHandler, startFakeAws, storedEvent, type FakeAws, type StoredEvent } from '../../helpers/fake-aws-json';
import { describeMoto, startMoto, type Moto } from '../../helpers/moto';

const fixture = (f: string) => readFileSync(join(fixturesDir, 'cloudtrail', f), 'utf8');

/** Real fixture records, re-addressed to a seeded user (as CloudTrail would log them for her). */
function recordsFor(userName: string): StoredEvent[] {
  return [
    'awsdocs_signin_CredentialChallenge_password_legacy-userIdentity.json',
    'awsdocs_signin_CredentialVerification_password_FAILURE.json',
    'awsdocs_signin_UserAuthentication_mfa_device_enrollment_required.json',
  ].map((f) => storedEvent(fixture(f).replace(/"userName":"user1"/, `"userName":"${userName}"`)));
}

const scimFailures = [
  storedEvent(fixture('awsdocs-current_identitystore-scim_PatchUser_ValidationException_emails_limit.json')),
  storedEvent(fixture('awsdocs-current_identitystore-scim_CreateGroup_ConflictException_duplicate_displayname.json')),
];

const codes = (r: CheckReport) => r.findings.map((f) => f.code);

/** The CloudTrail rate limit has its own test; here it would only slow the suite down. */
let clients: AwsClients;
const checks = (config: AwsConfig) => createAwsLiveChecks(config, clients, { trailBucket: new TokenBucket({ ratePerSecond: 1_000, burst: 100 }) });

describeMoto('AwsLiveChecks on moto (Identity Store, sso-admin) and a loopback CloudTrail', () => {
  let moto: Moto;
  let trail: FakeAws;
  let seed: Seeder;
  let instance: { instanceArn: string; accountId: string };
  const config = (over: Partial<AwsConfig> = {}): AwsConfig => ({
    region: 'us-east-1',
    identityStoreId: STORE_ID,
    instanceArn: instance.instanceArn,
    callTimeoutMs: 2_000,
    trailDays: 7,
    ...over,
  });

  beforeAll(async () => {
    [moto, trail] = await Promise.all([startMoto(), startFakeAws(lookupEventsHandler([]))]);
    clients = testClients(moto.url, trail.url);
    seed = new Seeder(clients);
    instance = await seed.instance();
  });
  afterAll(async () => {
    await Promise.all([moto?.stop(), trail?.close()]);
  });
  beforeEach(() => {
    trail.handler = lookupEventsHandler([]);
    trail.requests.length = 0;
  });

  it('check user: finds by user name, reads groups, flags multi-valued attributes and primary groups, and tells the sign-in story', async () => {
    const alice = await seed.user({
      UserName: 'alice@example.com',
      Emails: [{ Value: 'alice@example.com', Primary: true }, { Value: 'alice@home.example' }],
      PhoneNumbers: [{ Value: '+1 555 0100' }, { Value: '+1 555 0101' }],
    });
    await seed.group('Domain Users', [alice]);
    await seed.group('Engineers', [alice]);
    trail.handler = lookupEventsHandler(recordsFor('alice@example.com'));
    const report = await checks(config({ identitySource: 'active-directory' })).checkUser('alice@example.com');
    expect(report).toMatchObject({ check: 'user', subject: 'alice@example.com', found: true, personalData: true });
    expect(codes(report)).toEqual(['user-found', 'multi-valued-attribute', 'primary-group-membership', 'credential-verification-failed', 'mfa-enrollment-required']);
    expect(report.findings[0]!.detail).toBe(`Found by user name: user name "alice@example.com", id ${alice}, 2 groups.`);
    expect(report.findings[1]!.detail).toMatch(/^2 e-mails, 2 phone numbers\./);
    expect(report.findings[2]).toMatchObject({ article: 'ad-domain-users-group', severity: 'warning' });
    expect(report.lines).toEqual([
      '2020-12-09 01:24 UTC  signed in (PASSWORD), had to register an MFA device  from 203.0.113.0',
      '2020-12-08 18:56 UTC  sign-in failed: password rejected (CredentialVerification)  from 203.0.113.0',
      '2020-12-07 20:33 UTC  sign-in started (PASSWORD), not completed in these events  from 203.0.113.0',
    ]);
    const attrs = trail.requests.map((r) => (r.body.LookupAttributes as Array<{ AttributeKey: string; AttributeValue: string }>)[0]);
    expect(attrs).toEqual(
      expect.arrayContaining([
        { AttributeKey: 'Username', AttributeValue: 'alice@example.com' },
        { AttributeKey: 'EventSource', AttributeValue: 'signin.amazonaws.com' },
        { AttributeKey: 'EventSource', AttributeValue: 'identitystore-scim.amazonaws.com' },
        { AttributeKey: 'EventName', AttributeValue: 'UpdatePassword' },
      ]),
    );
  });

  it('check user: falls back to the e-mail, and flags a user name that is not an e-mail for an external IdP', async () => {
    const id = await seed.user({ UserName: 'dave.jones', Emails: [{ Value: 'dave@example.com', Primary: true }] });
    const report = await checks(config({ identitySource: 'external-idp' })).checkUser('dave@example.com');
    expect(report.found).toBe(true);
    expect(report.findings[0]!.detail).toMatch(new RegExp(`^Found by e-mail: user name "dave.jones", id ${id}`));
    expect(report.findings.find((f) => f.code === 'username-not-email')).toMatchObject({ severity: 'warning', article: 'external-idp-unexpected-error' });
    expect(codes(report)).toContain('no-sign-in-events');
  });

  it('check user: flags user names that break password reset', async () => {
    await seed.user({ UserName: "o'brien.surname-with-a-very-long-naming-convention.givenname@example.com" });
    const report = await checks(config({ identitySource: 'identity-center' })).checkUser("o'brien.surname-with-a-very-long-naming-convention.givenname@example.com");
    expect(report.findings.find((f) => f.code === 'username-breaks-password-reset')).toMatchObject({ article: 'directory-password-reset', severity: 'warning' });
  });

  it('check user: a missing user is user-not-found (no just-in-time creation), with SCIM failures of the window', async () => {
    trail.handler = lookupEventsHandler(scimFailures);
    const report = await checks(config()).checkUser('newhire@example.com');
    expect(report).toMatchObject({ found: false, personalData: false });
    expect(codes(report)).toEqual(['user-not-found', 'scim-provisioning-error', 'no-sign-in-events']);
    expect(report.findings[0]).toMatchObject({ article: 'invalid-mfa-credentials', severity: 'error' });
    expect(report.findings[0]!.detail).toMatch(/creates no users just in time/);
    expect(report.findings[1]!.detail).toMatch(/2 SCIM requests failed.*emails exceeds allowed limit of 1.*Duplicate GroupDisplayName/);
  });

  it('check assignments: finds the assignment left behind by a deleted and re-created user, with the exact fix', async () => {
    const old = await seed.user({ UserName: 'carol@example.com' });
    const psArn = await seed.assign(instance.instanceArn, instance.accountId, 'CarolAdmin', 'USER', old);
    await seed.deleteUser(old);
    const fresh = await seed.user({ UserName: 'carol@example.com' });
    const report = await checks(config()).checkAssignments('carol@example.com');
    expect(report.found).toBe(true);
    const stale = report.findings.filter((f) => f.code === 'stale-assignment');
    expect(stale).toHaveLength(1);
    expect(stale[0]).toMatchObject({ severity: 'error', article: 'stale-principal-after-recreate' });
    expect(stale[0]!.detail).toContain(`Account ${instance.accountId}, permission set "CarolAdmin" (${psArn}) is assigned to user id ${old}, which no longer exists in ${STORE_ID}.`);
    const args = `--instance-arn ${instance.instanceArn} --target-id ${instance.accountId} --target-type AWS_ACCOUNT --permission-set-arn ${psArn} --principal-type USER`;
    expect(stale[0]!.fix).toContain(`aws sso-admin delete-account-assignment ${args} --principal-id ${old}`);
    expect(stale[0]!.fix).toContain(`aws sso-admin create-account-assignment ${args} --principal-id ${fresh}`);
    expect(report.lines).toEqual(['No account assignment for this user (group assignments of a user are not listed).']);

    // check user points at the same problem without the full scan output.
    const user = await checks(config()).checkUser('carol@example.com');
    expect(user.findings.find((f) => f.code === 'stale-assignment')?.detail).toMatch(/run "check assignments carol@example.com"/);
  });

  it('check assignments: lists a live group’s assignments, flags a primary group, and explains a missing instance ARN', async () => {
    const group = await seed.group('Domain Guests');
    await seed.assign(instance.instanceArn, instance.accountId, 'GuestRead', 'GROUP', group);
    const report = await checks(config()).checkAssignments('Domain Guests');
    expect(report.found).toBe(true);
    expect(report.lines).toEqual([`account ${instance.accountId} · GuestRead`]);
    expect(codes(report)).toContain('primary-group-membership');
    const noArn = await checks(config({ instanceArn: undefined })).checkAssignments('Domain Guests');
    expect(noArn.findings).toEqual([expect.objectContaining({ code: 'check-unavailable', detail: expect.stringMatching(/IDC_INSTANCE_ARN is not set/) })]);
  });

  it('trail: tells the story for a user name CloudTrail knows even when the Identity Store does not', async () => {
    trail.handler = lookupEventsHandler(recordsFor('gone@example.com'));
    const report = await checks(config()).trail('gone@example.com');
    expect(report).toMatchObject({ check: 'trail', found: true, personalData: true });
    expect(report.lines).toHaveLength(3);
  });

  it('CloudTrail AccessDenied becomes a check-unavailable line, and the Identity Store part still answers', async () => {
    await seed.user({ UserName: 'erin@example.com' });
    trail.handler = () => awsError('AccessDeniedException', 'not authorized to perform: cloudtrail:LookupEvents');
    const report = await checks(config()).checkUser('erin@example.com');
    expect(report.found).toBe(true);
    const unavailable = report.findings.filter((f) => f.code === 'check-unavailable');
    expect(unavailable).toHaveLength(1);
    expect(unavailable[0]!.detail).toMatch(/may not call cloudtrail:LookupEvents \(AccessDeniedException\).*docs\/iam-policy.json/);
    expect(codes(report)).not.toContain('no-sign-in-events');
  });
});

describe('AwsLiveChecks when the Identity Store fails (loopback fake)', () => {
  let ids: FakeAws;
  let trail: FakeAws;
  const config: AwsConfig = { region: 'us-east-1', identityStoreId: STORE_ID, callTimeoutMs: 400, trailDays: 7 };

  beforeAll(async () => {
    [ids, trail] = await Promise.all([startFakeAws(() => ({ body: {} })), startFakeAws(lookupEventsHandler([]))]);
    clients = testClients(ids.url, trail.url);
  });
  afterAll(() => Promise.all([ids.close(), trail.close()]));

  it.each([
    ['AccessDenied', () => awsError('AccessDeniedException', 'User is not authorized to perform: identitystore:GetUserId'), /may not call identitystore:GetUserId.*Allow identitystore:GetUserId/],
    ['throttling', () => awsError('ThrottlingException', 'Rate exceeded'), /AWS throttled identitystore:GetUserId/],
    ['a slow endpoint', () => ({ body: {}, delayMs: 3_000 }), /identitystore:GetUserId did not answer within 400 ms/],
  ])('%s: says which action failed, claims nothing about the user, and still answers in time', async (_name, reply, line) => {
    ids.handler = reply;
    const started = Date.now();
    const report = await checks(config).checkUser('alice@example.com');
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(report.found).toBe(false);
    expect(codes(report)).not.toContain('user-not-found');
    expect(report.findings.find((f) => f.code === 'check-unavailable')?.detail).toMatch(line);
  });
});
