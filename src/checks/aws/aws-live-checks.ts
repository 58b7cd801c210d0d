import type { CheckFinding, CheckReport, LiveChecks } from '../../core/checks/checks';
import { findingArticle } from '../../core/checks/finding-codes';
import type { Assignment, AssignmentScanner } from './assignment-scanner';
import type { CloudTrailLookup, TrailQuery, TrailResult } from './cloudtrail-lookup';
import { mapBounded, type IdentityStoreReader } from './identity-store-reader';
import { FindingsCollector } from './findings-collector';
import { staleAssignmentFix } from './stale-assignment-fix';
import { dedupe, eventsForSubject, storyLines, trailFindings } from './summarise-trail';
import { PRIMARY_GROUP, userFindings, type IdentitySource } from './user-findings';

export interface AwsLiveChecksOptions {
  identity: IdentityStoreReader;
  trail: CloudTrailLookup;
  /** Absent without IDC_INSTANCE_ARN: assignment checks then say so. */
  assignments?: AssignmentScanner;
  identityStoreId: string;
  identitySource?: IdentitySource;
  /** CloudTrail look-back in days. */
  trailDays: number;
  /** Principals whose existence one scan checks at most (one Describe call each, cached). */
  maxPrincipals?: number;
}

/** Stale-assignment findings listed one by one; the rest are counted. */
const MAX_STALE_FINDINGS = 10;

/** The LiveChecks port over the Identity Store, CloudTrail and sso-admin. Never throws for AWS failures. */
export class AwsLiveChecks implements LiveChecks {
  constructor(private readonly opts: AwsLiveChecksOptions) {}

  async checkUser(subject: string): Promise<CheckReport> {
    const f = new FindingsCollector();
    const { identity } = this.opts;
    const resolved = await f.attempt('identitystore:GetUserId', () => identity.findUserId(subject));
    const lookupFailed = f.items.length > 0;
    const names = [subject];
    const ids: string[] = [];
    if (resolved) {
      ids.push(resolved.userId);
      const user = await f.attempt('identitystore:DescribeUser', () => identity.describeUser(resolved.userId));
      const groups = await f.attempt('identitystore:ListGroupMembershipsForMember', () => identity.groupsOf(resolved.userId));
      if (user) {
        if (user.UserName) names.push(user.UserName);
        for (const e of user.Emails ?? []) if (e.Value) names.push(e.Value);
        f.push(...userFindings(user, groups?.groups ?? [], { identitySource: this.opts.identitySource, matchedBy: resolved.matchedBy, groupsTruncated: groups?.truncated }));
      }
    } else if (!lookupFailed) {
      f.push({
        code: 'user-not-found',
        article: findingArticle('user-not-found'),
        severity: 'error',
        detail: `No user with user name${subject.includes('@') ? ' or e-mail' : ''} "${subject}" in identity store ${this.opts.identityStoreId}. IAM Identity Center creates no users just in time: until SCIM provisioning (or an administrator) creates the user, sign-in fails with "Invalid MFA credentials" or "An unexpected error has occurred".`,
      });
    }
    const story = await this.trailPart(f, subject, names, ids, !resolved);
    if (resolved && this.opts.assignments) await this.staleForUser(f, subject);
    return { check: 'user', subject, found: !!resolved, findings: f.items, lines: story, personalData: !!resolved || story.length > 0 };
  }

  async trail(subject: string): Promise<CheckReport> {
    const f = new FindingsCollector();
    const { identity } = this.opts;
    const names = [subject];
    const ids: string[] = [];
    // Best effort: the user id and other names widen the search; without them we search by name.
    const resolved = await f.attempt('identitystore:GetUserId', () => identity.findUserId(subject));
    if (resolved) {
      ids.push(resolved.userId);
      const user = await f.attempt('identitystore:DescribeUser', () => identity.describeUser(resolved.userId));
      if (user?.UserName) names.push(user.UserName);
      for (const e of user?.Emails ?? []) if (e.Value) names.push(e.Value);
    }
    const story = await this.trailPart(f, subject, names, ids, !resolved);
    return { check: 'trail', subject, found: !!resolved || story.length > 0, findings: f.items, lines: story, personalData: story.length > 0 || !!resolved };
  }

