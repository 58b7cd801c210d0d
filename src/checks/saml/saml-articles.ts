/**
 * Knowledge base articles the SAML rules point to.
 * - Sign-in through an external IdP fails ("An unexpected error has occurred"): the source page lists
 *   the NameID, single-assertion, no-encryption, attributes-for-access-control and ACS requirements.
 * - Assertions IAM Identity Center itself issues to applications: debugged with the access portal's
 *   administrator mode ("Copy XML"); the inbound rules do not apply to them.
 */
export const SIGNIN_ARTICLE = 'external-idp-unexpected-error';
export const ASSERTION_DEBUG_ARTICLE = 'saml-assertion-debug';

export const ABAC_PREFIX = 'https://aws.amazon.com/SAML/Attributes/AccessControl:';
export const EMAIL_FORMAT = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';
/** The IAM (account federation) SAML endpoints: the IdP app was made from the wrong template. */
export const IAM_SAML_ENDPOINT = /^https:\/\/(?:[a-z0-9-]+\.)?signin\.(?:aws\.amazon\.com|amazonaws-us-gov\.com|amazonaws\.cn)\/saml\/?$/i;
/** IAM Identity Center's ACS URL: https://<region>.signin.aws.amazon.com/platform/saml/acs/<id>. */
export const IDC_ACS_SHAPE = /^https:\/\/[a-z0-9-]+\.signin\.(?:aws\.amazon\.com|amazonaws-us-gov\.com|amazonaws\.cn)\/platform\/saml\/acs\/[\w-]+$/i;
/** Assertions IAM Identity Center issues (access portal → application or AWS account). */
export const IDC_ISSUER = /^https:\/\/portal\.sso\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?\/saml\/assertion\//i;

/** The last word of a SAML URN ("…:nameid-format:transient" → "transient"). */
export function shortUrn(urn: string): string {
  return urn.split(':').pop() || urn;
}
