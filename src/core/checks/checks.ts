/**
 * Results of checks, live (AWS) and offline (SAML, SCIM), as the core sees them. The checks
 * themselves live in `src/checks/` and are handed to the Assistant through these interfaces.
 */
import { methodOf, type LiveCheckMethod, type LiveCheckName } from './live-check-registry';

/** The AWS side: one method per check, named by the registry; a missing one is a compile error. */
export type LiveChecks = { [M in LiveCheckMethod]: (subject: string) => Promise<CheckReport> };

/** Runs the named check on the AWS side. */
export function runOn(live: LiveChecks, name: LiveCheckName, subject: string): Promise<CheckReport> {
  return live[methodOf(name)](subject);
}

export type FindingSeverity = 'error' | 'warning' | 'info' | 'ok';

export interface CheckFinding {
  /** Stable code, e.g. user-not-found, missing-name-fields, stale-assignment, check-unavailable. */
  code: string;
  /** Knowledge base article the finding points to. */
  article?: string;
  severity: FindingSeverity;
  detail: string;
  /** The exact fix for this case (commands, ids), plain text; the article's steps explain why. */
  fix?: string;
}

export interface CheckReport {
  check: LiveCheckName;
  subject: string;
  found: boolean;
  findings: CheckFinding[];
  /** Short lines of context (e.g. the story of the last sign-ins), plain text. */
  lines?: string[];
  /** Contains names, e-mails or other personal data: show only to allowed people, privately. */
  personalData: boolean;
}

export type RuleStatus = 'pass' | 'fail' | 'na';

export interface LintRule {
  id: string;
  status: RuleStatus;
  /** What the document says for this rule, plain text (quotes pasted values: escape when rendering). */
  evidence: string;
  article?: string;
  /** Short human name of the rule, e.g. "NameID format is email". */
  title?: string;
  /** For a failure: what to change, and where (usually on the identity provider side). Plain text. */
  fix?: string;
}

export interface LintReport {
  kind: 'saml' | 'scim';
  verdict: 'pass' | 'fail' | 'error';
  rules: LintRule[];
  /** What the document says (issuer, NameID, …), plain text; never secrets in full. */
  summary: Array<{ label: string; value: string }>;
  /** For verdict "error": what is wrong with the input. */
  error?: string;
}

export interface OfflineChecks {
  /** Detects whether a message carries a SAML response / SCIM payload worth linting. */
  detect(text: string): 'saml' | 'scim' | undefined;
  /** Asynchronous: large documents are linted off the event loop (a worker thread). */
  lintSaml(text: string): Promise<LintReport>;
  lintScim(text: string): Promise<LintReport>;
}
