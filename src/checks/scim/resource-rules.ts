import type { LintRule } from '../../core/checks/checks';
import { listSome, truncateLine } from '../../core/text/truncate';
import { rule } from '../lint-report';
import {
  ARTICLE,
  GROUP_ATTRIBUTES,
  NO_DISPLAY_LISTS,
  SINGLE_VALUED_LISTS,
  UNSUPPORTED_USER_ATTRIBUTES,
  URN,
  USER_ATTRIBUTES,
  isObject,
  prop,
} from './scim-schema';

/**
 * Rules on attribute values, shared by full resources (POST/PUT) and PATCH values: a PATCH
 * operation is turned into the partial resource it writes, and checked with the same rules.
 */

const opts = (fix: string) => ({ article: ARTICLE, fix });
type Kind = 'user' | 'group';

/** Paths of null values. `$ref` is skipped: it is a server-side reference that servers ignore from clients. */
export function nullPaths(value: unknown, path = ''): string[] {
  if (value === null) return [path || '(the body)'];
  if (Array.isArray(value)) return value.flatMap((v, i) => nullPaths(v, `${path}[${i}]`));
  if (isObject(value)) return Object.entries(value).flatMap(([k, v]) => (k === '$ref' ? [] : nullPaths(v, path ? `${path}.${k}` : k)));
  return [];
}

export function nullValuesRule(value: unknown, where = ''): LintRule {
  const nulls = nullPaths(value);
  if (nulls.length === 0) return rule('scim-null-values', 'No null values', 'pass', 'No attribute is sent as null.');
  return rule('scim-null-values', 'No null values', 'fail', `${where}null for ${listSome(nulls.map((p) => truncateLine(p, 60)))}. A null is not a value of the attribute's type.`, opts(
    'Leave attributes without a value out of the request instead of sending null (in a PATCH, use a remove operation). In the IdP, give the mapping a default or remove the mapping for attributes that are often empty.',
  ));
}

/** Multi-valued attributes with more than one value: the most common reason a user fails to sync. */
export function singleValueRule(resource: Record<string, unknown>): LintRule {
  const title = 'One value per multi-valued attribute';
  const found: string[] = [];
  for (const name of SINGLE_VALUED_LISTS) {
    const list = prop(resource, name);
    if (Array.isArray(list) && list.length > 1) {
      const types = list.map((v) => (isObject(v) && typeof v.type === 'string' ? v.type : '?'));
      found.push(`${name} has ${list.length} values (${listSome(types.map((t) => truncateLine(t, 20)), 4)})`);
    }
  }
  if (found.length === 0) return rule('scim-single-value', title, 'pass', 'emails, phoneNumbers, addresses and roles have at most one value each.');
  return rule('scim-single-value', title, 'fail', `${found.join('; ')}. IAM Identity Center accepts only one value for each.`, opts(
    'Change the IdP mapping to send a single value for each of these (for example map only the work phone and the work e-mail), or remove the extra values from the user.',
  ));
}

export function unsupportedAttributesRule(resource: Record<string, unknown>): LintRule {
  const title = 'No unsupported attributes';
  const found = Object.keys(resource).filter((k) => UNSUPPORTED_USER_ATTRIBUTES[k.toLowerCase()] !== undefined);
  if (found.length === 0) return rule('scim-unsupported-attributes', title, 'pass', 'No password, groups, ims, photos, entitlements or x509Certificates.');
  const why = found.map((k) => `${k} (${UNSUPPORTED_USER_ATTRIBUTES[k.toLowerCase()]})`);
  return rule('scim-unsupported-attributes', title, 'fail', `Sent but not supported by IAM Identity Center: ${why.join('; ')}. Leave them out entirely, even as empty lists.`, opts(
    `Remove the mapping for ${listSome(found)} from the IdP's SCIM user attribute mappings (group membership is pushed with the groups, not on the user).`,
  ));
}

/** `display` of emails/phoneNumbers/addresses/roles and group members, `manager.displayName`, `meta.version`. */
export function subattributesRule(resource: Record<string, unknown>, kind: Kind): LintRule {
  const title = 'No unsupported sub-attributes';
  const found: string[] = [];
  const lists = kind === 'user' ? NO_DISPLAY_LISTS : (['members'] as const);
  for (const name of lists) {
    const list = prop(resource, name);
    if (Array.isArray(list) && list.some((v) => prop(v, 'display') !== undefined)) found.push(`${name}[].display`);
  }
  const managers = [prop(prop(resource, URN.enterprise), 'manager'), prop(resource, 'manager')].flat();
  if (managers.some((m) => prop(m, 'displayName') !== undefined)) found.push('manager.displayName');
  if (prop(prop(resource, 'meta'), 'version') !== undefined) found.push('meta.version');
  if (found.length === 0) return rule('scim-unsupported-subattributes', title, 'pass', 'No display, manager.displayName or meta.version sub-attributes.');
  return rule('scim-unsupported-subattributes', title, 'fail', `Not supported by IAM Identity Center: ${found.join(', ')}.`, opts(
    `Remove ${listSome(found)} from the IdP's attribute mappings; send value, type and primary only.`,
  ));
}

