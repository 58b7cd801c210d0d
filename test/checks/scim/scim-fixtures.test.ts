import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { lintScim } from '../../../src/checks/scim/lint-scim';
import { fixturesDir } from '../../helpers/builders';

/**
 * Every SCIM fixture with the verdict from /work/shared/fixtures/SOURCES.md, and the rules that
 * must fail (all others must not). Where SOURCES.md leaves the verdict open, the comment says why.
 */
const TABLE: Array<[file: string, verdict: 'pass' | 'fail', fails: string[]]> = [
  ['awsdocs_idc_scim_devguide_CreateUser_request_reference.http', 'pass', []],
  ['awsdocs_idc_scim_devguide_PatchUser_deactivate_string_false.http', 'pass', []],
  // Recognised as IAM Identity Center's answer: a refused request, explained.
  ['awsdocs_idc_scim_error_response_unparsable_violates_schema.json', 'fail', ['scim-idc-error']],
  // "$ref": null is a server-side reference and is ignored.
  ['entra_PATCH_Groups_add_members_null_ref.json', 'pass', []],
  // PatchUser cannot modify an unprefixed "manager", and the manager is one reference, not a list.
  ['entra_PATCH_Users_add_manager_ref_array.http', 'fail', ['scim-patch-attributes', 'scim-enterprise-manager']],
  ['entra_PATCH_Users_replace_work_email_filter_path.json', 'pass', []],
  // The vendor schema URN is reported, not failed.
  ['entra_POST_Groups_create_extra_adscim_schema.json', 'pass', []],
  ['entra_POST_Users_create_request_no_displayName.json', 'fail', ['scim-required-names']],
  ['entra_POST_Users_provision_example_nulls_and_bad_extension_urn.http', 'fail', ['scim-unknown-attributes', 'scim-schema-urns', 'scim-null-values']],
  // members[].display is not supported for groups (User Guide, supported attributes); the eq filter is.
  ['okta_PATCH_Groups_membership_remove_filter_and_add_indented.http', 'fail', ['scim-unsupported-subattributes']],
  // No path and one attribute: allowed ("omitting path only for Add and Replace operations modifying a single attribute").
  ['okta_PATCH_Users_deactivate_no_path_value_object.http', 'pass', []],
  ['okta_POST_Groups_create.http', 'pass', []],
  ['okta_POST_Users_create_with_password_and_groups.http', 'fail', ['scim-unsupported-attributes']],
  ['okta_PUT_Users_update_emails_display_subattr.http', 'fail', ['scim-required-names', 'scim-unsupported-attributes', 'scim-unsupported-subattributes']],
  ['rfc7643_scimple_enterprise-user-example.json', 'fail', ['scim-single-value', 'scim-unsupported-attributes', 'scim-unsupported-subattributes', 'scim-enterprise-manager']],
  ['rfc7643_scimple_full-user-example.json', 'fail', ['scim-single-value', 'scim-unsupported-attributes', 'scim-unsupported-subattributes']],
  ['rfc7643_scimple_group-example.json', 'fail', ['scim-unsupported-subattributes']],
  // meta.version is an unsupported sub-attribute too.
  ['rfc7643_scimple_minimal-user-example.json', 'fail', ['scim-required-names', 'scim-unsupported-subattributes']],
  ['ssosync_google_PATCH_Groups_add_member.json', 'pass', []],
  ['ssosync_google_PATCH_Groups_remove_member.json', 'pass', []],
];

const dir = join(fixturesDir, 'scim');
const read = (file: string) => readFileSync(join(dir, file), 'utf8');
const ruleOf = (file: string, id: string) => lintScim(read(file)).rules.find((r) => r.id === id)!;

