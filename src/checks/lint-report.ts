import type { LintReport, LintRule, RuleStatus } from '../core/checks/checks';

/**
 * Builders shared by the SAML and SCIM linters: rules, the verdict, and the `error` report for
 * unusable input (never an exception).
 */

export function rule(id: string, title: string, status: RuleStatus, evidence: string, extra: { article?: string; fix?: string } = {}): LintRule {
  const out: LintRule = { id, title, status, evidence };
  if (extra.article) out.article = extra.article;
  if (status === 'fail' && extra.fix) out.fix = extra.fix;
  return out;
}

export function verdictOf(rules: readonly LintRule[]): 'pass' | 'fail' {
  return rules.some((r) => r.status === 'fail') ? 'fail' : 'pass';
}

export function lintReport(kind: LintReport['kind'], rules: LintRule[], summary: LintReport['summary']): LintReport {
  return { kind, verdict: verdictOf(rules), rules, summary };
}

/** Unusable input: what is wrong, in one or two sentences a person can act on. */
export function errorReport(kind: LintReport['kind'], error: string, summary: LintReport['summary'] = []): LintReport {
  return { kind, verdict: 'error', rules: [], summary, error };
}
