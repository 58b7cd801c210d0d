import type { ReplyKind } from '../../src/core/replies/reply';

/**
 * The conversations every chat edge must hold the same way: what the person says (a DM or a
 * mention, so always an explicit ask), what the answer is (the knowledge base article it is
 * about, or the kind of reply) and a sentence the rendered reply must show. Each edge's contract
 * test sends these through its real transport and reads its own rendering back.
 */
export type Expected = { article: string; kind?: never } | { kind: Exclude<ReplyKind, 'answer'>; article?: never };

export type Conversation = readonly [says: string, expected: Expected, mustContain: string];

export const CONVERSATIONS: readonly Conversation[] = [
  // Exact error strings, as pasted.
  ["An error occurred (AccessDenied): Cannot perform the operation on the protected role 'AWSReservedSSO_AdministratorAccess_0123456789abcdef' - this role is only modifiable by AWS", { article: 'protected-role-awsreservedsso' }, 'Find the permission set behind the role'],
  ['Request is unparsable, syntactically incorrect, or violates schema', { article: 'scim-sync-user-fails' }, 'first (given) name, last (family) name and display name'],
  // A truncated log line around the error.
  ['2026-01-15T10:02:11Z ERROR okta.provisioning user=jdoe status=400 detail="…syntactically incorrect, or violates schema"', { article: 'scim-sync-user-fails' }, 'Provision the user again'],
  // A vague complaint.
  ['SCIM provisioning to AWS fails for a few users but works for others', { article: 'scim-sync-user-fails' }, 'Likely cause:'],
  // The same words without AWS or Identity Center: it will not claim someone else's SCIM problem, but names the nearest article.
  ['SCIM provisioning fails for a few users but works for others', { kind: 'unknown' }, 'kb scim-sync-user-fails'],
  // Every answer ends with its source: the AWS documentation section.
  ['Refused to create a new, duplicate resource', { article: 'scim-duplicate-conflict' }, 'AWS docs: Troubleshooting IAM Identity Center issues › Duplicate user or group error'],
  // Commands typed as text.
  ['help', { kind: 'help' }, 'check user'],
  ['kb scim-sync-user-fails', { article: 'scim-sync-user-fails' }, 'When to escalate:'],
  ['kb', { kind: 'help' }, 'Knowledge base'],
  ['check frobnicate', { kind: 'help' }, 'check needs one of: user, assignments, saml, scim'],
  ['check user alice@example.com', { kind: 'notice' }, 'Live checks are not configured'],
  // Two close articles: it asks which one, with a button each.
  ['users get "An unexpected error has occurred" in the AWS access portal', { kind: 'clarify' }, 'Which one looks like your problem?'],
  // An IAM Identity Center problem with no article: it says so instead of guessing.
  ['our ssosync run deletes the groups that Control Tower created in identity center', { kind: 'unknown' }, 'An IAM Identity Center problem I have no article for'],
  // Things it must not pretend to know.
  ['what time is the standup tomorrow?', { kind: 'unknown' }, 'Outside what I know'],
  ['Error loading SSO Token: Token for my-profile does not exist', { kind: 'unknown' }, 'outside IAM Identity Center'],
  ['', { kind: 'unknown' }, 'Your message is empty'],
];
