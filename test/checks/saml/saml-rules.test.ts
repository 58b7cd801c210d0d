import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isRfc2822Address } from '../../../src/checks/saml/is-rfc2822-address';
import { lintSaml } from '../../../src/checks/saml/lint-saml';
import { fixturesDir } from '../../helpers/builders';

const ACS = 'https://us-east-1.signin.aws.amazon.com/platform/saml/acs/0a1b2c3d-4e5f-6789-abcd-ef0123456789';

/** A minimal, well-formed response from an external IdP; parts can be replaced per test. */
function response(o: { destination?: string; recipient?: string; issuer?: string; nameId?: string; format?: string | null; attributes?: string } = {}): string {
  const format = o.format === null ? '' : ` Format="${o.format ?? 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress'}"`;
  return `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r" Version="2.0" IssueInstant="2024-05-01T10:00:00Z" Destination="${o.destination ?? ACS}">
  <saml:Issuer>${o.issuer ?? 'http://www.okta.com/exk1'}</saml:Issuer>
  <samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>
  <saml:Assertion ID="_a" Version="2.0" IssueInstant="2024-05-01T10:00:00Z">
    <saml:Issuer>${o.issuer ?? 'http://www.okta.com/exk1'}</saml:Issuer>
    <saml:Subject>
      <saml:NameID${format}>${o.nameId ?? 'ana@example.com'}</saml:NameID>
      <saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData Recipient="${o.recipient ?? o.destination ?? ACS}"/></saml:SubjectConfirmation>
    </saml:Subject>
    <saml:Conditions NotBefore="2024-05-01T09:55:00Z" NotOnOrAfter="2024-05-01T10:05:00Z"><saml:AudienceRestriction><saml:Audience>https://us-east-1.signin.aws.amazon.com/platform/saml/d-1234567890</saml:Audience></saml:AudienceRestriction></saml:Conditions>
    <saml:AttributeStatement>${o.attributes ?? ''}</saml:AttributeStatement>
  </saml:Assertion>
</samlp:Response>`;
}

const attr = (name: string, values: string[], format = 'urn:oasis:names:tc:SAML:2.0:attrname-format:uri') =>
  `<saml:Attribute Name="${name}" NameFormat="${format}">${values.map((v) => `<saml:AttributeValue>${v}</saml:AttributeValue>`).join('')}</saml:Attribute>`;
const ruleOf = (text: string, id: string, options = {}) => lintSaml(text, options).rules.find((r) => r.id === id)!;

