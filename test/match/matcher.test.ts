import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Matcher } from '../../src/match/index';
import type { Article } from '../../src/knowledge/article';
import { fixturesDir, shippedArticles, shippedKnowledge } from '../helpers/builders';

const { matcher } = shippedKnowledge();
const { unasked: UNASKED_THRESHOLD } = matcher.params.thresholds;
/** What the bot answers when mentioned (outcome "answer"), or null. */
const answer = (text: string) => {
  const r = matcher.match(text);
  return r.outcome === 'answer' ? r.matches[0]!.articleId : null;
};
const fixture = (name: string) => readFileSync(join(fixturesDir, 'cloudtrail', name), 'utf8');

describe('Matcher: which article a message gets', () => {
  it.each<[string, string | null]>([
    // Exact error strings, with the punctuation, quotes and wrapping people paste.
    ["UnmodifiableEntity: Cannot perform the operation on the protected role 'AWSReservedSSO_Billing_0a1b2c3d4e5f6a7b' - this role is only modifiable by AWS", 'protected-role-awsreservedsso'],
    ['Cannot perform the operation on the protected role ‘AWSReservedSSO_Dev_1’', 'protected-role-awsreservedsso'],
    ['```\nRequest is unparsable,\n  syntactically incorrect, or violates schema.\n```', 'scim-sync-user-fails'],
    ['You can’t delete / modify / remove / assign access to permission sets provisioned in the management account', 'delegated-admin-management-account'],
    ['Error: Session token not found or invalid', 'session-token-not-found'],
    ['SCIM POST /Users -> 409 {"detail":"Refused to create a new, duplicate resource."}', 'scim-duplicate-conflict'],
    ['the reset page says We couldn’t update your password. Any idea?', 'directory-password-reset'],
    ['<@U024BE7LH> getting "Invalid MFA credentials" right after the Okta redirect', 'invalid-mfa-credentials'],
    // A truncated paste of a longer signature.
    ['Request is unparsable, syntactically incorrect, or viol', 'scim-sync-user-fails'],
    // A signature two articles share is settled by the words around it.
    ['Okta SAML sign-in to the access portal ends with "An unexpected error has occurred"', 'external-idp-unexpected-error'],
    ['registering the authenticator app for MFA: "An unexpected error has occurred", the code from my phone is rejected', 'totp-unexpected-error'],
  ])('%s → %s', (text, expected) => {
    expect(answer(text)).toBe(expected);
  });

  it.each<[string, string]>([
    ['an expired CLI session', 'Error loading SSO Token: Token for https://acme.awsapps.com/start does not exist'],
    ['an STS denial naming an AWSReservedSSO_ role', 'An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_Dev_0123456789abcdef/ana is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::444455556666:role/ci'],
    ['a service-linked role, which gives the same IAM error', "Cannot perform the operation on the protected role 'AWSServiceRoleForSupport' - this role is only modifiable by AWS"],
    ['a Cognito error', 'NotAuthorizedException: Incorrect username or password. (Cognito user pool)'],
    ['an S3 denial', 'An error occurred (AccessDenied) when calling the PutObject operation: Access Denied'],
    ['chatter', 'morning all, coffee machine on 4 is fixed'],
  ])('stays silent on %s', (_name, text) => {
    expect(answer(text)).toBeNull();
  });

  // Descriptions in people's own words, with typos and synonyms: the right article ranks first,
  // whether the fitted thresholds let the bot assert it or only offer it (see eval --cv).
  it.each<[string, string]>([
    ['how can I view the saml assertion the aws access portal sends to our app?', 'saml-assertion-debug'],
    ['entra provisionning into identity center fails only for users with two phone numbers', 'scim-sync-user-fails'],
    ['AD users log in with CORP\\jdoe fine but jdoe@corp.com fails since MFA is always-on in identity center', 'upn-signin-mfa'],
    ['the access portal says our browser is not supported when registering a security key', 'mfa-browser-not-supported'],
    ['nobody receives the identity center invitation e-mail, maybe our spam filter?', 'emails-not-received'],
    ['we gave the Domain Users group a permission set, AD people still see no AWS accounts', 'ad-domain-users-group'],
    ['enabling attributes for access control in identity center gives an error', 'abac-enable-failed'],
  ])('ranks first: %s → %s', (text, expected) => {
    expect(matcher.match(text).matches[0]?.articleId).toBe(expected);
  });
});

