import type { LintRule } from '../../core/checks/checks';
import { listSome, truncateLine } from '../../core/text/truncate';
import { rule } from '../lint-report';
import type { SamlFacts } from './read-saml-document';
import { shortUrn } from './saml-articles';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Status, assertion count and encryption: the structure of the response. */
export function responseRules(f: SamlFacts, article: string): LintRule[] {
  return [statusRule(f, article), countRule(f, article), encryptedAssertionRule(f, article), encryptedNameIdRule(f, article)];
}

function statusRule(f: SamlFacts, article: string): LintRule {
  const title = 'Status is Success';
  if (f.shape !== 'response') return rule('saml-status', title, 'na', `No Response element (${f.shape === 'assertion' ? 'a bare Assertion' : 'a fragment'}): there is no status to check.`);
  if (!f.status) return rule('saml-status', title, 'fail', 'The Response has no Status element.', { article, fix: 'The IdP produced an incomplete response: check its sign-in logs for this user and application.' });
  if (f.status.code.endsWith(':Success')) return rule('saml-status', title, 'pass', 'Status: Success.');
  const detail = f.status.detail.map((d) => truncateLine(shortUrn(d), 80));
  const invalidNameId = f.status.detail.some((d) => d.endsWith(':InvalidNameIDPolicy'));
  return rule('saml-status', title, 'fail', `Status: ${truncateLine(shortUrn(f.status.code), 60)}${detail.length ? ` / ${detail.join(' / ')}` : ''}. The IdP refused to issue an assertion.`, {
    article,
    fix: invalidNameId
      ? 'InvalidNameIDPolicy: the IdP cannot produce the requested NameID format. Set the IdP application\'s NameID format to EmailAddress and make sure the user has an e-mail-style user name.'
      : 'Look at the IdP sign-in log for this user and application: the error there says why it sent no assertion.',
  });
}

function countRule(f: SamlFacts, article: string): LintRule {
  const title = 'Exactly one assertion';
  const a = f.assertions;
  if (f.shape === 'fragment') return rule('saml-assertion-count', title, 'na', 'A fragment: there is no assertion to count.');
  const topLevel = a.topLevel + a.encryptedTopLevel;
  const advice = a.inAdvice ? ` Plus ${a.inAdvice} nested in an assertion's Advice: SAML allows that, but IAM Identity Center's handling of Advice is not documented; if sign-in fails, have the IdP stop adding Advice.` : '';
  if (a.wrappedIn.length > 0) {
    return rule(
      'saml-assertion-count',
      title,
      'fail',
      `${plural(topLevel, 'top-level assertion')}, plus ${a.wrappedIn.length} wrapped inside ${listSome(a.wrappedIn.map((p) => `<${truncateLine(p, 40)}>`))}. A hidden extra assertion is the XML signature wrapping pattern: the assertion a service provider reads ${f.signed.assertion || f.signed.response ? 'may not be the one that is signed' : 'is not signed, while a hidden one is'}.${advice}`,
      { article, fix: 'If the IdP really sent this, report it to the IdP vendor; if the response was edited or came from elsewhere, treat it as an attack attempt.' },
    );
  }
  if (topLevel === 1) {
    return rule('saml-assertion-count', title, 'pass', `1 top-level assertion${a.encryptedTopLevel ? ' (encrypted)' : ''}.${advice}`);
  }
  if (topLevel === 0) {
    return rule('saml-assertion-count', title, 'fail', 'No assertion: the response carries no user information (see the status).', {
      article,
      fix: 'The IdP did not sign the user in: check its sign-in log for this user and the IAM Identity Center application.',
    });
  }
  return rule('saml-assertion-count', title, 'fail', `${topLevel} top-level assertions: IAM Identity Center supports exactly one assertion per SAML response.${advice}`, {
    article,
    fix: 'Configure the IdP application to send a single assertion per response.',
  });
}

function encryptedAssertionRule(f: SamlFacts, article: string): LintRule {
  const title = 'Assertion not encrypted';
  if (f.shape === 'fragment') return rule('saml-assertion-encrypted', title, 'na', 'A fragment: no assertion.');
  if (f.assertions.encryptedTopLevel === 0) return rule('saml-assertion-encrypted', title, 'pass', 'No EncryptedAssertion.');
  return rule('saml-assertion-encrypted', title, 'fail', 'The response carries an EncryptedAssertion: IAM Identity Center does not support encrypted SAML assertions, and the NameID and attributes cannot be read without the key.', {
    article,
    fix: 'Turn assertion encryption off in the IdP application (Okta: Assertion Encryption = Unencrypted; Entra ID: remove the token encryption certificate; AD FS: Set-AdfsRelyingPartyTrust -EncryptClaims $false).',
  });
}

function encryptedNameIdRule(f: SamlFacts, article: string): LintRule {
  const title = 'NameID not encrypted';
  if (!f.encryptedNameId) {
    return rule('saml-nameid-encrypted', title, f.nameId ? 'pass' : 'na', f.nameId ? 'The NameID is in clear text.' : 'No readable Subject to check.');
  }
  return rule('saml-nameid-encrypted', title, 'fail', 'The Subject carries an EncryptedID instead of a NameID: IAM Identity Center cannot read the user name from it.', {
    article,
    fix: 'Turn NameID encryption off in the IdP application and send the NameID in clear text (the response is still signed).',
  });
}
