import type { CheckFinding } from '../../core/checks/checks';
import { findingArticle } from '../../core/checks/finding-codes';
import type { GroupRef, IdentityUser } from './identity-store-reader';
import { truncate } from '../../core/text/truncate';

export type IdentitySource = 'identity-center' | 'external-idp' | 'active-directory';

export interface UserFindingOptions {
  /** Where users come from; undefined when the operator did not say. */
  identitySource?: IdentitySource;
  matchedBy: 'userName' | 'email';
  /** The membership list was cut at its bound. */
  groupsTruncated?: boolean;
}

/** A pragmatic RFC 2822 shape: one @, no spaces, a dot in the domain. */
export function isEmail(s: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s);
}

/**
 * Active Directory primary groups: their memberships cannot be read by IAM Identity Center
 * (English, French and German names of the default ones).
 */
export const PRIMARY_GROUP = /^(domain (users|guests|computers)|utilisateurs du domaine|domänen-benutzer|domain-benutzer)$/i;

/** Longer user names, or characters outside this set, have been seen to lose characters in password reset. */
const SAFE_USERNAME = /^[A-Za-z0-9._@+=,-]+$/;
export const SAFE_USERNAME_LENGTH = 64;

function quote(s: string): string {
  return `"${truncate(s, 80)}"`;
}

/** Findings about one Identity Store user and their groups. Pure: the reader fetched everything. */
export function userFindings(user: IdentityUser, groups: readonly GroupRef[], opts: UserFindingOptions): CheckFinding[] {
  const findings: CheckFinding[] = [];
  const userName = user.UserName ?? '';
  const via = opts.matchedBy === 'email' ? 'by e-mail' : 'by user name';
  findings.push({
    code: 'user-found',
    severity: 'ok',
    detail: `Found ${via}: user name ${quote(userName)}, id ${user.UserId}, ${groups.length}${opts.groupsTruncated ? '+' : ''} group${groups.length === 1 ? '' : 's'}.`,
  });

  const missing = [
    !user.Name?.GivenName?.trim() && 'given name',
    !user.Name?.FamilyName?.trim() && 'family name',
    !user.DisplayName?.trim() && 'display name',
  ].filter((x): x is string => !!x);
  if (missing.length > 0) {
    findings.push({
      code: 'missing-name-fields',
      article: findingArticle('missing-name-fields'),
      severity: 'error',
      detail: `Empty: ${missing.join(', ')}. SCIM provisioning requires given name, family name and display name; map them in the IdP.`,
    });
  }

  const multi = (
    [
      ['e-mails', user.Emails?.length ?? 0],
      ['phone numbers', user.PhoneNumbers?.length ?? 0],
      ['addresses', user.Addresses?.length ?? 0],
    ] as const
  ).filter(([, n]) => n > 1);
  if (multi.length > 0) {
    findings.push({
      code: 'multi-valued-attribute',
      article: findingArticle('multi-valued-attribute'),
      severity: 'warning',
      detail: `${multi.map(([what, n]) => `${n} ${what}`).join(', ')}. IAM Identity Center accepts one value each over SCIM; sync only the primary value.`,
    });
  }

  if (userName && !isEmail(userName) && opts.identitySource !== 'identity-center' && opts.identitySource !== 'active-directory') {
    findings.push({
      code: 'username-not-email',
      article: findingArticle('username-not-email'),
      severity: opts.identitySource === 'external-idp' ? 'warning' : 'info',
      detail: `User name ${quote(userName)} is not an e-mail address. With an external IdP the SAML NameID (format email) must equal the user name exactly${opts.identitySource ? '' : ' (ignore this if users do not come from an external IdP)'}.`,
    });
  }

  if (userName && opts.identitySource !== 'external-idp' && (userName.length > SAFE_USERNAME_LENGTH || !SAFE_USERNAME.test(userName))) {
    const why = userName.length > SAFE_USERNAME_LENGTH ? `${userName.length} characters long` : 'contains special characters';
    findings.push({
      code: 'username-breaks-password-reset',
      article: findingArticle('username-breaks-password-reset'),
      severity: 'warning',
      detail: `User name ${why}; such names can lose characters during password reset ("We couldn't update your password").`,
    });
  }

  const primary = groups.filter((g) => g.name && PRIMARY_GROUP.test(g.name.trim()));
  if (primary.length > 0) {
    findings.push({
      code: 'primary-group-membership',
      article: findingArticle('primary-group-membership'),
      severity: 'warning',
      detail: `Member of ${primary.map((g) => quote(g.name!)).join(', ')}: Active Directory primary groups do not sync their members, so access assigned through them does not work. Assign another group.`,
    });
  }
  return findings;
}
