import { createAwsLiveChecks, type AwsClients } from '../../../src/checks/aws/create-aws-live-checks';
import { TokenBucket } from '../../../src/checks/aws/token-bucket';
import { LIVE_CHECKS, type LiveCheckName } from '../../../src/core/checks/live-check-registry';
import { runOn } from '../../../src/core/checks/checks';
import { Seeder, STORE_ID, testClients } from '../../helpers/aws-seed';
import { lookupEventsHandler, startFakeAws, type FakeAws } from '../../helpers/fake-aws-json';
import { describeMoto, startMoto, type Moto } from '../../helpers/moto';

/** IAM service prefix of each client. */
const PREFIX: Record<keyof AwsClients, string> = { identitystore: 'identitystore', ssoAdmin: 'sso', cloudtrail: 'cloudtrail' };

/** The part of the SDK's middleware stack used here (the three clients' stacks differ only in their types). */
type Handler = (args: unknown) => Promise<unknown>;
type Stack = { add(middleware: (next: Handler, context: { commandName?: string }) => Handler, options: { step: 'initialize'; name: string }): void };

/** Records every AWS operation the clients send, as the IAM action it needs. */
function recordActions(clients: AwsClients): Set<string> {
  const seen = new Set<string>();
  for (const key of Object.keys(PREFIX) as Array<keyof AwsClients>) {
    (clients[key].middlewareStack as unknown as Stack).add(
      (next, context) => async (args) => {
        seen.add(`${PREFIX[key]}:${String(context.commandName).replace(/Command$/, '')}`);
        return next(args);
      },
      { step: 'initialize', name: 'recordIamAction' },
    );
  }
  return seen;
}

describeMoto('the IAM actions the live-check registry declares are the ones each check calls', () => {
  let moto: Moto;
  let trail: FakeAws;
  let clients: AwsClients;
  let seen: Set<string>;
  let instanceArn: string;

  beforeAll(async () => {
    [moto, trail] = await Promise.all([startMoto(), startFakeAws(lookupEventsHandler([]))]);
    clients = testClients(moto.url, trail.url);
    const seed = new Seeder(clients);
    const instance = await seed.instance();
    instanceArn = instance.instanceArn;
    // A user in a group, both assigned, and an assignment of a deleted user: every part of each check runs.
    const alice = await seed.user({ UserName: 'alice@example.com' });
    const group = await seed.group('Engineers', [alice]);
    await seed.assign(instanceArn, instance.accountId, 'EngRead', 'GROUP', group);
    await seed.assign(instanceArn, instance.accountId, 'AliceAdmin', 'USER', alice);
    const old = await seed.user({ UserName: 'old@example.com' });
    await seed.assign(instanceArn, instance.accountId, 'OldAdmin', 'USER', old);
    await seed.deleteUser(old);
    seen = recordActions(clients);
  });
  afterAll(async () => {
    await Promise.all([moto?.stop(), trail?.close()]);
  });

  it.each(LIVE_CHECKS.map((c) => [c.name]))('"%s" calls exactly the actions it declares', async (name: LiveCheckName) => {
    const live = createAwsLiveChecks(
      { region: 'us-east-1', identityStoreId: STORE_ID, instanceArn, callTimeoutMs: 2_000, trailDays: 7 },
      clients,
      { trailBucket: new TokenBucket({ ratePerSecond: 1_000, burst: 100 }) },
    );
    seen.clear();
    const report = await runOn(live, name, name === 'assignments' ? 'Engineers' : 'alice@example.com');
    expect(report.findings.filter((f) => f.code === 'check-unavailable')).toEqual([]);
    const spec = LIVE_CHECKS.find((c) => c.name === name)!;
    expect([...seen].sort()).toEqual([...new Set<string>(spec.iamActions)].sort());
  });
});
