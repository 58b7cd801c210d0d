import { stripCodeFences } from '../strip-code-fences';

/** Base64 of "<?xml ", "<samlp:", "<saml2p:", "<saml:", "<saml2:", "<Response", "<Assertion" at the start of a value. */
const BASE64_XML_STARTS = /(?:^|[^A-Za-z0-9+/])(?:PD94bWwg|PHNhbWxwO|PHNhbWwycD|PHNhbWw6|PHNhbWwyO|PFJlc3BvbnNl|PEFzc2VydGlvb)[A-Za-z0-9+/%\s]{150,}/;

/**
 * Does this message carry a SAML response or assertion worth linting? Conservative: SAML 2.0
 * namespaces with a Response or Assertion element, a `SAMLResponse=` value, or a long base64 value
 * that starts like SAML XML. Mentions of the word "SAML" in a sentence do not count.
 */
export function detectSaml(text: string): boolean {
  const t = stripCodeFences(text);
  if (/urn:oasis:names:tc:SAML:2\.0:(?:protocol|assertion)/.test(t) && /<(?:[\w.-]+:)?(?:Response|Assertion|EncryptedAssertion|AttributeStatement)[\s>]/.test(t)) return true;
  if (/<(?:[\w.-]+:)?Attribute\s[^>]*Name="https:\/\/aws\.amazon\.com\/SAML\/Attributes\//.test(t)) return true;
  if (/SAMLResponse["']?\s*[=:]\s*["']?[A-Za-z0-9+/%]{100,}/.test(t)) return true;
  return BASE64_XML_STARTS.test(t);
}
