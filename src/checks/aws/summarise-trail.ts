import type { CheckFinding } from '../../core/checks/checks';
import { findingArticle } from '../../core/checks/finding-codes';
import type { TrailEvent } from './parse-trail-record';
import { formatTime } from '../../core/text/format-time';

export interface TrailSubject {
  /** User names and e-mails that identify the user (compared case-insensitively). */
  names: readonly string[];
  /** Identity Store user ids. */
  userIds: readonly string[];
}

/** Lines of the story, newest first. Slack sections and Teams cards stay readable at this size. */
export const MAX_STORY_LINES = 8;

const STORY: ReadonlySet<TrailEvent['category']> = new Set(['sign-in', 'external-idp', 'password-reset', 'scim', 'console-login']);

function lower(s: string | undefined): string | undefined {
  return s?.trim().toLowerCase();
}

/**
 * The events that belong to the subject: by user name, e-mail or user id, plus every step of a
 * sign-in workflow one of whose steps names the user (a failed password step often names nobody;
 * its AuthWorkflowID ties it to the CredentialChallenge that carries the typed user name).
 */
export function eventsForSubject(events: readonly TrailEvent[], subject: TrailSubject): TrailEvent[] {
  const names = new Set(subject.names.map((n) => n.trim().toLowerCase()));
  const ids = new Set(subject.userIds);
  const direct = (e: TrailEvent) =>
    (e.userName !== undefined && names.has(lower(e.userName)!)) || (e.userId !== undefined && ids.has(e.userId)) || (e.targetId !== undefined && ids.has(e.targetId));
  const workflows = new Set(events.filter(direct).map((e) => e.workflowId).filter((w): w is string => !!w));
  return dedupe(events.filter((e) => direct(e) || (e.workflowId !== undefined && workflows.has(e.workflowId))));
}

