/**
 * Said wherever the assistant invites a pasted SAML response. A signed response is accepted by the
 * service provider until its NotOnOrAfter time, so a live one pasted in a channel lets anyone who
 * copies it try to sign in as that user; an expired one is only evidence.
 */
export const SAML_PASTE_WARNING =
  'A live signed SAML response is a credential until it expires: paste it in a direct message to me, or only after it has expired.';
