/**
 * An RFC 2822 addr-spec (§3.4.1): local-part "@" domain, where the local part is a dot-atom or a
 * quoted string and the domain a dot-atom or a [domain literal]. No display names ("Ann <a@b>"),
 * no comments, no surrounding spaces: IAM Identity Center compares the NameID with the user name.
 */
const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]";
const DOT_ATOM = `${ATEXT}+(?:\\.${ATEXT}+)*`;
const QUOTED = '"(?:[\\x21\\x23-\\x5b\\x5d-\\x7e ]|\\\\[\\x20-\\x7e])*"';
const DOMAIN_LITERAL = '\\[[\\x21-\\x5a\\x5e-\\x7e]*\\]';
const ADDR_SPEC = new RegExp(`^(?:${DOT_ATOM}|${QUOTED})@(?:${DOT_ATOM}|${DOMAIN_LITERAL})$`);

export function isRfc2822Address(value: string): boolean {
  return value.length <= 320 && ADDR_SPEC.test(value);
}