describe('SCIM fixtures (verdicts from SOURCES.md)', () => {
  it('has a row for every fixture file', () => {
    expect(TABLE.map((r) => r[0]).sort()).toEqual(readdirSync(dir).sort());
  });

  it.each(TABLE)('%s → %s', (file, verdict, fails) => {
    const report = lintScim(read(file));
    expect(report.verdict).toBe(verdict);
    expect(report.rules.filter((r) => r.status === 'fail').map((r) => r.id).sort()).toEqual([...fails].sort());
    for (const r of report.rules.filter((x) => x.status === 'fail')) {
      expect(r.article).toBe('scim-sync-user-fails');
      expect(r.fix).toBeTruthy();
    }
  });

  it('explains the multi-valued failure with the IdP-side fix', () => {
    const rule = ruleOf('rfc7643_scimple_full-user-example.json', 'scim-single-value');
    expect(rule.evidence).toBe('emails has 2 values (work, home); phoneNumbers has 2 values (work, mobile); addresses has 2 values (work, home). IAM Identity Center accepts only one value for each.');
    expect(rule.fix).toMatch(/only the work phone/);
  });

  it('names each missing or empty required name', () => {
    expect(ruleOf('rfc7643_scimple_minimal-user-example.json', 'scim-required-names').evidence).toMatch(/^name\.givenName is missing; name\.familyName is missing; displayName is missing\./);
    expect(ruleOf('entra_POST_Users_create_request_no_displayName.json', 'scim-required-names').evidence).toMatch(/^displayName is missing\./);
  });

  it('says why unsupported attributes are refused', () => {
    expect(ruleOf('okta_POST_Users_create_with_password_and_groups.http', 'scim-unsupported-attributes').evidence).toMatch(
      /groups \(group membership is set with PATCH \/Groups, not on the user\); password \(passwords are not synchronised/,
    );
  });

  it('spots the misspelt enterprise URN and top-level enterprise attributes', () => {
    const file = 'entra_POST_Users_provision_example_nulls_and_bad_extension_urn.http';
    expect(ruleOf(file, 'scim-schema-urns').evidence).toMatch(/did you mean "urn:ietf:params:scim:schemas:extension:enterprise:2\.0:User"/);
    expect(ruleOf(file, 'scim-unknown-attributes').evidence).toMatch(/department, manager belong inside the "urn:ietf:params:scim:schemas:extension:enterprise:2\.0:User" object/);
    expect(ruleOf(file, 'scim-null-values').evidence).toMatch(/^null for addresses, phoneNumbers, preferredLanguage, title, department and 1 more/);
  });

  it('recognises IAM Identity Center’s error body and says what to look at', () => {
    const report = lintScim(read('awsdocs_idc_scim_error_response_unparsable_violates_schema.json'));
    expect(report.summary.find((f) => f.label === 'Payload')?.value).toBe("IAM Identity Center's SCIM error response");
    const rule = report.rules[0]!;
    expect(rule.evidence).toMatch(/HTTP 400\): "Request is unparsable, syntactically incorrect, or violates schema\."/);
    expect(rule.fix).toMatch(/identitystore-scim\.amazonaws\.com/);
    expect(rule.fix).toMatch(/more than one e-mail, phone number or address/);
  });

  it('reads .http pastes: request line, headers, and a body with or without a blank line, indented or not', () => {
    const input = (file: string) => lintScim(read(file)).summary.find((f) => f.label === 'Input')?.value;
    expect(input('okta_PATCH_Groups_membership_remove_filter_and_add_indented.http')).toBe('HTTP request: PATCH /scim/v2/Groups/abf4dd94-a4c0-4f67-89c9-76b03340cb9b');
    expect(input('entra_PATCH_Users_add_manager_ref_array.http')).toBe('HTTP request: PATCH ~/scim/Users/a0a0a0a0-bbbb-cccc-dddd-e1e1e1e1e1e1');
    expect(input('rfc7643_scimple_group-example.json')).toBe('JSON body');
    expect(ruleOf('okta_PATCH_Groups_membership_remove_filter_and_add_indented.http', 'scim-patch-filter').status).toBe('pass');
  });
});
