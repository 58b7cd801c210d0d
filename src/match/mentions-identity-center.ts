/**
 * Words that place a message in IAM Identity Center's world. SCIM, SAML, MFA and "permission"
 * problems exist in every product (GitLab, Sentry, Keycloak…); a symptom match without any of
 * these words is about someone else's system more often than not, so it counts for less.
 * Run on normalized (lower-case) text.
 */
const CONTEXT =
  /\b(?:aws|amazon|iam|identity ?center|idc|sso|access portal|awsapps|permission sets?|awsreservedsso\w*|identitystore\S*|ssosync|ad connector|start page|cloudtrail|externalidpdirectorylogin|management account|delegated admin\w*)\b/;

export function mentionsIdentityCenter(normalized: string): boolean {
  return CONTEXT.test(normalized);
}
