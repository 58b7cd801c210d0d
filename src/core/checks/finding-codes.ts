/**
 * Stable finding codes of the live checks, with the title people see and the article each one
 * points to by default. The codes are an interface: the CLI's `--json` prints them and operators
 * script against them, so never rename one; add new codes instead.
 */
export interface FindingCodeInfo {
  title: string;
  /** Knowledge base article id (may be overridden per finding). */
  article?: string;
}

export const FINDING_CODES = {
  'user-found': { title: 'User exists in the Identity Store' },
  'user-not-found': { title: 'User not found in the Identity Store', article: 'invalid-mfa-credentials' },
  'missing-name-fields': { title: 'Required name fields are empty', article: 'scim-sync-user-fails' },
  'multi-valued-attribute': { title: 'Attribute has more than one value', article: 'scim-sync-user-fails' },
  'username-not-email': { title: 'User name is not an e-mail address', article: 'external-idp-unexpected-error' },
  'username-breaks-password-reset': { title: 'User name may break password reset', article: 'directory-password-reset' },
  'primary-group-membership': { title: 'Member of a primary group that does not sync', article: 'ad-domain-users-group' },
  'stale-assignment': { title: 'Assignment points at a deleted principal', article: 'stale-principal-after-recreate' },
  'assignments-ok': { title: 'No assignment points at a deleted principal' },
  'scan-partial': { title: 'Only part of the assignments were scanned' },
  'external-idp-login-failed': { title: 'Sign-in through the external IdP failed', article: 'external-idp-unexpected-error' },
  'credential-verification-failed': { title: 'A sign-in step was rejected' },
  'totp-verification-failed': { title: 'Authenticator app code was rejected', article: 'totp-unexpected-error' },
  'mfa-enrollment-required': { title: 'User had to register an MFA device' },
  'scim-provisioning-error': { title: 'SCIM provisioning request failed', article: 'scim-sync-user-fails' },
  'scim-duplicate-conflict': { title: 'SCIM create failed as a duplicate', article: 'scim-duplicate-conflict' },
  'password-reset-failed': { title: 'Password reset failed', article: 'directory-password-reset' },
  'no-sign-in-events': { title: 'No sign-in events in the window' },
  'malformed-events': { title: 'Some CloudTrail records could not be read' },
  'check-unavailable': { title: 'Part of the check could not run' },
} as const satisfies Record<string, FindingCodeInfo>;

export type FindingCode = keyof typeof FINDING_CODES;

export function findingTitle(code: string): string {
  return (FINDING_CODES as Record<string, FindingCodeInfo>)[code]?.title ?? code;
}

export function findingArticle(code: FindingCode): string | undefined {
  return (FINDING_CODES as Record<string, FindingCodeInfo>)[code]?.article;
}
