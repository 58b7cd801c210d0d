import { truncate } from './text/truncate';
/** Scrubbed texts are cut to this many characters: enough for an error and its description. */
export const MAX_SCRUBBED_CHARS = 2_000;

/**
 * Removes what must not be kept or shared from a message before it is stored for learning or
 * exported as a candidate example: e-mail addresses, tokens and keys (Slack, bearer, JWT, AWS
 * access keys and secrets, SAML/SCIM token-like blobs), account ids and ARNs. Placeholders keep
 * the sentence readable ("<email>", "<token>").
 */
const RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(?:xox[abposr]|xapp)-[A-Za-z0-9-]{8,}/g, '<token>'],
  [/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{4,}/g, '<token>'],
  [/\b(bearer|token|secret|password|passwd|pwd|authorization)(\s*[:=]\s*|\s+)("?)[^\s"',;]{6,}\3/gi, '$1$2<token>'],
  [/\b(?:AKIA|ASIA|AROA|AIDA)[A-Z0-9]{12,}\b/g, '<access-key>'],
  [/(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{40}(?![A-Za-z0-9+/=])/g, '<secret>'],
  [/[A-Za-z0-9+/]{120,}={0,2}/g, '<blob>'],
  [/\barn:aws[\w-]*:[^\s"',)]+/gi, '<arn>'],
  [/\b[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}\b/g, '<email>'],
  [/\b\d{12}\b/g, '<account-id>'],
];

/** Kinds of secret that must never sit in a knowledge base example (e-mails and ids are scrubbed, not refused). */
const SECRETS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(?:xox[abposr]|xapp)-[A-Za-z0-9-]{8,}/, 'a Slack token'],
  [/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{4,}/, 'a JWT'],
  [/\bbearer\s+(?!<|\$\{|x{3,})[A-Za-z0-9._~+/-]{20,}/i, 'a bearer token'],
  [/\b(?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?token)"?\s*[:=]\s*"?(?!<|\$\{|\*|x{3,}|hidden|redacted|example|your|null|true|false|none\b)[^\s"',;<>]{8,}/i, 'a token or password'],
  [/\b(?:AKIA|ASIA)(?![A-Z0-9]*EXAMPLE)[A-Z0-9]{16}\b/, 'an AWS access key id'],
  [/(?<![A-Za-z0-9+/])(?=[A-Za-z0-9+/]{40}(?![A-Za-z0-9+/=]))(?=[^\s]*[a-z])(?=[^\s]*[A-Z])(?=[^\s]*[0-9])[A-Za-z0-9+/]{40}(?![A-Za-z0-9+/=])/, 'a 40-character secret'],
];

/** What kind of secret the text holds, if any (for `kb lint` of examples). */
export function findSecret(text: string): string | undefined {
  return SECRETS.find(([re]) => re.test(text))?.[1];
}

export function scrubText(text: string, max = MAX_SCRUBBED_CHARS): string {
  let out = text.length > max * 2 ? text.slice(0, max * 2) : text;
  for (const [re, replacement] of RULES) out = out.replace(re, replacement);
  return truncate(out, max);
}