  async checkAssignments(principal: string): Promise<CheckReport> {
    const f = new FindingsCollector();
    const { identity, assignments: scanner } = this.opts;
    if (!scanner) {
      f.push({ code: 'check-unavailable', severity: 'warning', detail: 'IDC_INSTANCE_ARN is not set, so account assignments cannot be read. Set it to the instance ARN from IAM Identity Center → Settings.' });
      return { check: 'assignments', subject: principal, found: false, findings: f.items, personalData: false };
    }
    const user = await f.attempt('identitystore:GetUserId', () => identity.findUserId(principal));
    const groupId = user ? undefined : await f.attempt('identitystore:GetGroupId', () => identity.findGroupId(principal));
    const current = user ? { type: 'USER' as const, id: user.userId } : groupId ? { type: 'GROUP' as const, id: groupId } : undefined;
    if (!current && f.items.length === 0) {
      f.push({
        code: 'user-not-found',
        article: 'stale-principal-after-recreate',
        severity: 'info',
        detail: `No user or group named "${principal}" exists now. If it was deleted, the stale assignments below may be its; re-create it (or let SCIM do so) and reassign.`,
      });
    }
    if (current?.type === 'GROUP' && PRIMARY_GROUP.test(principal.trim())) {
      f.push({ code: 'primary-group-membership', article: findingArticle('primary-group-membership'), severity: 'warning', detail: `"${principal}" is an Active Directory primary group: its members do not sync, so assignments to it give nobody access. Assign another group.` });
    }
    const scan = await f.attempt('sso:ListPermissionSets', () => scanner.scan());
    const lines: string[] = [];
    if (scan) {
      const stale = await this.staleAssignments(f, scan.assignments);
      if (current) {
        const mine = scan.assignments.filter((a) => a.principalType === current.type && a.principalId === current.id);
        for (const a of mine.slice(0, 10)) lines.push(`account ${a.accountId} · ${(await scanner.permissionSetName(a.permissionSetArn)) ?? a.permissionSetArn}`);
        if (mine.length > 10) lines.push(`… and ${mine.length - 10} more`);
        if (mine.length === 0) lines.push(`No account assignment for this ${current.type === 'USER' ? 'user' : 'group'} (group assignments of a user are not listed).`);
      }
      for (const a of stale.slice(0, MAX_STALE_FINDINGS)) f.push(await this.staleFinding(a, current));
      if (stale.length > MAX_STALE_FINDINGS) {
        f.push({ code: 'stale-assignment', article: findingArticle('stale-assignment'), severity: 'error', detail: `${stale.length - MAX_STALE_FINDINGS} more assignments point at deleted principals.` });
      }
      if (stale.length === 0 && !f.items.some((x) => x.code === 'check-unavailable')) {
        f.push({ code: 'assignments-ok', severity: 'ok', detail: `Scanned ${scan.assignments.length} assignments; every principal still exists.` });
      }
      if (scan.partial) {
        f.push({ code: 'scan-partial', severity: 'info', detail: `The scan stopped after ${scan.calls} AWS calls; some permission sets or accounts were not read.` });
      }
    }
    return { check: 'assignments', subject: principal, found: !!current, findings: f.items, lines, personalData: !!current };
  }

  /** Assignments whose principal no longer exists (DescribeUser/DescribeGroup: ResourceNotFound). */
  private async staleAssignments(f: FindingsCollector, assignments: readonly Assignment[]): Promise<Assignment[]> {
    const principals = [...new Map(assignments.map((a) => [`${a.principalType}:${a.principalId}`, a])).values()];
    const max = this.opts.maxPrincipals ?? 200;
    if (principals.length > max) {
      f.push({ code: 'scan-partial', severity: 'info', detail: `Checked ${max} of ${principals.length} principals for existence.` });
    }
    const checked = principals.slice(0, max);
    const exists = await mapBounded(checked, 4, (a) =>
      this.opts.identity.principalExists(a.principalType, a.principalId).catch((err: unknown) => {
        f.unavailable(err, a.principalType === 'USER' ? 'identitystore:DescribeUser' : 'identitystore:DescribeGroup');
        return true; // unknown: never call an assignment stale without proof
      }),
    );
    const gone = new Set(checked.filter((_, i) => !exists[i]).map((a) => `${a.principalType}:${a.principalId}`));
    return assignments.filter((a) => gone.has(`${a.principalType}:${a.principalId}`));
  }