/** The same event can come back from several lookups (by user name and by event source). */
export function dedupe(events: readonly TrailEvent[]): TrailEvent[] {
  const seen = new Set<string>();
  return events.filter((e) => {
    const key = e.id ?? `${e.source}|${e.name}|${e.time?.toISOString()}|${e.workflowId}|${e.userName}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const timeOrUnknown = (t: Date | undefined): string => (t ? formatTime(t) : 'time unknown');

function newest(events: readonly TrailEvent[]): number {
  return Math.max(...events.map((e) => e.time?.getTime() ?? -Infinity));
}

function reason(e: TrailEvent): string {
  return [e.errorCode, e.errorMessage].filter(Boolean).join(': ') || 'Failure';
}

function credentialWord(type: string | undefined): string {
  if (!type) return 'credential';
  if (type.includes('TOTP')) return 'authenticator code';
  if (type.includes('EXTERNAL_IDP')) return 'external IdP response';
  if (type.includes('PASSWORD')) return 'password';
  return type.toLowerCase();
}

/** One sign-in attempt (all steps of one workflow) as a line. */
function signInLine(steps: readonly TrailEvent[]): string {
  const failed = steps.find((s) => s.outcome === 'failure');
  const done = steps.find((s) => s.name === 'UserAuthentication' && s.outcome === 'success');
  const types = [...new Set(steps.map((s) => s.credentialType).filter(Boolean))].join(', ');
  if (failed) return `sign-in failed: ${credentialWord(failed.credentialType)} rejected (${failed.name})`;
  if (done) return `signed in${types ? ` (${types})` : ''}${steps.some((s) => s.mfaEnrollmentRequired) ? ', had to register an MFA device' : ''}`;
  return `sign-in started${types ? ` (${types})` : ''}, not completed in these events`;
}

function eventLine(e: TrailEvent): string {
  switch (e.category) {
    case 'external-idp':
      return e.outcome === 'failure' ? `external IdP sign-in failed: ${reason(e)}` : 'external IdP sign-in succeeded';
    case 'scim':
      return e.outcome === 'failure' ? `SCIM ${e.name} failed: ${reason(e)}` : `SCIM ${e.name} succeeded`;
    case 'password-reset':
      return e.outcome === 'failure' ? `password reset (${e.name}) failed: ${reason(e)}` : `password reset (${e.name}) succeeded`;
    case 'console-login':
      return 'opened an account console through a permission set (ConsoleLogin)';
    default:
      return `${e.name}: ${e.outcome}`;
  }
}

/** The story of the last sign-ins, newest first, in a few lines with times. */
export function storyLines(events: readonly TrailEvent[]): string[] {
  const groups = new Map<string, TrailEvent[]>();
  events
    .filter((e) => STORY.has(e.category))
    .forEach((e, i) => {
      const key = e.category === 'sign-in' && e.workflowId ? `wf:${e.workflowId}` : `ev:${i}`;
      groups.set(key, [...(groups.get(key) ?? []), e]);
    });
  return [...groups.values()]
    .sort((a, b) => newest(b) - newest(a))
    .slice(0, MAX_STORY_LINES)
    .map((g) => {
      const first = g.reduce((a, b) => ((a.time?.getTime() ?? Infinity) <= (b.time?.getTime() ?? Infinity) ? a : b));
      const text = g[0]!.category === 'sign-in' ? signInLine(g) : eventLine(g[0]!);
      return `${timeOrUnknown(first.time)}  ${text}${first.sourceIp ? `  from ${first.sourceIp}` : ''}`;
    });
}

function counted(events: readonly TrailEvent[]): string {
  const counts = new Map<string, number>();
  for (const e of events) counts.set(reason(e), (counts.get(reason(e)) ?? 0) + 1);
  return [...counts].map(([r, n]) => (n > 1 ? `${r} (×${n})` : r)).join('; ');
}

function latest(events: readonly TrailEvent[]): string {
  return timeOrUnknown(events.reduce((a, b) => ((a.time?.getTime() ?? -Infinity) >= (b.time?.getTime() ?? -Infinity) ? a : b)).time);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Findings from the subject's events. `unattributedScim`: SCIM failures CloudTrail does not tie to a user. */
export function trailFindings(events: readonly TrailEvent[], opts: { subject: string; days: number; unattributedScim?: readonly TrailEvent[] }): CheckFinding[] {
  const findings: CheckFinding[] = [];
  const failed = (c: TrailEvent['category']) => events.filter((e) => e.category === c && e.outcome === 'failure');

  const idp = failed('external-idp');
  if (idp.length > 0) {
    findings.push({
      code: 'external-idp-login-failed',
      article: findingArticle('external-idp-login-failed'),
      severity: 'error',
      detail: `${plural(idp.length, 'failed ExternalIdPDirectoryLogin')}, last ${latest(idp)}: ${counted(idp)}. Compare the SAML NameID with the user name in IAM Identity Center.`,
    });
  }
  const verifications = failed('sign-in');
  const totp = verifications.filter((e) => e.credentialType?.includes('TOTP'));
  const other = verifications.filter((e) => !e.credentialType?.includes('TOTP'));
  if (totp.length > 0) {
    findings.push({
      code: 'totp-verification-failed',
      article: findingArticle('totp-verification-failed'),
      severity: 'warning',
      detail: `${plural(totp.length, 'authenticator code')} rejected, last ${latest(totp)}. A device clock that drifts makes every code fail.`,
    });
  }
  if (other.length > 0) {
    const external = other.some((e) => e.credentialType?.includes('EXTERNAL_IDP'));
    findings.push({
      code: 'credential-verification-failed',
      ...(external ? { article: 'invalid-mfa-credentials' } : {}),
      severity: 'warning',
      detail: `${plural(other.length, 'sign-in step')} failed (${[...new Set(other.map((e) => credentialWord(e.credentialType)))].join(', ')}), last ${latest(other)}.`,
    });
  }
  const enrol = events.filter((e) => e.mfaEnrollmentRequired);
  if (enrol.length > 0) {
    findings.push({ code: 'mfa-enrollment-required', severity: 'info', detail: `Had to register an MFA device at sign-in (${latest(enrol)}).` });
  }
  const scim = failed('scim');
  const conflicts = scim.filter((e) => e.errorCode === 'ConflictException');
  const invalid = scim.filter((e) => e.errorCode !== 'ConflictException');
  if (conflicts.length > 0) {
    findings.push({ code: 'scim-duplicate-conflict', article: findingArticle('scim-duplicate-conflict'), severity: 'error', detail: `SCIM create failed as a duplicate, last ${latest(conflicts)}: ${counted(conflicts)}.` });
  }
  if (invalid.length > 0) {
    findings.push({ code: 'scim-provisioning-error', article: findingArticle('scim-provisioning-error'), severity: 'error', detail: `${plural(invalid.length, 'SCIM request')} for this user failed, last ${latest(invalid)}: ${counted(invalid)}.` });
  }
  const loose = (opts.unattributedScim ?? []).filter((e) => e.outcome === 'failure');
  if (loose.length > 0) {
    findings.push({
      code: 'scim-provisioning-error',
      article: loose.every((e) => e.errorCode === 'ConflictException') ? 'scim-duplicate-conflict' : findingArticle('scim-provisioning-error'),
      severity: 'warning',
      detail: `${plural(loose.length, 'SCIM request')} failed in the last ${opts.days} days (CloudTrail hides which user they were for), last ${latest(loose)}: ${counted(loose)}.`,
    });
  }
  const resets = failed('password-reset');
  if (resets.length > 0) {
    const internal = resets.some((e) => e.errorCode === 'InternalFailure');
    findings.push({
      code: 'password-reset-failed',
      article: findingArticle('password-reset-failed'),
      severity: 'error',
      detail: `${plural(resets.length, 'password reset')} failed, last ${latest(resets)}: ${counted(resets)}.${internal ? ' InternalFailure is on the AWS side: open a case with AWS Support and attach the event.' : ''}`,
    });
  }
  if (!events.some((e) => STORY.has(e.category))) {
    findings.push({ code: 'no-sign-in-events', severity: 'info', detail: `No sign-in, SCIM or password events for ${opts.subject} in the last ${opts.days} days.` });
  }
  return findings;
}
