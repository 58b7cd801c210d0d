import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import {
  CreateGroupCommand,
  CreateGroupMembershipCommand,
  CreateUserCommand,
  DeleteUserCommand,
  IdentitystoreClient,
  type CreateUserCommandInput,
} from '@aws-sdk/client-identitystore';
import {
  CreateAccountAssignmentCommand,
  CreatePermissionSetCommand,
  ListInstancesCommand,
  ProvisionPermissionSetCommand,
  SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import type { AwsClients } from '../../src/checks/aws/create-aws-live-checks';
import { TEST_CREDENTIALS } from './moto';

/** moto accepts any identity store id; this one also passes our config validation. */
export const STORE_ID = 'd-1234567890';

/** Real SDK clients: Identity Store and sso-admin on moto, CloudTrail on a loopback fake. */
export function testClients(motoUrl: string, cloudtrailUrl: string, maxAttempts = 1): AwsClients {
  const common = { region: 'us-east-1', credentials: TEST_CREDENTIALS, maxAttempts };
  return {
    identitystore: new IdentitystoreClient({ ...common, endpoint: motoUrl }),
    ssoAdmin: new SSOAdminClient({ ...common, endpoint: motoUrl }),
    cloudtrail: new CloudTrailClient({ ...common, endpoint: cloudtrailUrl }),
  };
}

type UserSeed = Partial<CreateUserCommandInput> & { UserName: string };

/** Seeds moto through the SDK, as an administrator or SCIM would. */
export class Seeder {
  constructor(private readonly clients: AwsClients) {}

  /** Every user gets an e-mail: moto's GetUserId by emails.value fails (HTTP 500) once any user has none. */
  async user(seed: UserSeed): Promise<string> {
    const email = seed.UserName.includes('@') ? seed.UserName : `${seed.UserName}@example.com`;
    const out = await this.clients.identitystore.send(
      new CreateUserCommand({
        IdentityStoreId: STORE_ID,
        DisplayName: seed.UserName,
        Name: { GivenName: 'Given', FamilyName: 'Family' },
        Emails: [{ Value: email, Primary: true }],
        ...seed,
      }),
    );
    return out.UserId!;
  }

  async deleteUser(userId: string): Promise<void> {
    await this.clients.identitystore.send(new DeleteUserCommand({ IdentityStoreId: STORE_ID, UserId: userId }));
  }

  async group(name: string, memberIds: string[] = []): Promise<string> {
    const { GroupId } = await this.clients.identitystore.send(new CreateGroupCommand({ IdentityStoreId: STORE_ID, DisplayName: name }));
    for (const id of memberIds) {
      await this.clients.identitystore.send(new CreateGroupMembershipCommand({ IdentityStoreId: STORE_ID, GroupId, MemberId: { UserId: id } }));
    }
    return GroupId!;
  }

  /** moto creates one IAM Identity Center instance per account. */
  async instance(): Promise<{ instanceArn: string; accountId: string }> {
    const { Instances } = await this.clients.ssoAdmin.send(new ListInstancesCommand({}));
    return { instanceArn: Instances![0]!.InstanceArn!, accountId: Instances![0]!.OwnerAccountId! };
  }

  /** A permission set provisioned to the account (moto provisions to its own account) and assigned. */
  async assign(instanceArn: string, accountId: string, permissionSetName: string, principalType: 'USER' | 'GROUP', principalId: string): Promise<string> {
    const { PermissionSet } = await this.clients.ssoAdmin.send(new CreatePermissionSetCommand({ InstanceArn: instanceArn, Name: permissionSetName }));
    const arn = PermissionSet!.PermissionSetArn!;
    await this.clients.ssoAdmin.send(new ProvisionPermissionSetCommand({ InstanceArn: instanceArn, PermissionSetArn: arn, TargetType: 'AWS_ACCOUNT', TargetId: accountId }));
    await this.clients.ssoAdmin.send(
      new CreateAccountAssignmentCommand({ InstanceArn: instanceArn, PermissionSetArn: arn, TargetType: 'AWS_ACCOUNT', TargetId: accountId, PrincipalType: principalType, PrincipalId: principalId }),
    );
    return arn;
  }
}

/** Environment for a CLI child process: moto for every service, the loopback fake for CloudTrail (the SDK reads both itself). */
export function awsCliEnv(motoUrl: string, cloudtrailUrl: string, over: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    AWS_REGION: 'us-east-1',
    IDC_IDENTITY_STORE_ID: STORE_ID,
    AWS_ENDPOINT_URL: motoUrl,
    AWS_ENDPOINT_URL_CLOUDTRAIL: cloudtrailUrl,
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    ...over,
  };
}
