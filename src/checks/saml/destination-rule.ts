import type { LintRule } from '../../core/checks/checks';
import { listSome, truncateLine } from '../../core/text/truncate';
import { rule } from '../lint-report';
import type { SamlFacts } from './read-saml-document';
import { IAM_SAML_ENDPOINT, IDC_ACS_SHAPE, SIGNIN_ARTICLE } from './saml-articles';

const TITLE = 'Sent to the IAM Identity Center ACS URL';
const ACS_FIX =
  'Set the ACS URL in the IdP application to the one shown in IAM Identity Center (Settings → Identity source → Manage authentication); the two must match exactly.';

function same(a: string, b: string): boolean {
  return a.replace(/\/+$/, '').toLowerCase() === b.replace(/\/+$/, '').toLowerCase();
}

/**
 * The Response Destination and every SubjectConfirmationData Recipient must be IAM Identity Center's
 * ACS URL. Without `acsUrl` (IDC_ACS_URL) only contradictions and the IAM endpoint can be judged.
 */
export function destinationRule(f: SamlFacts, inbound: boolean, acsUrl: string | undefined): LintRule {
  if (!inbound) return rule('saml-destination', TITLE, 'na', "Issued by IAM Identity Center: the destination is the application's (or AWS account's) ACS URL; compare it with that application's configuration.");
  const targets = [...new Set([...(f.destination !== undefined ? [f.destination] : []), ...f.recipients])];
  const said = [f.destination !== undefined ? `Destination ${truncateLine(f.destination, 100)}` : '', f.recipients.length ? `Recipient ${listSome(f.recipients.map((r) => truncateLine(r, 100)), 3)}` : '']
    .filter(Boolean)
    .join('; ');
  if (targets.length === 0) return rule('saml-destination', TITLE, 'na', 'No Destination or Recipient in the document.');
  const iam = targets.find((t) => IAM_SAML_ENDPOINT.test(t.trim()));
  if (iam) {
    return rule('saml-destination', TITLE, 'fail', `${said}. ${truncateLine(iam, 60)} is the IAM SAML endpoint (federation straight into one AWS account), not IAM Identity Center: the IdP application was created from the wrong template.`, {
      article: SIGNIN_ARTICLE,
      fix: "Create the IdP application from the IAM Identity Center template (called 'AWS IAM Identity Center' or 'AWS Single Sign-On' in Okta, Entra ID and others), or set its ACS URL to the one IAM Identity Center shows.",
    });
  }
  if (acsUrl) {
    const wrong = targets.filter((t) => t !== acsUrl);
    if (wrong.length === 0) return rule('saml-destination', TITLE, 'pass', `${said}: matches the configured ACS URL.`);
    const nearly = wrong.every((t) => same(t, acsUrl));
    return rule('saml-destination', TITLE, 'fail', `${said}; the configured ACS URL is ${truncateLine(acsUrl, 100)}.${nearly ? ' They differ only in case or a trailing slash, and IAM Identity Center requires an exact match.' : ''}`, {
      article: SIGNIN_ARTICLE,
      fix: ACS_FIX,
    });
  }
  if (targets.length > 1) {
    return rule('saml-destination', TITLE, 'fail', `${said}: they disagree, so at least one of them is not IAM Identity Center's ACS URL.`, { article: SIGNIN_ARTICLE, fix: ACS_FIX });
  }
  const shape = IDC_ACS_SHAPE.test(targets[0]!) ? 'It has the shape of an IAM Identity Center ACS URL.' : 'It does not look like an IAM Identity Center ACS URL (https://<region>.signin.aws.amazon.com/platform/saml/acs/…).';
  return rule('saml-destination', TITLE, 'na', `${said}. ${shape} Not compared with your instance: set IDC_ACS_URL (or --acs) to check it exactly.`);
}
