import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { lintSaml } from '../../../src/checks/saml/lint-saml';
import { fixturesDir } from '../../helpers/builders';

/**
 * Every SAML fixture with the verdict from /work/shared/fixtures/SOURCES.md, once as IAM Identity
 * Center judges it by default (attributes for access control detected from the response) and once
 * with "Attributes for access control" on. The columns list the rules that must fail; all others
 * must not.
 */
type Row = [file: string, verdict: 'pass' | 'fail' | 'error', fails: string[], abacVerdict: 'pass' | 'fail' | 'error', abacFails: string[]];

const TABLE: Row[] = [
  // AWS's own ABAC fragment: no assertion to judge; the AccessControl: attribute turns the ABAC rules on, and it has no NameFormat.
  ['awsdocs_okta_abac_accesscontrol_attributestatement_fragment.xml', 'fail', ['abac-name-format'], 'fail', ['abac-name-format']],
  ['crewjam_bare_assertion_no_response_wrapper.xml', 'fail', ['saml-nameid-format', 'saml-nameid-value'], 'fail', ['saml-nameid-format', 'saml-nameid-value']],
  ['crewjam_google_workspace_nameid_no_format_empty_attrs.base64', 'fail', ['saml-nameid-format'], 'fail', ['saml-nameid-format', 'abac-name-format']],
  ['crewjam_okta_signed_response_encrypted_assertion.base64', 'fail', ['saml-assertion-encrypted'], 'fail', ['saml-assertion-encrypted']],
  ['crewjam_onelogin_real_response.base64', 'pass', [], 'pass', []],
  ['crewjam_two_assertions_second_injected.xml', 'fail', ['saml-assertion-count', 'saml-nameid-format'], 'fail', ['saml-assertion-count', 'saml-nameid-format']],
  // Ambiguous edge: one top-level assertion, a second one in Advice (counted apart, not a failure).
  ['nodesaml_assertion_nested_in_advice.xml', 'pass', [], 'fail', ['abac-name-format']],
  ['nodesaml_testshib_shibboleth_encrypted_assertion.xml', 'fail', ['saml-assertion-encrypted'], 'fail', ['saml-assertion-encrypted']],
  ['nodesaml_two_subjectconfirmations_different_recipients.xml', 'fail', ['saml-destination'], 'fail', ['saml-destination', 'abac-name-format']],
  ['py3saml_adfs_email_nameid_no_attributes.xml.base64', 'pass', [], 'pass', []],
  ['py3saml_duplicate_attribute_names.xml.base64', 'pass', [], 'fail', ['abac-duplicate-names', 'abac-name-format']],
  // Base64 despite the .xml name: the linter goes by content.
  ['py3saml_emailAddress-format_value_john.xml', 'fail', ['saml-nameid-value'], 'fail', ['saml-nameid-value']],
  ['py3saml_empty_nameid.xml.base64', 'fail', ['saml-nameid-value'], 'fail', ['saml-nameid-value', 'abac-multi-valued']],
  ['py3saml_encrypted_assertion.xml.base64', 'fail', ['saml-assertion-encrypted'], 'fail', ['saml-assertion-encrypted']],
  ['py3saml_encrypted_nameid.xml.base64', 'fail', ['saml-nameid-encrypted'], 'fail', ['saml-nameid-encrypted', 'abac-multi-valued']],
  ['py3saml_recipient_not_destination.xml.base64', 'fail', ['saml-destination'], 'fail', ['saml-destination']],
  ['py3saml_signed_emailAddress-format_but_hash_value.xml.base64', 'fail', ['saml-nameid-value'], 'fail', ['saml-nameid-value', 'abac-multi-valued']],
  ['py3saml_simplesamlphp_email_nameid_clean.xml', 'pass', [], 'pass', []],
  ['py3saml_structured_xml_attribute_value.xml.base64', 'pass', [], 'fail', ['abac-structured-values', 'abac-name-format']],
  ['py3saml_transient_nameid_signed_assertion.xml.base64', 'fail', ['saml-nameid-format', 'saml-nameid-value'], 'fail', ['saml-nameid-format', 'saml-nameid-value', 'abac-multi-valued']],
  ['py3saml_two_assertions.xml.base64', 'fail', ['saml-assertion-count'], 'fail', ['saml-assertion-count', 'abac-name-format']],
  ['py3saml_unspecified_nameid_signed.xml.base64', 'fail', ['saml-nameid-format', 'saml-nameid-value'], 'fail', ['saml-nameid-format', 'saml-nameid-value', 'abac-multi-valued']],
  ['rubysaml_billion_laughs_doctype_entities.xml', 'error', [], 'error', []],
  ['rubysaml_concealed_second_assertion_in_unknown_element.xml', 'fail', ['saml-assertion-count'], 'fail', ['saml-assertion-count']],
  ['rubysaml_multivalued_and_duplicate_attributes.xml', 'pass', [], 'fail', ['abac-multi-valued', 'abac-duplicate-names', 'abac-name-format']],
  ['saml2aws_adfs_to_aws_malformed_unbound_prefix.xml', 'error', [], 'error', []],
  ['saml2aws_entra_form_post_value_two_concatenated_responses.base64', 'error', [], 'error', []],
  ['saml2aws_entra_id_to_iam_saml_endpoint_multivalued_role.xml', 'fail', ['saml-destination'], 'fail', ['saml-destination', 'abac-multi-valued', 'abac-name-format']],
  ['samlify_status_requester_no_assertion.xml', 'fail', ['saml-status', 'saml-assertion-count'], 'fail', ['saml-status', 'saml-assertion-count']],
  // Destination http://url and Recipient http://recipient disagree in this test file, so the ACS rule fails too.
  ['samlify_unspecified_nameid_and_unspecified_nameformat.xml', 'fail', ['saml-nameid-format', 'saml-destination'], 'fail', ['saml-nameid-format', 'saml-destination', 'abac-name-format']],
];

