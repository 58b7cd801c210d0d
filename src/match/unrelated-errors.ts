/**
 * Errors people paste in the same channels that IAM Identity Center troubleshooting does not cover.
 * When one of these is present and no article signature matched, the bot stays silent rather than
 * stretching a vague match: answering the wrong question gets a bot muted within a day.
 */
export const UNRELATED_ERRORS: readonly RegExp[] = [
  /error loading sso token/i,
  /token (for [^ ]+ )?(does not exist|has expired)/i,
  /sso session associated with this profile has expired/i,
  /the sso session .* (has expired|is invalid)/i,
  /run aws sso login/i,
  /expiredtoken(exception)?/i,
  /is not authorized to perform:? sts:assumerole/i,
  /not authorized to perform:? sts:assumerolewithwebidentity/i,
  /invalididentitytoken/i,
  /\bcognito\b/i,
  /signaturedoesnotmatch/i,
  /the security token included in the request is (invalid|expired)/i,
  /unable to locate credentials/i,
  /no credentials? (were )?found/i,
  /nosuchbucket|accessdenied.*s3:|s3:getobject/i,
  /invalidclienttokenid/i,
];

export function findUnrelatedError(text: string): RegExp | undefined {
  return UNRELATED_ERRORS.find((re) => re.test(text));
}