describe('SAML rules', () => {
  it('passes a clean response addressed to the configured ACS URL', () => {
    const report = lintSaml(response(), { acsUrl: ACS });
    expect(report.verdict).toBe('pass');
    expect(report.rules.find((r) => r.id === 'saml-destination')?.status).toBe('pass');
  });

  it('compares Destination and Recipient with the configured ACS URL exactly', () => {
    const other = ruleOf(response({ destination: 'https://idp.example.com/acs' }), 'saml-destination', { acsUrl: ACS });
    expect(other.status).toBe('fail');
    expect(other.evidence).toContain(`the configured ACS URL is ${ACS}`);
    const slash = ruleOf(response({ destination: `${ACS}/` }), 'saml-destination', { acsUrl: ACS });
    expect(slash.status).toBe('fail');
    expect(slash.evidence).toMatch(/differ only in case or a trailing slash/);
  });

  it('without a configured ACS URL, judges only contradictions and says it did not compare', () => {
    const alone = ruleOf(response(), 'saml-destination');
    expect(alone.status).toBe('na');
    expect(alone.evidence).toMatch(/has the shape of an IAM Identity Center ACS URL\. Not compared/);
    expect(ruleOf(response({ recipient: 'https://elsewhere.example.com/acs' }), 'saml-destination').status).toBe('fail');
    expect(ruleOf(response({ destination: 'https://us-west-2.signin.aws.amazon.com/saml' }), 'saml-destination').evidence).toMatch(/wrong template/);
  });

  it('does not apply the inbound rules to assertions IAM Identity Center issues itself', () => {
    const idc = response({ issuer: 'https://portal.sso.eu-west-1.amazonaws.com/saml/assertion/MDEyMzQ1Njc4OTAx', destination: 'https://signin.aws.amazon.com/saml', nameId: 'ana', format: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent' });
    const report = lintSaml(idc);
    expect(report.verdict).toBe('pass');
    for (const id of ['saml-nameid-format', 'saml-nameid-value', 'saml-destination', 'abac-name-format']) {
      expect(report.rules.find((r) => r.id === id)?.status).toBe('na');
    }
    expect(report.summary.find((f) => f.label === 'Issuer')?.value).toMatch(/\(IAM Identity Center\)$/);
    const twice = idc.replace(/(<saml:Assertion[\s\S]*<\/saml:Assertion>)/, '$1$1');
    expect(lintSaml(twice).rules.find((r) => r.id === 'saml-assertion-count')?.article).toBe('saml-assertion-debug');
  });

  it('turns the attribute rules on when AccessControl attributes are sent, and checks the limit of 50', () => {
    const fifty = Array.from({ length: 50 }, (_, i) => attr(`https://aws.amazon.com/SAML/Attributes/AccessControl:a${i}`, ['x'])).join('');
    expect(ruleOf(response({ attributes: fifty }), 'abac-attribute-count').status).toBe('pass');
    const fiftyOne = fifty + attr('department', ['ops']);
    const count = ruleOf(response({ attributes: fiftyOne }), 'abac-attribute-count');
    expect(count.status).toBe('fail');
    expect(count.evidence).toBe('51 attributes; the limit is 50.');
    // Without AccessControl attributes the same 51 are not judged, unless the option says ABAC is on.
    const plain = Array.from({ length: 51 }, (_, i) => attr(`a${i}`, ['x'])).join('');
    expect(ruleOf(response({ attributes: plain }), 'abac-attribute-count').status).toBe('na');
    expect(ruleOf(response({ attributes: plain }), 'abac-attribute-count', { abac: true }).status).toBe('fail');
    expect(ruleOf(response({ attributes: fifty }), 'abac-attribute-count', { abac: false }).status).toBe('na');
  });

  it('names the multi-valued, duplicated, structured and generic attributes', () => {
    const attributes = [
      attr('https://aws.amazon.com/SAML/Attributes/AccessControl:team', ['a', 'b']),
      attr('dept', ['x']),
      attr('dept', ['y']),
      `<saml:Attribute Name="blob" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:basic"><saml:AttributeValue><x>1</x></saml:AttributeValue></saml:Attribute>`,
      attr('cc', ['1'], 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified'),
    ].join('');
    const text = response({ attributes });
    expect(ruleOf(text, 'abac-multi-valued').evidence).toBe('Multi-valued: https://aws.amazon.com/SAML/Attributes/AccessControl:team (2 values).');
    expect(ruleOf(text, 'abac-duplicate-names').evidence).toBe('Repeated: dept ×2.');
    expect(ruleOf(text, 'abac-structured-values').evidence).toBe('XML elements inside the value of blob.');
    expect(ruleOf(text, 'abac-name-format').evidence).toMatch(/^cc: unspecified or no NameFormat/);
  });

  it('judges the NameID format and value', () => {
    expect(ruleOf(response({ format: null }), 'saml-nameid-format').evidence).toMatch(/no Format, which SAML treats as unspecified/);
    expect(ruleOf(response({ format: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent' }), 'saml-nameid-format').evidence).toMatch(/^Format: persistent/);
    expect(ruleOf(response({ nameId: 'Ana Lopez &lt;ana@example.com&gt;' }), 'saml-nameid-value').evidence).toMatch(/contains spaces/);
    expect(ruleOf(response({ nameId: 'EXAMPLE\\ana' }), 'saml-nameid-value').evidence).toMatch(/has no @/);
    const spaced = ruleOf(response({ nameId: '\n   ana@example.com  ' }), 'saml-nameid-value');
    expect(spaced.status).toBe('pass');
    expect(spaced.evidence).toMatch(/whitespace around it/);
  });

  it('summarises without echoing signatures or certificates', () => {
    const raw = readFileSync(join(fixturesDir, 'saml', 'crewjam_onelogin_real_response.base64'), 'utf8');
    const decoded = Buffer.from(raw, 'base64').toString('utf8');
    const cert = /<ds:X509Certificate>([^<]+)/.exec(decoded)![1]!.replace(/\s+/g, '');
    const signature = /<ds:SignatureValue>([^<]+)/.exec(decoded)![1]!.replace(/\s+/g, '');
    const report = lintSaml(raw);
    const all = JSON.stringify(report);
    expect(all).not.toContain(cert.slice(0, 40));
    expect(all).not.toContain(signature.slice(0, 40));
    expect(report.summary).toEqual(
      expect.arrayContaining([
        { label: 'Issuer', value: 'https://app.onelogin.com/saml/metadata/503983' },
        { label: 'NameID', value: 'ross@kndr.org (format: emailAddress)' },
        { label: 'Valid', value: '2016-01-05T17:50:11Z → 2016-01-05T17:56:11Z' },
        { label: 'Signed', value: 'Response' },
      ]),
    );
    expect(report.summary.find((f) => f.label === 'Certificate')?.value).toMatch(/^CN=OneLogin Account 32614, valid until 2018-10-01, SHA-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });
});

describe('isRfc2822Address', () => {
  it.each(['ana@example.com', 'first.last+tag@sub.example.co.uk', '"quoted name"@example.com', "o'brien@example.ie", 'user@[192.0.2.1]', 'admin@localhost'])('accepts %s', (v) => {
    expect(isRfc2822Address(v)).toBe(true);
  });
  it.each(['', 'john', '492882615acf31c8096b627245d76ae53036c090', 'a@@b.com', '.ana@example.com', 'ana.@example.com', 'ana..b@example.com', 'Ana <ana@example.com>', 'ana @example.com', 'ana@exa mple.com', `${'a'.repeat(320)}@x.com`])('rejects %j', (v) => {
    expect(isRfc2822Address(v)).toBe(false);
  });
});
