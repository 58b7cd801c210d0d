import type { LintRule } from '../../core/checks/checks';
import { listSome, truncateLine } from '../../core/text/truncate';
import { rule } from '../lint-report';
import type { SamlAttribute, SamlFacts } from './read-saml-document';
import { ABAC_PREFIX, SIGNIN_ARTICLE } from './saml-articles';

/** IAM Identity Center's limit on attributes in one SAML assertion when attributes for access control are on. */
export const MAX_ABAC_ATTRIBUTES = 50;
/** The name formats SAML 2.0 specifies besides the generic "unspecified" (SAML core §8.2). */
const SPECIFIED_FORMATS = new Set(['urn:oasis:names:tc:SAML:2.0:attrname-format:uri', 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic']);

const IDS = ['abac-attribute-count', 'abac-multi-valued', 'abac-duplicate-names', 'abac-structured-values', 'abac-name-format'] as const;
const TITLES: Record<(typeof IDS)[number], string> = {
  'abac-attribute-count': `At most ${MAX_ABAC_ATTRIBUTES} attributes`,
  'abac-multi-valued': 'No multi-valued attributes',
  'abac-duplicate-names': 'No duplicate attribute names',
  'abac-structured-values': 'No structured XML values',
  'abac-name-format': 'SAML-specified NameFormat',
};

const names = (attrs: SamlAttribute[]) => listSome(attrs.map((a) => truncateLine(a.name || '(no Name)', 60)));

/**
 * Rules that apply when "Attributes for access control" is enabled (source page): checked when
 * `abac` is true, or when it is unset and the assertion sends AccessControl: attributes.
 */
export function abacRules(f: SamlFacts, inbound: boolean, abac: boolean | undefined): LintRule[] {
  const attrs = f.attributes;
  const used = attrs.some((a) => a.name.startsWith(ABAC_PREFIX));
  const why = !inbound
    ? 'Issued by IAM Identity Center: these rules are for assertions an external IdP sends.'
    : abac === false
      ? 'Attributes for access control are off (as configured).'
      : abac === undefined && !used
        ? `Attributes for access control not in use: no attribute named ${ABAC_PREFIX}…. These rules apply only when the feature is on (check with --abac, or IDC_ABAC_ENABLED=true).`
        : attrs.length === 0
          ? 'The assertion has no attributes.'
          : undefined;
  if (why) return IDS.map((id, i) => rule(id, TITLES[id], 'na', i === 0 ? why : 'Not applicable (see above).'));
  const opts = (fix: string) => ({ article: SIGNIN_ARTICLE, fix });
  const multi = attrs.filter((a) => a.values > 1);
  const counts = new Map<string, number>();
  for (const a of attrs) counts.set(a.name, (counts.get(a.name) ?? 0) + 1);
  const duplicates = [...counts].filter(([, n]) => n > 1);
  const structured = attrs.filter((a) => a.structured);
  const generic = attrs.filter((a) => !a.nameFormat || !SPECIFIED_FORMATS.has(a.nameFormat.trim()));
  const empty = attrs.filter((a) => a.values === 0);
  return [
    attrs.length <= MAX_ABAC_ATTRIBUTES
      ? rule(IDS[0], TITLES[IDS[0]], 'pass', `${attrs.length} attribute(s).`)
      : rule(IDS[0], TITLES[IDS[0]], 'fail', `${attrs.length} attributes; the limit is ${MAX_ABAC_ATTRIBUTES}.`, opts('Remove the attribute statements IAM Identity Center does not use from the IdP application; keep the AccessControl: attributes your permission sets need.')),
    multi.length === 0
      ? rule(IDS[1], TITLES[IDS[1]], 'pass', `Every attribute has at most one value.${empty.length ? ` ${names(empty)} ha${empty.length > 1 ? 've' : 's'} no value at all.` : ''}`)
      : rule(IDS[1], TITLES[IDS[1]], 'fail', `Multi-valued: ${listSome(multi.map((a) => `${truncateLine(a.name, 60)} (${a.values} values)`))}.`, opts('Map a single value for each attribute in the IdP application (for example only the primary value), or drop attributes IAM Identity Center does not need.')),
    duplicates.length === 0
      ? rule(IDS[2], TITLES[IDS[2]], 'pass', 'Every attribute name appears once.')
      : rule(IDS[2], TITLES[IDS[2]], 'fail', `Repeated: ${listSome(duplicates.map(([n, c]) => `${truncateLine(n || '(no Name)', 60)} ×${c}`))}.`, opts('Merge or rename the duplicated attribute statements in the IdP application so each name appears once.')),
    structured.length === 0
      ? rule(IDS[3], TITLES[IDS[3]], 'pass', 'All values are plain text.')
      : rule(IDS[3], TITLES[IDS[3]], 'fail', `XML elements inside the value of ${names(structured)}.`, opts('Map a plain string for these attributes instead of a complex (XML) value.')),
    generic.length === 0
      ? rule(IDS[4], TITLES[IDS[4]], 'pass', 'All attributes use the uri or basic NameFormat.')
      : rule(
          IDS[4],
          TITLES[IDS[4]],
          'fail',
          `${names(generic)}: ${generic.every((a) => !a.nameFormat) ? 'no NameFormat, which means unspecified' : 'unspecified or no NameFormat'} (the generic format).${generic.every((a) => !a.nameFormat) ? " Note: AWS's own Okta example omits NameFormat too; if sign-in works, this is not your problem." : ''}`,
          opts('Set the attribute name format to URI Reference (urn:oasis:names:tc:SAML:2.0:attrname-format:uri) or Basic in the IdP application, not Unspecified.'),
        ),
  ];
}
