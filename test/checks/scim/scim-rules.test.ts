import fc from 'fast-check';
import { lintScim } from '../../../src/checks/scim/lint-scim';

const user = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    userName: 'ana@example.com',
    name: { givenName: 'Ana', familyName: 'Lopez' },
    displayName: 'Ana Lopez',
    emails: [{ value: 'ana@example.com', type: 'work', primary: true }],
    active: true,
    ...over,
  });
const patch = (operations: unknown[], path = '/scim/v2/Users/1') =>
  `PATCH ${path} HTTP/1.1\nContent-Type: application/scim+json\n\n${JSON.stringify({ schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: operations })}`;
const failures = (text: string) => lintScim(text).rules.filter((r) => r.status === 'fail');

describe('SCIM user rules', () => {
  it('passes a user IAM Identity Center accepts', () => {
    expect(lintScim(user()).verdict).toBe('pass');
  });

  it.each([
    ['an empty givenName', { name: { givenName: ' ', familyName: 'Lopez' } }, 'scim-required-names', /name\.givenName is empty/],
    ['no userName', { userName: undefined }, 'scim-user-name', /No userName/],
    ['two phone numbers', { phoneNumbers: [{ value: '1', type: 'work' }, { value: '2', type: 'mobile' }] }, 'scim-single-value', /phoneNumbers has 2 values \(work, mobile\)/],
    ['two roles', { roles: [{ value: 'a' }, { value: 'b' }] }, 'scim-single-value', /roles has 2 values/],
    ['an e-mail not marked primary', { emails: [{ value: 'ana@example.com', type: 'work' }] }, 'scim-email-primary', /no "primary"/],
    ['an empty photos list', { photos: [] }, 'scim-unsupported-attributes', /photos \(not supported\)/],
    ['entitlements', { entitlements: [{ value: 'x' }] }, 'scim-unsupported-attributes', /entitlements/],
    ['a display sub-attribute on the phone', { phoneNumbers: [{ value: '1', type: 'work', display: '1' }] }, 'scim-unsupported-subattributes', /phoneNumbers\[\]\.display/],
    ['a null title', { title: null }, 'scim-null-values', /null for title/],
    ['a null inside the name', { name: { givenName: 'Ana', familyName: 'Lopez', middleName: null } }, 'scim-null-values', /null for name\.middleName/],
    ['an unknown attribute', { costCentre: '12' }, 'scim-unknown-attributes', /Not User attributes: costCentre/],
    ['a manager list in the enterprise extension', { 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { manager: [{ value: 'm' }] } }, 'scim-enterprise-manager', /manager is a list of 1/],
  ])('fails %s', (_name, over, id, evidence) => {
    const failed = failures(user(over));
    expect(failed.map((r) => r.id)).toEqual([id]);
    expect(failed[0]!.evidence).toMatch(evidence);
  });

  it('matches attribute names case-insensitively, as SCIM does', () => {
    expect(lintScim(JSON.stringify({ UserName: 'a@b.c', Name: { GivenName: 'A', FamilyName: 'B' }, DisplayName: 'A B' })).verdict).toBe('pass');
  });

  it('does not echo a pasted bearer token, and says to rotate it', () => {
    const token = 'eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXNjaW0tdG9rZW4tdmFsdWU.abcdefghijklmnop';
    const report = lintScim(`POST https://scim.us-east-1.amazonaws.com/abc/scim/v2/Users\nAuthorization: Bearer ${token}\n\n${user()}`);
    expect(JSON.stringify(report)).not.toContain(token.slice(0, 20));
    expect(report.summary.find((f) => f.label === 'Authorization')?.value).toMatch(/rotate the SCIM access token/);
    const placeholder = lintScim(`POST /scim/v2/Users\nAuthorization: Bearer <bearer_token>\n\n${user()}`);
    expect(placeholder.summary.find((f) => f.label === 'Authorization')).toBeUndefined();
  });
});

