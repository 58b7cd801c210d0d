/**
 * The IAM actions the CloudTrail watcher calls (WATCH_CHANNEL): the trail, names for what it
 * reports, assignment scans for recreated principals, and provisioning status. docs/iam-policy.json
 * grants exactly these and the live checks' (`LIVE_CHECKS[].iamActions`).
 */
export const WATCH_IAM_ACTIONS: readonly string[] = [
  'cloudtrail:LookupEvents',
  'identitystore:DescribeUser',
  'identitystore:DescribeGroup',
  'sso:DescribePermissionSet',
  'sso:ListPermissionSets',
  'sso:ListAccountsForProvisionedPermissionSet',
  'sso:ListAccountAssignments',
  'sso:DescribeAccountAssignmentCreationStatus',
  'sso:DescribeAccountAssignmentDeletionStatus',
  'sso:DescribePermissionSetProvisioningStatus',
];
