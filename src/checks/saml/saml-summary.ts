import { X509Certificate, createHash } from 'node:crypto';
import type { LintReport } from '../../core/checks/checks';
import { listSome, truncateLine } from '../../core/text/truncate';
import type { SamlFacts } from './read-saml-document';
import { shortUrn } from './saml-articles';
import { formatDate } from '../../core/text/format-time';

/**
 * A certificate as a person compares it with the IdP configuration: subject, expiry and SHA-256
 * fingerprint. The certificate itself (and any signature value) is never echoed.
 */
export function describeCertificate(base64: string): string {
  const der = Buffer.from(base64, 'base64');
  const fingerprint = createHash('sha256').update(der).digest('hex').toUpperCase().match(/../g)!.join(':');
  try {
    const cert = new X509Certificate(der);
    const cn = /CN=([^\n,]+)/.exec(cert.subject)?.[1];
    return `${cn ? `CN=${truncateLine(cn, 60)}, ` : ''}valid until ${formatDate(new Date(cert.validTo))}, SHA-256 ${fingerprint}`;
  } catch {
    return `not a readable X.509 certificate; SHA-256 of its bytes ${fingerprint}`;
  }
}

/** What the document says, for comparing with the IdP and IAM Identity Center configuration. */
export function samlSummary(f: SamlFacts, form: string, issuedByIdc: boolean): LintReport['summary'] {
  const out: LintReport['summary'] = [];
  const add = (label: string, value: string | undefined) => {
    if (value !== undefined && value !== '') out.push({ label, value });
  };
  add('Input', `${form}, ${f.shape === 'response' ? 'samlp:Response' : f.shape === 'assertion' ? 'bare Assertion (no Response around it)' : 'fragment'}`);
  add('Issuer', f.issuer !== undefined ? `${truncateLine(f.issuer, 120)}${issuedByIdc ? ' (IAM Identity Center)' : ''}` : undefined);
  add('Status', f.status && truncateLine(shortUrn(f.status.code), 60));
  add('NameID', f.nameId && `${truncateLine(f.nameId.value.trim(), 100) || '(empty)'} (format: ${f.nameId.format ? truncateLine(shortUrn(f.nameId.format), 40) : 'none'})`);
  add('Audience', f.audiences.length ? listSome(f.audiences.map((a) => truncateLine(a, 100)), 3) : undefined);
  if (f.notBefore || f.notOnOrAfter) add('Valid', `${f.notBefore ?? '…'} → ${f.notOnOrAfter ?? '…'}`);
  add('Destination', f.destination !== undefined ? truncateLine(f.destination, 120) : undefined);
  add('Recipient', f.recipients.length ? listSome([...new Set(f.recipients)].map((r) => truncateLine(r, 120)), 3) : undefined);
  add('Attributes', f.attributes.length ? `${f.attributes.length}: ${listSome(f.attributes.map((a) => truncateLine(a.name || '(no Name)', 70)), 15)}` : f.shape === 'fragment' ? undefined : 'none');
  const signed = [f.signed.response && 'Response', f.signed.assertion && 'Assertion', f.signed.elsewhere && `${f.signed.elsewhere} other element(s) (not the assertion that is used)`].filter(Boolean);
  add('Signed', signed.length ? signed.join(', ') : 'nothing is signed');
  [...new Set(f.certificates)].slice(0, 3).forEach((c, i) => add(i === 0 ? 'Certificate' : `Certificate ${i + 1}`, describeCertificate(c)));
  return out;
}
