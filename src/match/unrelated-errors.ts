/**
 * Errors people paste in the same channels that IAM Identity Center troubleshooting does not cover.
 * When one of these is present and no article signature or CloudTrail event matched, the bot stays
 * silent rather than stretching a vague match: answering the wrong question gets a bot muted within
 * a day. Patterns name families of errors (expired CLI sessions, STS and S3 denials, Cognito,
 * Terraform state), run on normalized (lower-case) text.
 */
export const UNRELATED_ERRORS: readonly RegExp[] = [
  // Expired or missing AWS CLI / SDK SSO sessions: the fix is `aws sso login`, not an article.
  /error loading sso token/,
  /unable to load sso token/,
  /token (for [^ ]+ )?(does not exist|has expired)/,
  /sso session associated with this profile has expired/,
  /the sso session .* (has expired|is invalid)/,
  /sso (access )?token has (either )?expired/,
  /cached sso login is expired/,
  /\b(?:run|running|try|retry|please)\W+(?:the\W+)?aws sso login\b/,
  /expiredtoken(exception)?/,
  /invalid[_ ]?grant/,
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