describe('Matcher: evidence and confidence', () => {
  it('answers unasked only on strong evidence', () => {
    const exact = matcher.match("Cannot perform the operation on the protected role 'AWSReservedSSO_X_1' - this role is only modifiable by AWS").matches[0]!;
    expect(exact.confidence).toBeGreaterThanOrEqual(UNASKED_THRESHOLD);
    expect(exact.evidence[0]).toEqual({ kind: 'signature', text: 'Cannot perform the operation on the protected role' });
    const vague = matcher.match('something with the sso roles is weird').matches[0];
    expect(vague?.confidence ?? 0).toBeLessThan(UNASKED_THRESHOLD);
  });

  it('names a truncated paste as a partial signature, weaker than the whole one', () => {
    const partial = matcher.match('Request is unparsable, syntactically incorrect, or viol').matches[0]!;
    // Four words are too few to count as the signature (the learned views may still rank the article).
    expect(matcher.match('Request is unparsable, syntac').matches.flatMap((m) => m.evidence.map((e) => e.kind))).not.toContain('partial-signature');
    expect(partial.evidence[0]!.kind).toBe('partial-signature');
    const whole = matcher.match('Request is unparsable, syntactically incorrect, or violates schema').matches[0]!;
    expect(whole.evidence[0]!.kind).toBe('signature');
    expect(partial.articleId).toBe(whole.articleId);
    // The signature features themselves: a truncated paste scores below the whole string.
    const signatureScore = (text: string) => matcher.analyse(text).candidates.find((c) => c.evidence.some((e) => e.kind.endsWith('signature')))!.features[4]!;
    expect(signatureScore('Request is unparsable, syntactically incorrect, or viol')).toBeLessThan(signatureScore('Request is unparsable, syntactically incorrect, or violates schema'));
  });

  it('matches a failed ExternalIdPDirectoryLogin record by its event, and not a successful sign-in', () => {
    const failed = matcher.match(fixture('panther_signin_ExternalIdPDirectoryLogin_FAILURE_not_valid_response.json')).matches[0]!;
    expect(failed.articleId).toBe('external-idp-unexpected-error');
    expect(failed.evidence).toContainEqual({ kind: 'event', text: 'ExternalIdPDirectoryLogin (failed)' });
    expect(answer(fixture('awsdocs_signin_UserAuthentication_external_idp_success.json'))).toBeNull();
  });

  it('tells SCIM records apart by their errorCode', () => {
    expect(answer(fixture('awsdocs-current_identitystore-scim_PatchUser_ValidationException_emails_limit.json'))).toBe('scim-sync-user-fails');
    expect(answer(fixture('awsdocs-current_identitystore-scim_CreateGroup_ConflictException_duplicate_displayname.json'))).toBe('scim-duplicate-conflict');
    expect(answer(fixture('awsdocs-current_identitystore-scim_CreateUser_success.json'))).toBeNull();
  });

  it('does not read symptoms into the fields of a pasted record', () => {
    // A sign-in through an AWSReservedSSO_ role: many shared words ("role", "sign", "user"), no problem.
    expect(answer(fixture('aidansteele_sts_AssumeRoleWithSAML_AWSReservedSSO_role.json'))).toBeNull();
    expect(answer(fixture('panther_signin_ConsoleLogin_via_AWSReservedSSO_role.json'))).toBeNull();
  });

  it('does not assert either article of a signature two articles share, with nothing else to go on', () => {
    const r = matcher.match('An unexpected error has occurred');
    expect(r.matches.slice(0, 2).map((m) => m.articleId).sort()).toEqual(['external-idp-unexpected-error', 'totp-unexpected-error']);
    expect(r.matches[0]!.confidence).toBeLessThan(matcher.params.thresholds.answer);
    expect(r.outcome).not.toBe('answer');
  });

  it('counts descriptions outside any AWS context for less', () => {
    const inContext = matcher.match('aws identity center scim provisioning fails with 409 conflict, the user already exists').matches[0]!;
    const outside = matcher.match('scim provisioning fails with 409 conflict, the user already exists').matches[0];
    expect(inContext.articleId).toBe('scim-duplicate-conflict');
    expect(outside?.confidence ?? 0).toBeLessThan(inContext.confidence);
  });

  it('ranks at most five candidates, best first, each above the candidate floor', () => {
    const r = matcher.match('identity center sign in saml okta scim provisioning mfa error users groups permission sets');
    expect(r.matches.length).toBeLessThanOrEqual(5);
    const confidences = r.matches.map((m) => m.confidence);
    expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
  });

  it('works with operator articles: a new signature, events with "*" and excludes', () => {
    const base = shippedArticles();
    const mine: Article = {
      ...base[0]!,
      id: 'my-gateway-timeout',
      title: 'Our SSO gateway times out',
      signatures: ['GW-4711 upstream identity timeout'],
      symptoms: ['the corporate sso gateway times out before the access portal loads'],
      events: [{ name: '*', source: 'gateway.example.internal', error: 'Timeout' }],
      excludes: ['staging gateway'],
      file: 'my-gateway-timeout.md',
    };
    const m = new Matcher([...base, mine]);
    expect(m.match('aws portal: GW-4711 upstream identity timeout').matches[0]?.articleId).toBe('my-gateway-timeout');
    expect(m.match('"eventName": "Anything", "eventSource": "gateway.example.internal", "errorCode": "Timeout"').matches[0]?.articleId).toBe('my-gateway-timeout');
    expect(m.match('staging gateway: GW-4711 upstream identity timeout').matches.map((x) => x.articleId)).not.toContain('my-gateway-timeout');
  });
});

describe('Matcher: silence on other AWS errors is narrow', () => {
  it.each<[string, string, string]>([
    ['mentions aws sso login in passing', 'aws sso login works but the access portal shows no accounts since bob was deleted and re-created in okta', 'stale-principal-after-recreate'],
    ['mentions an S3 action of a permission set', 'the permission set grants s3:GetObject but the AWSReservedSSO_Data role in the account cannot be edited, terraform says protected role', 'protected-role-awsreservedsso'],
  ])('still answers when a message %s', (_name, text, expected) => {
    expect(answer(text)).toBe(expected);
  });
});
