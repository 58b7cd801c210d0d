import type { WatchAlert } from '../../core/watch/watch-alert';
import type { DeletedPrincipal, WatchStore } from '../../core/watch/watch-ports';
import type { Assignment, AssignmentScanner } from './assignment-scanner';
import { toAwsCheckError } from './aws-check-error';
import { mapBounded, type IdentityStoreReader } from './identity-store-reader';
import { staleAssignmentFix } from './stale-assignment-fix';
import type { PrincipalNames } from './watch-findings';
import type { WatchTrailEvent } from './watch-trail-reader';
import { formatTime } from '../../core/text/format-time';

/** A deletion and a creation of the same kind this close together are taken as one re-creation. */
export const PAIR_WITHIN_MS = 24 * 3_600_000;
/** Stale assignments listed one by one in a digest; principals checked for existence per scan. */
const MAX_STALE = 10;
const MAX_PRINCIPALS = 200;

export interface RecreatedDeps {
  names: PrincipalNames;
  identity: IdentityStoreReader;
  deletions: Pick<WatchStore, 'recordDeletion' | 'recentDeletions'>;
  /** Absent without IDC_INSTANCE_ARN. */
  scanner?: AssignmentScanner;
  identityStoreId: string;
}

const word = (t: 'USER' | 'GROUP') => (t === 'USER' ? 'user' : 'group');

/**
 * `recreated-principal` and `stale-assignment`. Deletions are remembered (SCIM re-creates a user
 * at its next cycle, often in a later interval); a creation of the same kind within a day after a
 * deletion is a re-creation. CloudTrail hides both names, so the pair is made by time and the new
 * principal is named through the Identity Store. Then the assignment scan runs: every assignment
 * whose principal no longer exists is stale, with the exact fix (old id out, new id in).
 */
export async function recreatedPrincipals(events: readonly WatchTrailEvent[], deps: RecreatedDeps, now: Date): Promise<WatchAlert[]> {
  const changes = events.filter((e) => e.principal).sort((a, b) => (a.time?.getTime() ?? 0) - (b.time?.getTime() ?? 0));
  for (const e of changes) if (e.principal!.change === 'deleted') await deps.deletions.recordDeletion({ type: e.principal!.type, id: e.principal!.id, at: e.time ?? now });
  const creates = changes.filter((e) => e.principal!.change === 'created');
  if (creates.length === 0) return [];
  const oldest = Math.min(...creates.map((c) => (c.time ?? now).getTime()));
  const pool = await deps.deletions.recentDeletions(new Date(oldest - PAIR_WITHIN_MS));
  const used = new Set<string>();
  const pairs: Array<{ old: DeletedPrincipal; created: WatchTrailEvent; name?: string }> = [];
  for (const c of creates) {
    const at = (c.time ?? now).getTime();
    const old = pool.filter((d) => d.type === c.principal!.type && d.id !== c.principal!.id && !used.has(d.id) && d.at.getTime() <= at && at - d.at.getTime() <= PAIR_WITHIN_MS).pop();
    if (!old) continue;
    used.add(old.id);
    pairs.push({ old, created: c, name: await (old.type === 'USER' ? deps.names.user(c.principal!.id) : deps.names.group(c.principal!.id)) });
  }
  if (pairs.length === 0) return [];

  const stale = await staleAssignments(deps);
  const alerts: WatchAlert[] = pairs.map(({ old, created, name }) => {
    const kind = word(old.type);
    const mine = stale.list.filter((a) => a.principalId === old.id).length;
    const tail = !deps.scanner
      ? ' Set IDC_INSTANCE_ARN so the watcher can find the assignments the old id left behind.'
      : stale.error
        ? ` The assignment scan failed (${stale.error}).`
        : mine > 0
          ? ` ${mine} account assignment${mine === 1 ? '' : 's'} still point at the old id (below).`
          : ' No account assignment points at the old id.';
    return {
      kind: 'recreated-principal',
      key: `recreated-principal:${old.id}:${created.principal!.id}`,
      subject: name ? `${kind} ${name}` : `${kind} id ${created.principal!.id}`,
      article: 'stale-principal-after-recreate',
      count: 1,
      first: old.at,
      last: created.time ?? now,
      detail: `${kind} id ${old.id} was deleted (${formatTime(old.at)}) and ${kind} id ${created.principal!.id} created (${formatTime(created.time ?? now)}); CloudTrail hides names, so they are paired by time. Assignments and memberships of the old id do not carry over.${tail}`,
      check: { name: 'assignments', subject: name ?? created.principal!.id },
    };
  });
  const newIdOf = new Map(pairs.map((p) => [p.old.id, p.created.principal!.id]));
  for (const a of stale.list.slice(0, MAX_STALE)) {
    const setName = await deps.names.permissionSet(a.permissionSetArn);
    const newId = newIdOf.get(a.principalId);
    alerts.push({
      kind: 'stale-assignment',
      key: `stale-assignment:${a.accountId}:${a.permissionSetArn}:${a.principalId}`,
      subject: `account ${a.accountId}, permission set ${setName ?? a.permissionSetArn}`,
      article: 'stale-principal-after-recreate',
      count: 1,
      first: now,
      last: now,
      detail: `Assigned to ${word(a.principalType)} id ${a.principalId}, which no longer exists in ${deps.identityStoreId}${newId ? `; it was created again as ${newId}` : ''}. Remove the assignment and assign the ${word(a.principalType)} again.`,
      fix: staleAssignmentFix(deps.scanner!.instanceArn, a, setName, newId),
    });
  }
  if (stale.list.length > MAX_STALE) {
    alerts.push({ kind: 'stale-assignment', key: `stale-assignment:more:${stale.list.length}`, subject: 'more assignments', article: 'stale-principal-after-recreate', count: stale.list.length - MAX_STALE, first: now, last: now, detail: `${stale.list.length - MAX_STALE} more assignments point at deleted principals: run "check assignments" for the list.` });
  }
  return alerts;
}

/** Assignments whose principal no longer exists; an existence check that fails counts as "exists" (never stale without proof). */
async function staleAssignments(deps: RecreatedDeps): Promise<{ list: Assignment[]; error?: string }> {
  if (!deps.scanner) return { list: [] };
  try {
    const scan = await deps.scanner.scan();
    const principals = [...new Map(scan.assignments.map((a) => [`${a.principalType}:${a.principalId}`, a])).values()].slice(0, MAX_PRINCIPALS);
    const exists = await mapBounded(principals, 4, (a) => deps.identity.principalExists(a.principalType, a.principalId).catch(() => true));
    const gone = new Set(principals.filter((_, i) => !exists[i]).map((a) => `${a.principalType}:${a.principalId}`));
    return { list: scan.assignments.filter((a) => gone.has(`${a.principalType}:${a.principalId}`)) };
  } catch (err) {
    return { list: [], error: toAwsCheckError(err, 'sso:ListPermissionSets').message };
  }
}
