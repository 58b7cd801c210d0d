import type { LintReport } from '../../core/checks/checks';
import { inputProblem } from '../input-problem';
import { errorReport, lintReport } from '../lint-report';
import { abacRules } from './abac-rules';
import { decodeSamlInput } from './decode-saml-input';
import { destinationRule } from './destination-rule';
import { nameIdRules } from './nameid-rules';
import { parseSamlXml } from './parse-saml-xml';
import { readSamlDocument } from './read-saml-document';
import { responseRules } from './response-rules';
import { ASSERTION_DEBUG_ARTICLE, IDC_ISSUER, SIGNIN_ARTICLE } from './saml-articles';
import { samlSummary } from './saml-summary';

export interface SamlLintOptions {
  /** IAM Identity Center's ACS URL (IDC_ACS_URL): Destination and Recipient must equal it. */
  acsUrl?: string;
  /** Attributes for access control: true / false as configured; undefined = on when AccessControl: attributes are sent. */
  abac?: boolean;
}

/**
 * Lints a SAML response (XML, base64, URL-encoded, bare assertion or fragment) against what IAM
 * Identity Center accepts from an external IdP. Never throws: unusable input is an `error` report.
 */
export function lintSaml(text: string, options: SamlLintOptions = {}): LintReport {
  try {
    const problem = inputProblem(text, 'SAML response (XML or base64)');
    if (problem) return errorReport('saml', problem);
    const decoded = decodeSamlInput(text);
    if (!decoded.ok) return errorReport('saml', decoded.error);
    const parsed = parseSamlXml(decoded.xml);
    if (!parsed.ok) return errorReport('saml', parsed.error, [{ label: 'Input', value: decoded.form }]);
    const facts = readSamlDocument(parsed.root, parsed.shape);
    const issuedByIdc = facts.issuer !== undefined && IDC_ISSUER.test(facts.issuer);
    const article = issuedByIdc ? ASSERTION_DEBUG_ARTICLE : SIGNIN_ARTICLE;
    const rules = [
      ...responseRules(facts, article),
      ...nameIdRules(facts, !issuedByIdc),
      destinationRule(facts, !issuedByIdc, options.acsUrl),
      ...abacRules(facts, !issuedByIdc, options.abac),
    ];
    return lintReport('saml', rules, samlSummary(facts, decoded.form, issuedByIdc));
  } catch (err) {
    // A bug in a rule must not take the bot down: report it as unusable input, without the paste.
    return errorReport('saml', `The SAML linter failed on this input (${(err as Error).name}). Please report it with the file.`);
  }
}
