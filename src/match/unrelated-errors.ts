/**
 * Errors people paste in the same channels that IAM Identity Center troubleshooting does not cover.
 * When one of these is present and no article signature or CloudTrail event matched, the bot stays
 * silent rather than stretching a vague match: answering the wrong question gets a bot muted within
 * a day. Patterns name families of errors (expired CLI sessions, STS and S3 denials, Cognito,
 * Terraform state), run on normalized (lower-case) text.
 */
export const UNRELATED_ERRORS: readonly RegExp[] = [
  // Missing AWS CLI / SDK SSO tokens: the fix is `aws sso login`, not an article. (Patterns that the
  // real examples showed on cli-sso-login-failed messages at least as often as on others, such as
  // invalid_grant and "run aws sso login", were removed when that article was written.)
  /error loading sso token/,
  /unable to load sso token/,
  /sso (access )?token has (either )?expired/,
  /expiredtoken(exception)?/,
  // STS, IAM MFA and credential problems outside Identity Center.
  /not authorized to perform:? sts:assumerole/,
  /multifactorauthentication failed/,
  /invalididentitytoken/,
  /signaturedoesnotmatch/,
  /the security token included in the request is (invalid|expired)/,
  /unable to locate credentials/,
  /no credentials? (were )?found/,
  /invalidclienttokenid/,
  /your request included an invalid saml response/, // IAM SAML federation, not Identity Center
  // Other services.
  /\bcognito\b/,
  /usernotconfirmedexception|invalidsmsrole\w*exception/,
  /operation error s3:|not authorized to perform:? s3:|nosuchbucket|bucketalready(owned|exists)/,
  /when calling the \w+ operation: access denied/,
  /error acquiring the state lock|failed to lock s3 state|authorizationheadermalformed/,
];

// One pass over the message instead of one per pattern.
const ANY_UNRELATED = new RegExp(UNRELATED_ERRORS.map((re) => `(?:${re.source})`).join('|'));

/** The first unrelated-error pattern found in normalized text, if any. */
export function findUnrelatedError(text: string): RegExp | undefined {
  return ANY_UNRELATED.test(text) ? UNRELATED_ERRORS.find((re) => re.test(text)) : undefined;
}