const dir = join(fixturesDir, 'saml');
const read = (file: string) => readFileSync(join(dir, file), 'utf8');
const failed = (report: ReturnType<typeof lintSaml>) => report.rules.filter((r) => r.status === 'fail').map((r) => r.id).sort();

describe('SAML fixtures (verdicts from SOURCES.md)', () => {
  it('has a row for every fixture file', () => {
    expect(TABLE.map((r) => r[0]).sort()).toEqual(readdirSync(dir).sort());
  });

  it.each(TABLE)('%s → %s', (file, verdict, fails, abacVerdict, abacFails) => {
    const report = lintSaml(read(file));
    expect(report.verdict).toBe(verdict);
    expect(failed(report)).toEqual([...fails].sort());
    const abac = lintSaml(read(file), { abac: true });
    expect(abac.verdict).toBe(abacVerdict);
    expect(failed(abac)).toEqual([...abacFails].sort());
    if (verdict === 'error') {
      expect(report.error).toBeTruthy();
      expect(report.rules).toEqual([]);
    } else {
      // Every failure names its article and says what to change.
      for (const r of report.rules.filter((x) => x.status === 'fail')) {
        expect(r.article).toBe('external-idp-unexpected-error');
        expect(r.fix).toBeTruthy();
      }
    }
  });

  it('counts assertions by position and says where the extra one is', () => {
    const concealed = lintSaml(read('rubysaml_concealed_second_assertion_in_unknown_element.xml'));
    const count = concealed.rules.find((r) => r.id === 'saml-assertion-count')!;
    expect(count.evidence).toMatch(/^1 top-level assertion, plus 1 wrapped inside <foo>/);
    expect(count.evidence).toMatch(/reads is not signed, while a hidden one is/);
    expect(concealed.summary.find((f) => f.label === 'NameID')?.value).toMatch(/^victim@example\.com/);

    const advice = lintSaml(read('nodesaml_assertion_nested_in_advice.xml')).rules.find((r) => r.id === 'saml-assertion-count')!;
    expect(advice.status).toBe('pass');
    expect(advice.evidence).toMatch(/^1 top-level assertion\. Plus 1 nested in an assertion's Advice/);

    const two = lintSaml(read('py3saml_two_assertions.xml.base64')).rules.find((r) => r.id === 'saml-assertion-count')!;
    expect(two.evidence).toMatch(/^2 top-level assertions/);
  });

  it('explains unusable documents specifically', () => {
    expect(lintSaml(read('saml2aws_entra_form_post_value_two_concatenated_responses.base64')).error).toMatch(/2 Response documents back to back/);
    expect(lintSaml(read('saml2aws_adfs_to_aws_malformed_unbound_prefix.xml')).error).toMatch(/prefix "saml2:" is used without an xmlns declaration/);
    expect(lintSaml(read('rubysaml_billion_laughs_doctype_entities.xml')).error).toMatch(/DOCTYPE or ENTITY/);
  });

  it('flags the IAM SAML endpoint as the wrong application template', () => {
    const rule = lintSaml(read('saml2aws_entra_id_to_iam_saml_endpoint_multivalued_role.xml')).rules.find((r) => r.id === 'saml-destination')!;
    expect(rule.evidence).toMatch(/is the IAM SAML endpoint/);
    expect(rule.fix).toMatch(/IAM Identity Center template/);
  });

  it('lints the fragment for its attributes only, with the caveat about AWS’s own example', () => {
    const report = lintSaml(read('awsdocs_okta_abac_accesscontrol_attributestatement_fragment.xml'));
    expect(report.summary.find((f) => f.label === 'Input')?.value).toMatch(/fragment/);
    expect(report.rules.find((r) => r.id === 'saml-nameid-format')?.status).toBe('na');
    expect(report.rules.find((r) => r.id === 'abac-multi-valued')?.status).toBe('pass');
    expect(report.rules.find((r) => r.id === 'abac-name-format')?.evidence).toMatch(/AWS's own Okta example omits NameFormat/);
  });
});
