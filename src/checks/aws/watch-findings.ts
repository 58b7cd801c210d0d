import type { WatchAlert } from '../../core/watch/watch-alert';
import type { WatchTrailEvent } from './watch-trail-reader';
import { truncate } from '../../core/text/truncate';

/** Names of Identity Store ids; undefined when the id is gone or cannot be read (never throws). */
export interface PrincipalNames {
  user(id: string): Promise<string | undefined>;
  group(id: string): Promise<string | undefined>;
  permissionSet(arn: string): Promise<string | undefined>;
}

/** Sign-in steps that failed, per user, at or above this count in one pass make a finding. */
export interface SigninRule {
  threshold: number;
}

function span(events: readonly WatchTrailEvent[], fallback: Date): { first: Date; last: Date } {
  const times = events.map((e) => e.time?.getTime()).filter((t): t is number => t !== undefined);
  if (times.length === 0) return { first: fallback, last: fallback };
  return { first: new Date(Math.min(...times)), last: new Date(Math.max(...times)) };
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const i of items) out.set(key(i), [...(out.get(key(i)) ?? []), i]);
  return out;
}

const short = (s: string | undefined, max = 160) => (s ? truncate(s, max) : s);
const reason = (e: WatchTrailEvent) => [e.errorCode, short(e.errorMessage?.replace(/\.+$/, ''))].filter(Boolean).join(': ') || 'Failure';

/**
 * `scim-failure`: SCIM requests IAM Identity Center rejected, one finding per target and error.
 * SCIM records hide names (HIDDEN_DUE_TO_SECURITY_REASONS) but PATCH/PUT/DELETE carry the id,
 * which the Identity Store resolves; a failed create names nobody.
 */
export async function scimFailures(events: readonly WatchTrailEvent[], names: PrincipalNames, now: Date): Promise<WatchAlert[]> {
  const failed = events.filter((e) => e.category === 'scim' && e.outcome === 'failure');
  const alerts: WatchAlert[] = [];
  for (const [key, group] of groupBy(failed, (e) => `${e.targetId ?? `?${e.name}`}|${reason(e)}`)) {
    const e = group[0]!;
    const isGroup = /Group/.test(e.name);
    const kind = isGroup ? 'group' : 'user';
    const name = e.targetId ? await (isGroup ? names.group(e.targetId) : names.user(e.targetId)) : undefined;
    const subject = name ? `${kind} ${name}` : e.targetId ? `${kind} id ${e.targetId}` : `a ${kind} being created (CloudTrail hides the name)`;
    const conflict = e.errorCode === 'ConflictException';
    const ops = [...new Set(group.map((g) => g.name))].join(', ');
    alerts.push({
      kind: 'scim-failure',
      key: `scim-failure:${key}`,
      subject,
      article: conflict ? 'scim-duplicate-conflict' : 'scim-sync-user-fails',
      count: group.length,
      ...span(group, now),
      detail: `SCIM ${ops} rejected: ${reason(e)}.${conflict ? ` A ${kind} with this name already exists in IAM Identity Center (often created by hand): the identity provider cannot create it again.` : ''}`,
      ...(name && !isGroup ? { check: { name: 'user' as const, subject: name } } : {}),
    });
  }
  return alerts;
}

/**
 * `signin-failures`: failed external-IdP sign-ins (ExternalIdPDirectoryLogin) and rejected
 * credentials (CredentialVerification), per user, when at least `threshold` in one pass. A
 * failed step often names nobody; its AuthWorkflowID ties it to the step that carries the user name.
 */
export async function signinFailures(events: readonly WatchTrailEvent[], names: PrincipalNames, rule: SigninRule, now: Date): Promise<WatchAlert[]> {
  const byWorkflow = new Map<string, string>();
  for (const e of events) if (e.workflowId && e.userName) byWorkflow.set(e.workflowId, e.userName);
  const failed = events.filter((e) => (e.category === 'external-idp' || e.category === 'sign-in') && e.outcome === 'failure');
  const who = async (e: WatchTrailEvent) => e.userName ?? (e.workflowId ? byWorkflow.get(e.workflowId) : undefined) ?? (e.userId ? (await names.user(e.userId)) ?? `user id ${e.userId}` : 'an unnamed user');
  const tagged = await Promise.all(failed.map(async (e) => ({ e, user: await who(e) })));
  const alerts: WatchAlert[] = [];
  for (const [user, group] of groupBy(tagged, (t) => t.user)) {
    if (group.length < rule.threshold) continue;
    const list = group.map((g) => g.e);
    const external = list.some((e) => e.category === 'external-idp' || e.credentialType?.includes('EXTERNAL_IDP'));
    const totp = !external && list.some((e) => e.credentialType?.includes('TOTP'));
    const steps = [...new Set(list.map((e) => (e.category === 'external-idp' ? 'external IdP response' : (e.credentialType ?? 'credential').toLowerCase())))].join(', ');
    alerts.push({
      kind: 'signin-failures',
      key: `signin-failures:${user.toLowerCase()}`,
      subject: user,
      article: external ? 'external-idp-unexpected-error' : totp ? 'totp-unexpected-error' : null,
      count: list.length,
      ...span(list, now),
      detail: `${list.length} failed sign-in steps (${steps}), at least ${rule.threshold} in one interval${list[0]!.errorMessage ? `; last error: ${short(list[list.length - 1]!.errorMessage)}` : ''}.${external ? ' Compare the SAML NameID with the user name in IAM Identity Center.' : ''}`,
      ...(user.startsWith('user id ') || user === 'an unnamed user' ? {} : { check: { name: 'user' as const, subject: user } }),
    });
  }
  return alerts;
}

/** Calls that change permission sets or assignments (read-only calls of the same source are ignored). */
const PROVISIONING = /^(ProvisionPermissionSet|CreateAccountAssignment|DeleteAccountAssignment|CreatePermissionSet|UpdatePermissionSet|PutInlinePolicyToPermissionSet|AttachManagedPolicyToPermissionSet|AttachCustomerManagedPolicyReferenceToPermissionSet|PutPermissionsBoundaryToPermissionSet)$/;

/** `provisioning-failure`: permission set provisioning and account assignment calls that failed, per call, set, account and error. */
export async function provisioningFailures(events: readonly WatchTrailEvent[], names: PrincipalNames, now: Date): Promise<WatchAlert[]> {
  const failed = events.filter((e) => e.source === 'sso.amazonaws.com' && PROVISIONING.test(e.name) && e.outcome === 'failure');
  const alerts: WatchAlert[] = [];
  for (const [key, group] of groupBy(failed, (e) => `${e.name}|${e.permissionSetArn ?? ''}|${e.accountId ?? ''}|${reason(e)}`)) {
    const e = group[0]!;
    const set = e.permissionSetArn ? ((await names.permissionSet(e.permissionSetArn)) ?? e.permissionSetArn) : undefined;
    const subject = [set && `permission set ${set}`, e.accountId && `account ${e.accountId}`].filter(Boolean).join(', ') || e.name;
    alerts.push({
      kind: 'provisioning-failure',
      key: `provisioning-failure:${key}`,
      subject,
      article: /AccountAssignment/.test(e.name) ? 'account-assignment-failed' : 'permission-set-provisioning-failed',
      count: group.length,
      ...span(group, now),
      detail: `${e.name} failed: ${reason(e)}.`,
    });
  }
  return alerts;
}
