import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createOfflineChecks } from '../../src/checks/create-offline-checks';
import { fixturesDir } from '../helpers/builders';

const offline = createOfflineChecks();
const fixture = (kind: string, file: string) => readFileSync(join(fixturesDir, kind, file), 'utf8');

describe('OfflineChecks.detect', () => {
  // The billion-laughs file is a <lolz> document, not SAML: `check saml` refuses it, detection ignores it.
  it.each(readdirSync(join(fixturesDir, 'saml')).filter((f) => !f.includes('billion_laughs')))('finds the SAML in %s', (file) => {
    expect(offline.detect(fixture('saml', file))).toBe('saml');
  });

  it.each(readdirSync(join(fixturesDir, 'scim')).filter((f) => !f.includes('error_response')))('finds the SCIM payload in %s', (file) => {
    expect(offline.detect(fixture('scim', file))).toBe('scim');
  });

  it('finds a paste inside a chat message (the edges decode chat markup before this)', () => {
    const xml = fixture('saml', 'py3saml_simplesamlphp_email_nameid_clean.xml');
    expect(offline.detect(`hey, okta sign-in fails with this:\n\`\`\`xml\n${xml}\n\`\`\``)).toBe('saml');
    expect(offline.detect(`SAMLResponse=${encodeURIComponent(Buffer.from(xml).toString('base64'))}&RelayState=x`)).toBe('saml');
  });

  it.each([
    ['chatter', 'what time is the standup tomorrow?'],
    ['an XML bomb', fixture('saml', 'rubysaml_billion_laughs_doctype_entities.xml')],
    ['talk about SAML', 'our SAML assertion from Okta is rejected, the Response has a NameID'],
    ["IAM Identity Center's SCIM error body (the knowledge base answers it)", fixture('scim', 'awsdocs_idc_scim_error_response_unparsable_violates_schema.json')],
    ['a CloudTrail event', '{"eventSource": "signin.amazonaws.com", "eventName": "ExternalIdPDirectoryLogin", "errorMessage": "x"}'],
    ['a long base64 blob that is not SAML', Buffer.from('x'.repeat(2000)).toString('base64')],
    ['a JWT', 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.abc'],
  ])('ignores %s', (_name, text) => {
    expect(offline.detect(text)).toBeUndefined();
  });

  it('passes its options to the SAML linter', async () => {
    const acs = 'https://us-east-1.signin.aws.amazon.com/platform/saml/acs/abc';
    const xml = fixture('saml', 'py3saml_simplesamlphp_email_nameid_clean.xml');
    expect((await createOfflineChecks({ acsUrl: acs }).lintSaml(xml)).rules.find((r) => r.id === 'saml-destination')?.status).toBe('fail');
    expect((await createOfflineChecks({ abac: true }).lintSaml(xml)).rules.find((r) => r.id === 'abac-attribute-count')?.status).toBe('pass');
  });
});