describe('SCIM PATCH rules', () => {
  it.each([
    ['remove without a path', [{ op: 'remove' }], 'scim-patch-operations', /remove needs a path \("Missing path in PATCH request"\)/],
    ['an unsupported op', [{ op: 'copy', path: 'title', value: 'x' }], 'scim-patch-operations', /op "copy" is not supported/],
    ['replace without a value', [{ op: 'replace', path: 'title' }], 'scim-patch-operations', /replace needs a value/],
    ['no path and a string value', [{ op: 'replace', value: 'x' }], 'scim-patch-operations', /no path, and the value is not an object/],
    ['no path and two attributes', [{ op: 'replace', value: { title: 'a', nickName: 'b' } }], 'scim-patch-operations', /no path with 2 attributes/],
    ['a co filter', [{ op: 'replace', path: 'emails[value co "example"].value', value: 'a@b.c' }], 'scim-patch-filter', /co in operation 1/],
    ['a password change', [{ op: 'replace', path: 'password', value: 'x' }], 'scim-patch-attributes', /changes password/],
    ['removing userName', [{ op: 'remove', path: 'userName' }], 'scim-patch-attributes', /removes username/],
    ['two operations on active', [{ op: 'replace', path: 'active', value: false }, { op: 'replace', path: 'active', value: true }], 'scim-patch-attributes', /2 operations on active/],
    ['two e-mails in one value', [{ op: 'add', path: 'emails', value: [{ value: 'a@b.c' }, { value: 'd@e.f' }] }], 'scim-single-value', /Operation 1: emails has 2 values/],
    ['a null value', [{ op: 'replace', path: 'title', value: null }], 'scim-null-values', /Operation 1: null for title/],
  ])('fails a user PATCH with %s', (_name, operations, id, evidence) => {
    const failed = failures(patch(operations));
    expect(failed.map((r) => r.id)).toEqual([id]);
    expect(failed[0]!.evidence).toMatch(evidence);
  });

  it.each([
    ['replacing all members', [{ op: 'replace', path: 'members', value: [{ value: 'u1' }] }], /replaces all members/],
    ['removing all members', [{ op: 'remove', path: 'members' }], /removes all members/],
    ['101 member changes', [{ op: 'add', path: 'members', value: Array.from({ length: 101 }, (_, i) => ({ value: `u${i}` })) }], /101 membership changes/],
    ['a user attribute on a group', [{ op: 'replace', path: 'title', value: 'x' }], /changes title \(PatchGroup allows displayName, members and externalId\)/],
  ])('fails a group PATCH with %s', (_name, operations, evidence) => {
    const failed = failures(patch(operations, '/scim/v2/Groups/g1'));
    expect(failed.map((r) => r.id)).toEqual(['scim-patch-attributes']);
    expect(failed[0]!.evidence).toMatch(evidence);
  });

  it('passes the membership changes IAM Identity Center supports', () => {
    const ok = patch([{ op: 'remove', path: 'members[value eq "u1"]' }, { op: 'add', path: 'members', value: [{ value: 'u2' }] }, { op: 'replace', path: 'displayName', value: 'Ops' }], '/scim/v2/Groups/g1');
    expect(lintScim(ok).verdict).toBe('pass');
  });
});

describe('SCIM input that cannot be used', () => {
  it.each([
    ['empty', '', /input is empty/],
    ['binary junk', Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 53 + 7) % 256)).toString('utf8'), /binary data/],
    ['invalid JSON', '{\n  "userName": "ana",\n  "name": {"givenName": "A"\n}', /^Invalid JSON: the JSON ends early \(cut off\?\) at line 4/],
    ['a stray character', '{"userName": "ana", x}', /^Invalid JSON: unexpected "x" at line 1, column 21/],
    ['no JSON at all', 'users fail to sync from okta', /No JSON found/],
    ['JSON that is not SCIM', '{"eventName": "CreateUser", "awsRegion": "us-east-1"}', /not a SCIM payload: .*its keys: eventName, awsRegion/],
    ['a JSON list', '[{"userName": "a"}]', /The JSON is a list/],
    ['a JSON string', '"hello"', /No JSON found|not an object/],
    ['a ListResponse', '{"schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], "Resources": []}', /ListResponse/],
    ['a GET request', 'GET /scim/v2/Users?filter=userName%20eq%20%22a%22 HTTP/1.1\nAuthorization: Bearer <t>', /GET and DELETE requests carry none/],
    ['an oversized body', user({ title: 'x'.repeat(300 * 1024) }), /larger than 256 KB/],
  ])('refuses %s with a specific message', (_name, text, message) => {
    const report = lintScim(text);
    expect(report.verdict).toBe('error');
    expect(report.error).toMatch(message);
  });

  it('reads JSON with a trailing comma but fails it: IAM Identity Center would call it unparsable', () => {
    const report = lintScim('{\n  "userName": "a@b.c",\n  "displayName": "A B",\n  "name": {"givenName": "A", "familyName": "B"},\n}');
    expect(report.rules[0]).toMatchObject({ id: 'scim-json-syntax', status: 'fail' });
    expect(report.rules[0]!.evidence).toMatch(/Trailing comma near line 4/);
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.json({ maxDepth: 4 })), (s) => ['pass', 'fail', 'error'].includes(lintScim(s).verdict)),
      { numRuns: 400 },
    );
  });
});

describe('SCIM hostile input', () => {
  it('refuses deeply nested JSON without overflowing the stack', () => {
    const deep = `{"userName":"a","x":${'['.repeat(20000)}${']'.repeat(20000)}}`;
    const report = lintScim(deep);
    expect(report.verdict).toBe('error');
    expect(report.error).toMatch(/nested more than 32 levels deep/);
  });
});
