import { CreateAccountAssignmentCommand, CreatePermissionSetCommand } from '@aws-sdk/client-sso-admin';
import { createAwsWatchSource } from '../../../src/checks/aws/create-aws-live-checks';
import { TokenBucket } from '../../../src/checks/aws/token-bucket';
import { silentLogger } from '../../../src/core/ports/ports';
import { MemoryStore } from '../../../src/core/ports/memory-store';
import { Watcher } from '../../../src/core/watch/watcher';
import { Seeder, STORE_ID, testClients } from '../../helpers/aws-seed';
import { awsError, startFakeAws, type FakeAws } from '../../helpers/fake-aws-json';
import { FakeClock } from '../../helpers/fake-clock';
import { describeMoto, startMoto, type Moto } from '../../helpers/moto';
import { asyncRequestAccepted, trailHandler, type TrailRecord } from '../../helpers/watch-trail';

const INSTANCE = 'arn:aws:sso:::instance/ssoins-1234567890abcdef';
const SET = 'arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-0123456789abcdef';

function passOver(records: () => TrailRecord[], ssoAdminUrl: string, trailUrl: string, clock: FakeClock) {
  const aws = { region: 'us-east-1', identityStoreId: STORE_ID, instanceArn: INSTANCE, callTimeoutMs: 2_000, trailDays: 7 };
  const store = new MemoryStore();
  const clients = { ...testClients(ssoAdminUrl, trailUrl), identitystore: testClients('http://127.0.0.1:9', trailUrl).identitystore };
  return new Watcher({ source: createAwsWatchSource(aws, { bucket: new TokenBucket({ ratePerSecond: 1000, burst: 100 }), deletions: store, signinThreshold: 5 }, clients), store, posters: [], clock, logger: silentLogger, intervalMinutes: 5 });
}

describe('provisioning-failure for accepted asynchronous requests (their status, from sso-admin)', () => {
  let trail: FakeAws;
  let ssoAdmin: FakeAws;
  let records: TrailRecord[] = [];

  beforeAll(async () => {
    [trail, ssoAdmin] = await Promise.all([startFakeAws(trailHandler(() => records)), startFakeAws(() => ({ body: {} }))]);
  });
  afterAll(async () => {
    await Promise.all([trail?.close(), ssoAdmin?.close()]);
  });

  it('reads each request’s status once and reports the failed ones with their reason', async () => {
    const clock = new FakeClock();
    const ago = (m: number) => new Date(clock.now().getTime() - m * 60_000);
    records = [
      asyncRequestAccepted('CreateAccountAssignment', 'req-failed', SET, '111122223333', ago(3)),
      asyncRequestAccepted('CreateAccountAssignment', 'req-ok', SET, '111122223333', ago(2)),
      asyncRequestAccepted('ProvisionPermissionSet', 'req-prov', SET, '444455556666', ago(1)),
    ];
    ssoAdmin.handler = (operation, body) => {
      if (operation === 'DescribePermissionSet') return { body: { PermissionSet: { Name: 'Admins', PermissionSetArn: SET } } };
      if (operation === 'DescribeAccountAssignmentCreationStatus') {
        const failed = body.AccountAssignmentCreationRequestId === 'req-failed';
        return { body: { AccountAssignmentCreationStatus: { RequestId: body.AccountAssignmentCreationRequestId, Status: failed ? 'FAILED' : 'SUCCEEDED', TargetId: '111122223333', PermissionSetArn: SET, ...(failed ? { FailureReason: 'Received a 404 status error: Not supported policy arn:aws:iam::aws:policy/NoSuchPolicy.' } : {}) } } };
      }
      if (operation === 'DescribePermissionSetProvisioningStatus') {
        return { body: { PermissionSetProvisioningStatus: { RequestId: 'req-prov', Status: 'FAILED', AccountId: '444455556666', PermissionSetArn: SET, FailureReason: 'The permission set exceeds the inline policy size limit.' } } };
      }
      return awsError('UnknownOperationException', operation);
    };
    const w = passOver(() => records, ssoAdmin.url, trail.url, clock);
    const pass = await w.runOnce();
    expect(pass.found).toEqual([
      expect.objectContaining({ kind: 'provisioning-failure', subject: 'permission set Admins, account 111122223333', article: 'account-assignment-failed', detail: expect.stringMatching(/CreateAccountAssignment was accepted and then failed \(request req-failed\): Received a 404 status error/) }),
      expect.objectContaining({ kind: 'provisioning-failure', subject: 'permission set Admins, account 444455556666', article: 'permission-set-provisioning-failed', detail: expect.stringMatching(/inline policy size limit/) }),
    ]);
    const describes = () => ssoAdmin.requests.filter((r) => r.operation.endsWith('Status'));
    expect(describes()).toHaveLength(3);
    clock.advance(5);
    expect((await w.runOnce()).found).toEqual([]);
    expect(describes()).toHaveLength(3); // seen requests are not read again
  });

  it('sso-admin failing is no finding and no crash', async () => {
    const clock = new FakeClock();
    records = [asyncRequestAccepted('DeleteAccountAssignment', 'req-x', SET, '111122223333', new Date(clock.now().getTime() - 60_000))];
    ssoAdmin.handler = () => awsError('AccessDeniedException', 'not allowed');
    const pass = await passOver(() => records, ssoAdmin.url, trail.url, clock).runOnce();
    expect(pass).toMatchObject({ outcome: 'quiet', found: [] });
  });
});

describeMoto('an assignment request moto accepted and completed', () => {
  let moto: Moto;
  let trail: FakeAws;
  beforeAll(async () => {
    [moto, trail] = await Promise.all([startMoto(), startFakeAws(() => ({ body: {} }))]);
  });
  afterAll(async () => {
    await Promise.all([moto?.stop(), trail?.close()]);
  });

  it('makes no finding (the status says SUCCEEDED)', async () => {
    const clients = testClients(moto.url, trail.url);
    const { instanceArn, accountId } = await new Seeder(clients).instance();
    const { PermissionSet } = await clients.ssoAdmin.send(new CreatePermissionSetCommand({ InstanceArn: instanceArn, Name: 'Dev' }));
    const out = await clients.ssoAdmin.send(
      new CreateAccountAssignmentCommand({ InstanceArn: instanceArn, PermissionSetArn: PermissionSet!.PermissionSetArn, TargetType: 'AWS_ACCOUNT', TargetId: accountId, PrincipalType: 'USER', PrincipalId: 'u-1' }),
    );
    const requestId = out.AccountAssignmentCreationStatus!.RequestId!;
    const clock = new FakeClock();
    const records = [asyncRequestAccepted('CreateAccountAssignment', requestId, PermissionSet!.PermissionSetArn!, accountId, new Date(clock.now().getTime() - 60_000))];
    trail.handler = trailHandler(() => records);
    const aws = { region: 'us-east-1', identityStoreId: STORE_ID, instanceArn, callTimeoutMs: 2_000, trailDays: 7 };
    const store = new MemoryStore();
    const w = new Watcher({ source: createAwsWatchSource(aws, { bucket: new TokenBucket({ ratePerSecond: 1000, burst: 100 }), deletions: store, signinThreshold: 5 }, clients), store, posters: [], clock, logger: silentLogger, intervalMinutes: 5 });
    const pass = await w.runOnce();
    expect(pass.events.fresh).toBe(1);
    expect(pass).toMatchObject({ outcome: 'quiet', found: [] });
  });
});
