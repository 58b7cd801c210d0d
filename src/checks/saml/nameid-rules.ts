import type { LintRule } from '../../core/checks/checks';
import { truncateLine } from '../../core/text/truncate';
import { rule } from '../lint-report';
import { isRfc2822Address } from './is-rfc2822-address';
import type { SamlFacts } from './read-saml-document';
import { EMAIL_FORMAT, SIGNIN_ARTICLE, shortUrn } from './saml-articles';

const FORMAT_FIX =
  "In the IdP application set the NameID (subject) format to EmailAddress (Okta: Name ID format = EmailAddress; Entra ID: name identifier format = Email address; Google Workspace: Name ID format = EMAIL), with the user's user name in IAM Identity Center as its value.";
const VALUE_FIX =
  "Map the NameID to the IdP attribute that holds the user's e-mail-style user name (for example user.email or user.userPrincipalName): it must be an e-mail address equal to the user name in IAM Identity Center.";

/** Why the NameID cannot be judged, or undefined when it can. */
function notApplicable(f: SamlFacts, inbound: boolean): string | undefined {
  if (!inbound) return 'Issued by IAM Identity Center to an application: the sign-in rules for external IdPs do not apply. Compare the NameID with what the application expects.';
  if (f.encryptedNameId) return 'The NameID is encrypted (see above).';
  if (f.shape === 'fragment' && !f.nameId) return 'The fragment has no NameID.';
  if (f.assertions.topLevel === 0 && f.shape !== 'fragment') return 'No readable assertion.';
  return undefined;
}

/** The NameID must use the emailAddress format and hold an RFC 2822 address (source page, "An unexpected error has occurred"). */
export function nameIdRules(f: SamlFacts, inbound: boolean): LintRule[] {
  const na = notApplicable(f, inbound);
  if (na) {
    return [rule('saml-nameid-format', 'NameID format is email', 'na', na), rule('saml-nameid-value', 'NameID is an RFC 2822 address', 'na', na)];
  }
  return [formatRule(f), valueRule(f)];
}

function formatRule(f: SamlFacts): LintRule {
  const title = 'NameID format is email';
  const fix = { article: SIGNIN_ARTICLE, fix: FORMAT_FIX };
  if (!f.nameId) return rule('saml-nameid-format', title, 'fail', "The assertion's Subject has no NameID.", fix);
  const format = f.nameId.format?.trim();
  if (format === undefined || format === '') {
    return rule('saml-nameid-format', title, 'fail', 'The NameID has no Format, which SAML treats as unspecified (SAML core §8.3). IAM Identity Center needs the emailAddress format.', fix);
  }
  if (format === EMAIL_FORMAT) return rule('saml-nameid-format', title, 'pass', `Format: ${format}.`);
  if (/:nameid-format:emailAddress$/i.test(format)) {
    return rule('saml-nameid-format', title, 'pass', `Format: ${truncateLine(format, 100)} (an e-mail format, but the standard URN is ${EMAIL_FORMAT}).`);
  }
  return rule('saml-nameid-format', title, 'fail', `Format: ${truncateLine(shortUrn(format), 60)} (${truncateLine(format, 100)}). IAM Identity Center needs ${EMAIL_FORMAT}.`, fix);
}

function valueRule(f: SamlFacts): LintRule {
  const title = 'NameID is an RFC 2822 address';
  const fix = { article: SIGNIN_ARTICLE, fix: VALUE_FIX };
  if (!f.nameId) return rule('saml-nameid-value', title, 'fail', 'There is no NameID value.', fix);
  const value = f.nameId.value.trim();
  if (!value) return rule('saml-nameid-value', title, 'fail', 'The NameID is empty.', fix);
  const spaces = value !== f.nameId.value ? ' It has whitespace around it in the XML (ignored here); if sign-in still fails, have the IdP send it without.' : '';
  if (isRfc2822Address(value)) {
    return rule('saml-nameid-value', title, 'pass', `"${truncateLine(value, 100)}" is an RFC 2822 address. It must equal the user's user name in IAM Identity Center exactly.${spaces}`);
  }
  const why = !value.includes('@') ? 'it has no @' : /\s/.test(value) ? 'it contains spaces' : /</.test(value) ? 'it has a display name or angle brackets' : 'its local part or domain has characters an address cannot have';
  return rule('saml-nameid-value', title, 'fail', `"${truncateLine(value, 100)}" is not an RFC 2822 address: ${why}.`, fix);
}