  private async staleFinding(a: Assignment, current: { type: 'USER' | 'GROUP'; id: string } | undefined): Promise<CheckFinding> {
    const scanner = this.opts.assignments!;
    const name = await scanner.permissionSetName(a.permissionSetArn);
    const kind = a.principalType === 'USER' ? 'user' : 'group';
    const newId = current && current.type === a.principalType ? current.id : undefined;
    return {
      code: 'stale-assignment',
      article: findingArticle('stale-assignment'),
      severity: 'error',
      detail: `Account ${a.accountId}, permission set ${name ? `"${name}" ` : ''}(${a.permissionSetArn}) is assigned to ${kind} id ${a.principalId}, which no longer exists in ${this.opts.identityStoreId}. Remove that assignment and assign the ${kind} again.`,
      fix: staleAssignmentFix(scanner.instanceArn, a, name, newId),
    };
  }

  /** For `check user`: do deleted principals hold assignments? Points at `check assignments` for the fix. */
  private async staleForUser(f: FindingsCollector, subject: string): Promise<void> {
    const scan = await f.attempt('sso:ListPermissionSets', () => this.opts.assignments!.scan());
    if (!scan) return;
    const stale = (await this.staleAssignments(f, scan.assignments)).filter((a) => a.principalType === 'USER');
    if (stale.length === 0) return;
    f.push({
      code: 'stale-assignment',
      article: findingArticle('stale-assignment'),
      severity: 'warning',
      detail: `${stale.length} account assignment${stale.length === 1 ? '' : 's'} point at deleted users (first: account ${stale[0]!.accountId}, old user id ${stale[0]!.principalId}). If this user was deleted and re-created, run "check assignments ${subject}" for the exact fix.`,
    });
  }

  /**
   * CloudTrail part: by user name (legacy records carry it), by event source (sign-in and SCIM
   * records often name only the user id or the workflow), and UpdatePassword (password resets).
   * LookupEvents takes one attribute per call, so each is its own rate-limited, cached query.
   */
  private async trailPart(f: FindingsCollector, subject: string, names: readonly string[], userIds: readonly string[], includeUnattributed: boolean): Promise<string[]> {
    const days = this.opts.trailDays;
    // The typed subject and the user name; e-mails are matched client-side in the source queries.
    const uniqueNames = [...new Set(names.map((n) => n.trim()).filter(Boolean))].slice(0, 2);
    const queries: TrailQuery[] = [
      ...uniqueNames.map((value) => ({ key: 'Username' as const, value, days })),
      { key: 'EventSource', value: 'signin.amazonaws.com', days },
      { key: 'EventSource', value: 'identitystore-scim.amazonaws.com', days },
      { key: 'EventName', value: 'UpdatePassword', days },
    ];
    const results = await Promise.all(queries.map((q) => f.attempt('cloudtrail:LookupEvents', () => this.opts.trail.lookup(q))));
    const ok = results.filter((r): r is TrailResult => !!r);
    if (ok.length === 0) return [];
    for (const r of ok) if (r.error) f.unavailable(r.error, 'cloudtrail:LookupEvents');
    const all = dedupe(ok.flatMap((r) => r.events));
    const mine = eventsForSubject(all, { names, userIds });
    const mineSet = new Set(mine);
    const unattributed = includeUnattributed ? all.filter((e) => e.category === 'scim' && !mineSet.has(e) && !e.userName && !e.targetId) : [];
    const complete = ok.length === results.length && ok.every((r) => !r.error);
    const found = trailFindings(mine, { subject, days, unattributedScim: unattributed });
    // "No events" is only a finding when every lookup answered.
    f.push(...found.filter((x) => complete || x.code !== 'no-sign-in-events'));
    const malformed = ok.reduce((n, r) => n + r.malformed, 0);
    if (malformed > 0) {
      f.push({ code: 'malformed-events', severity: 'info', detail: `${malformed} CloudTrail record${malformed === 1 ? '' : 's'} could not be read (malformed JSON) and were skipped.` });
    }
    const lines = storyLines(mine);
    if (ok.some((r) => r.truncated) && lines.length > 0) lines.push(`(only the newest events of the last ${days} days were read)`);
    return lines;
  }
}