/** Attributes that are not in the SCIM core schema for the resource, nor inside an extension object. */
export function unknownAttributesRule(resource: Record<string, unknown>, kind: Kind): LintRule {
  const title = 'Only SCIM schema attributes';
  const known = kind === 'user' ? USER_ATTRIBUTES : GROUP_ATTRIBUTES;
  const unknown = Object.keys(resource).filter((k) => !known.has(k.toLowerCase()) && !/^urn:/i.test(k));
  const extensions = Object.keys(resource).filter((k) => /^urn:/i.test(k) && k !== URN.enterprise);
  if (unknown.length === 0 && extensions.length === 0) return rule('scim-unknown-attributes', title, 'pass', `Every attribute is part of the SCIM ${kind === 'user' ? 'User (or enterprise User)' : 'Group'} schema.`);
  const enterprise = unknown.filter((k) => ['department', 'manager', 'costcenter', 'organization', 'division', 'employeenumber'].includes(k.toLowerCase()));
  return rule('scim-unknown-attributes', title, 'fail', [
    unknown.length ? `Not ${kind === 'user' ? 'User' : 'Group'} attributes: ${listSome(unknown.map((k) => truncateLine(k, 40)))}.` : '',
    enterprise.length ? `${listSome(enterprise)} belong${enterprise.length === 1 ? 's' : ''} inside the "${URN.enterprise}" object.` : '',
    extensions.length ? `Unknown extension object(s): ${listSome(extensions.map((k) => truncateLine(k, 80)))}.` : '',
  ].filter(Boolean).join(' '), opts('Fix the IdP mapping so these attributes use their SCIM names (enterprise attributes inside the enterprise extension object), or remove them.'));
}

function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  }
  return d[a.length]![b.length]!;
}

/** The `schemas` list: misspelt SCIM URNs fail; vendor URNs are reported; a missing list is tolerated (AWS's own example has none). */
export function schemaUrnsRule(body: Record<string, unknown>, expected: 'user' | 'group' | 'patch'): LintRule {
  const title = 'Known schema URNs';
  const schemas = prop(body, 'schemas');
  if (schemas === undefined) return rule('scim-schema-urns', title, 'pass', 'No schemas list (IAM Identity Center\'s own CreateUser example sends none).');
  if (!Array.isArray(schemas) || schemas.some((s) => typeof s !== 'string')) {
    return rule('scim-schema-urns', title, 'fail', 'schemas must be a list of URN strings.', opts('Send "schemas" as a JSON array of strings.'));
  }
  const known = Object.values(URN) as string[];
  const bad = (schemas as string[]).filter((s) => /^urn:ietf:params:scim:/i.test(s) && !known.includes(s));
  const vendor = (schemas as string[]).filter((s) => !/^urn:ietf:params:scim:/i.test(s));
  const wanted = expected === 'patch' ? URN.patchOp : expected === 'user' ? URN.user : URN.group;
  const problems = bad.map((s) => {
    // The edit distance is at least the length difference: only near-length URNs are compared, so a huge value costs nothing.
    const near = known.filter((k) => Math.abs(k.length - s.length) <= 3).map((k) => [k, distance(s, k)] as const).sort((x, y) => x[1] - y[1])[0] ?? ['', Infinity];
    return `"${truncateLine(s, 90)}" is not a SCIM URN${near[1] <= 3 ? ` (did you mean "${near[0]}"?)` : ''}`;
  });
  if (!(schemas as string[]).includes(wanted)) problems.push(`the list lacks "${wanted}"`);
  const note = vendor.length ? ` Vendor URN ${listSome(vendor.map((v) => truncateLine(v, 90)))} is not an IAM Identity Center schema; if the request is refused, remove it.` : '';
  if (problems.length === 0) return rule('scim-schema-urns', title, 'pass', `schemas: ${listSome((schemas as string[]).map((s) => truncateLine(s, 90)), 3)}.${note}`);
  return rule('scim-schema-urns', title, 'fail', `${problems.join('; ')}.${note}`, opts('Correct the schema URNs in the IdP connector (a typo in a custom SCIM connector is the usual cause).'));
}
