import {
  DescribeAccountAssignmentCreationStatusCommand,
  DescribeAccountAssignmentDeletionStatusCommand,
  DescribePermissionSetProvisioningStatusCommand,
  type SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import type { WatchAlert } from '../../core/watch/watch-alert';
import { callAws, type AwsCallMetrics } from './call-aws';
import type { PrincipalNames } from './watch-findings';
import type { WatchTrailEvent } from './watch-trail-reader';

/** Asynchronous requests whose status one pass reads at most (one Describe call each). */
const MAX_REQUESTS = 20;

export interface ProvisioningStatusDeps {
  client: SSOAdminClient;
  instanceArn: string;
  timeoutMs: number;
  names: PrincipalNames;
  metrics?: AwsCallMetrics;
}

interface Status {
  status?: string;
  reason?: string;
  permissionSetArn?: string;
  accountId?: string;
}

function describe(deps: ProvisioningStatusDeps, kind: NonNullable<WatchTrailEvent['asyncRequest']>['kind'], requestId: string): Promise<Status> {
  const { client, instanceArn, timeoutMs, metrics } = deps;
  switch (kind) {
    case 'assignment-creation':
      return callAws('sso:DescribeAccountAssignmentCreationStatus', timeoutMs, async (abortSignal) => {
        const s = (await client.send(new DescribeAccountAssignmentCreationStatusCommand({ InstanceArn: instanceArn, AccountAssignmentCreationRequestId: requestId }), { abortSignal })).AccountAssignmentCreationStatus;
        return { status: s?.Status, reason: s?.FailureReason, permissionSetArn: s?.PermissionSetArn, accountId: s?.TargetId };
      }, metrics);
    case 'assignment-deletion':
      return callAws('sso:DescribeAccountAssignmentDeletionStatus', timeoutMs, async (abortSignal) => {
        const s = (await client.send(new DescribeAccountAssignmentDeletionStatusCommand({ InstanceArn: instanceArn, AccountAssignmentDeletionRequestId: requestId }), { abortSignal })).AccountAssignmentDeletionStatus;
        return { status: s?.Status, reason: s?.FailureReason, permissionSetArn: s?.PermissionSetArn, accountId: s?.TargetId };
      }, metrics);
    case 'provisioning':
      return callAws('sso:DescribePermissionSetProvisioningStatus', timeoutMs, async (abortSignal) => {
        const s = (await client.send(new DescribePermissionSetProvisioningStatusCommand({ InstanceArn: instanceArn, ProvisionPermissionSetRequestId: requestId }), { abortSignal })).PermissionSetProvisioningStatus;
        return { status: s?.Status, reason: s?.FailureReason, permissionSetArn: s?.PermissionSetArn, accountId: s?.AccountId };
      }, metrics);
  }
}

const CALL = { 'assignment-creation': 'CreateAccountAssignment', 'assignment-deletion': 'DeleteAccountAssignment', provisioning: 'ProvisionPermissionSet' } as const;

/**
 * `provisioning-failure` for requests CloudTrail records as accepted: account assignments and
 * permission set provisioning run asynchronously, so their failure is only in the request's status
 * (read once, when the watcher first sees the call; a request still in progress then is not followed up).
 */
export async function asyncProvisioningFailures(events: readonly WatchTrailEvent[], deps: ProvisioningStatusDeps, now: Date): Promise<WatchAlert[]> {
  const requests = events
    .filter((e) => e.asyncRequest)
    .sort((a, b) => (a.time?.getTime() ?? 0) - (b.time?.getTime() ?? 0))
    .slice(0, MAX_REQUESTS);
  const alerts: WatchAlert[] = [];
  for (const e of requests) {
    const { kind, requestId } = e.asyncRequest!;
    const status = await describe(deps, kind, requestId).catch(() => undefined);
    if (status?.status !== 'FAILED') continue;
    const setArn = status.permissionSetArn ?? e.permissionSetArn;
    const account = status.accountId ?? e.accountId;
    const set = setArn ? ((await deps.names.permissionSet(setArn)) ?? setArn) : undefined;
    alerts.push({
      kind: 'provisioning-failure',
      key: `provisioning-failure:${requestId}`,
      subject: [set && `permission set ${set}`, account && `account ${account}`].filter(Boolean).join(', ') || CALL[kind],
      article: kind === 'provisioning' ? 'permission-set-provisioning-failed' : 'account-assignment-failed',
      count: 1,
      first: e.time ?? now,
      last: e.time ?? now,
      detail: `${CALL[kind]} was accepted and then failed (request ${requestId}): ${(status.reason ?? 'no reason given').replace(/\.+$/, '')}.`,
    });
  }
  return alerts;
}
