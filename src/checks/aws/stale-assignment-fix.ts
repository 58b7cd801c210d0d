import type { Assignment } from './assignment-scanner';

/**
 * The exact fix for an assignment left on a deleted principal: remove it, then assign the
 * re-created user or group (its id when known, else a placeholder to fill in).
 */
export function staleAssignmentFix(instanceArn: string, a: Assignment, permissionSetName: string | undefined, newId: string | undefined): string {
  const kind = a.principalType === 'USER' ? 'user' : 'group';
  const args = `--instance-arn ${instanceArn} --target-id ${a.accountId} --target-type AWS_ACCOUNT --permission-set-arn ${a.permissionSetArn} --principal-type ${a.principalType}`;
  return [
    `# account ${a.accountId}, permission set ${permissionSetName ?? a.permissionSetArn}: remove the deleted ${kind}, then reassign`,
    `aws sso-admin delete-account-assignment ${args} --principal-id ${a.principalId}`,
    `aws sso-admin create-account-assignment ${args} --principal-id ${newId ?? `<id of the re-created ${kind}>`}`,
  ].join('\n');
}
