import type { LintRule } from '../../core/checks/checks';
import { listSome, truncateLine } from '../../core/text/truncate';
import { rule } from '../lint-report';
import { nullValuesRule, schemaUrnsRule, singleValueRule, subattributesRule } from './resource-rules';
import { managerRule } from './user-rules';
import { ARTICLE, MAX_MEMBERS_PER_REQUEST, PATCHABLE_GROUP_ATTRIBUTES, PATCHABLE_USER_ATTRIBUTES, UNSUPPORTED_USER_ATTRIBUTES, URN, isObject, prop } from './scim-schema';

const opts = (fix: string) => ({ article: ARTICLE, fix });

/** One PATCH operation, read leniently: op names are case-insensitive (Entra sends "Replace", CloudTrail logs "REMOVE"). */
interface Operation {
  n: number;
  op: string;
  path?: string;
  /** First path segment (lower case), or the enterprise URN for "urn:…:enterprise:2.0:User:manager". */
  attribute?: string;
  filter?: string;
  value: unknown;
  hasValue: boolean;
}

function readOperation(raw: unknown, i: number): Operation {
  const path = prop(raw, 'path');
  const op: Operation = { n: i + 1, op: String(prop(raw, 'op') ?? '').toLowerCase(), value: prop(raw, 'value'), hasValue: isObject(raw) && Object.keys(raw).some((k) => k.toLowerCase() === 'value') };
  if (typeof path === 'string' && path.trim()) {
    op.path = path.trim();
    if (op.path.toLowerCase().startsWith(`${URN.enterprise.toLowerCase()}:`)) op.attribute = URN.enterprise.toLowerCase();
    else op.attribute = /^[^[.]+/.exec(op.path)![0].toLowerCase();
    const filter = /\[(.*)\]/.exec(op.path);
    if (filter) op.filter = filter[1];
  }
  return op;
}

/** The partial resource an operation writes, so the resource rules can check its values. */
function written(op: Operation): Record<string, unknown> {
  if (!op.path) return isObject(op.value) ? op.value : {};
  // An unprefixed "manager" (Entra's shape) is checked as the enterprise manager it is meant to be.
  if (op.attribute === 'manager' && op.path === op.path.replace(/[[.].*$/, '')) return { [URN.enterprise]: { manager: op.value } };
  if (op.attribute === URN.enterprise.toLowerCase()) return { [URN.enterprise]: { [op.path.slice(URN.enterprise.length + 1)]: op.value } };
  return { [op.path]: op.value };
}

/** Runs a resource rule on every operation; one failing operation fails the rule. */
function perOperation(ops: Operation[], check: (resource: Record<string, unknown>) => LintRule): LintRule {
  const results = ops.map((op) => ({ op, result: check(op.op === 'remove' ? {} : written(op)) }));
  const failed = results.filter((r) => r.result.status === 'fail');
  if (failed.length === 0) return results[0]?.result ?? check({});
  return { ...failed[0]!.result, evidence: failed.map((f) => `Operation ${f.op.n}: ${f.result.evidence}`).join(' ') };
}

/** PatchUser / PatchGroup: supported operations and their shape. */
function operationsRule(ops: Operation[], raw: unknown): LintRule {
  const title = 'Operations well-formed';
  if (!Array.isArray(raw) || raw.length === 0) {
    return rule('scim-patch-operations', title, 'fail', raw === undefined ? 'No Operations list.' : 'Operations must be a non-empty list.', opts('Send the changes as "Operations": [{"op": …, "path": …, "value": …}].'));
  }
  const problems: string[] = [];
  for (const op of ops) {
    const at = `Operation ${op.n}`;
    if (!op.op) problems.push(`${at} has no op`);
    else if (!['add', 'replace', 'remove'].includes(op.op)) problems.push(`${at}: op "${truncateLine(op.op, 20)}" is not supported (add, replace or remove)`);
    else if (op.op === 'remove' && !op.path) problems.push(`${at}: remove needs a path ("Missing path in PATCH request")`);
    else if (op.op !== 'remove' && !op.hasValue) problems.push(`${at}: ${op.op} needs a value`);
    else if (op.op !== 'remove' && !op.path && !isObject(op.value)) problems.push(`${at}: no path, and the value is not an object of attributes`);
    else if (op.op !== 'remove' && !op.path && Object.keys(op.value as object).length > 1) {
      problems.push(`${at}: no path with ${Object.keys(op.value as object).length} attributes; IAM Identity Center allows omitting the path only when one attribute is modified`);
    }
  }
  if (problems.length === 0) return rule('scim-patch-operations', title, 'pass', `${ops.length} operation(s): ${listSome(ops.map((o) => `${o.op}${o.path ? ` ${truncateLine(o.path, 50)}` : ''}`), 4)}.`);
  return rule('scim-patch-operations', title, 'fail', `${problems.join('; ')}.`, opts('Send one attribute per operation with an explicit path, and only add, replace or remove; remove always needs a path.'));
}

/** Limitations: "Only eq with and is supported" in filters. */
function filterRule(ops: Operation[]): LintRule {
  const title = 'Filters use eq only';
  const filters = ops.filter((o) => o.filter !== undefined);
  if (filters.length === 0) return rule('scim-patch-filter', title, 'na', 'No filter in any path.');
  const bad = filters.flatMap((o) => {
    const operators = [...o.filter!.replace(/"(?:[^"\\]|\\.)*"/g, '""').matchAll(/\b(eq|ne|co|sw|ew|gt|ge|lt|le|pr|and|or|not)\b/gi)].map((m) => m[1]!.toLowerCase());
    return operators.filter((x) => x !== 'eq' && x !== 'and').map((x) => `${x} in operation ${o.n}`);
  });
  if (bad.length === 0) return rule('scim-patch-filter', title, 'pass', `${listSome(filters.map((o) => truncateLine(o.path!, 60)), 3)}: eq only.`);
  return rule('scim-patch-filter', title, 'fail', `Unsupported filter operator: ${listSome(bad)}. IAM Identity Center supports only eq (combined with and).`, opts('Rewrite the filter with eq, for example emails[type eq "work"].value.'));
}

function userAttributesRule(ops: Operation[]): LintRule {
  const title = 'Only modifiable attributes';
  const problems: string[] = [];
  for (const op of ops) {
    const attrs = op.attribute ? [op.attribute] : isObject(op.value) ? Object.keys(op.value).map((k) => k.toLowerCase()) : [];
    for (const a of attrs) {
      if (UNSUPPORTED_USER_ATTRIBUTES[a]) problems.push(`operation ${op.n} changes ${a} (${UNSUPPORTED_USER_ATTRIBUTES[a]})`);
      else if (a === 'manager') problems.push(`operation ${op.n} changes "manager": the path is "${URN.enterprise}:manager"`);
      else if (!PATCHABLE_USER_ATTRIBUTES.has(a)) problems.push(`operation ${op.n} changes ${truncateLine(a, 40)}, which PATCH cannot modify`);
      if (op.op === 'remove' && (a === 'username' || a === 'active')) problems.push(`operation ${op.n} removes ${a}, which is not supported`);
    }
  }
  for (const a of ['username', 'active']) {
    const n = ops.filter((o) => o.attribute === a || (!o.path && isObject(o.value) && Object.keys(o.value).some((k) => k.toLowerCase() === a))).length;
    if (n > 1) problems.push(`${n} operations on ${a} in one request (only one is supported)`);
  }
  if (problems.length === 0) return rule('scim-patch-attributes', title, 'pass', 'Every operation targets an attribute PatchUser allows.');
  return rule('scim-patch-attributes', title, 'fail', `${problems.join('; ')}.`, opts(
    'PatchUser modifies only userName, active, externalId, displayName, nickName, profileUrl, title, userType, preferredLanguage, locale, timezone, name, emails, addresses, phoneNumbers and the enterprise extension: remove the other mappings in the IdP.',
  ));
}

function groupAttributesRule(ops: Operation[]): LintRule {
  const title = 'Only modifiable attributes';
  const problems: string[] = [];
  let changes = 0;
  for (const op of ops) {
    const attrs = op.attribute ? [op.attribute] : isObject(op.value) ? Object.keys(op.value).map((k) => k.toLowerCase()) : [];
    for (const a of attrs) {
      if (!PATCHABLE_GROUP_ATTRIBUTES.has(a)) problems.push(`operation ${op.n} changes ${truncateLine(a, 40)} (PatchGroup allows displayName, members and externalId)`);
      if (a !== 'members') continue;
      if (op.op === 'replace') problems.push(`operation ${op.n} replaces all members, which PatchGroup does not support`);
      const list = op.path ? op.value : prop(op.value, 'members');
      if (op.op === 'remove' && op.filter === undefined && !Array.isArray(list)) problems.push(`operation ${op.n} removes all members, which PatchGroup does not support`);
      changes += Array.isArray(list) ? list.length : 1;
    }
  }
  if (changes > MAX_MEMBERS_PER_REQUEST) problems.push(`${changes} membership changes in one request (at most ${MAX_MEMBERS_PER_REQUEST})`);
  if (problems.length === 0) return rule('scim-patch-attributes', title, 'pass', `Every operation targets an attribute PatchGroup allows${changes ? `; ${changes} membership change(s)` : ''}.`);
  return rule('scim-patch-attributes', title, 'fail', `${problems.join('; ')}.`, opts(
    `Add and remove members one by one (remove with a filter path members[value eq "<id>"] or a value list), at most ${MAX_MEMBERS_PER_REQUEST} per request; never replace the whole member list.`,
  ));
}

/** A PATCH body (urn:ietf:params:scim:api:messages:2.0:PatchOp) for a user or a group. */
export function patchRules(body: Record<string, unknown>, target: 'user' | 'group'): LintRule[] {
  const raw = prop(body, 'Operations');
  const ops = Array.isArray(raw) ? raw.map(readOperation) : [];
  return [
    operationsRule(ops, raw),
    filterRule(ops),
    target === 'user' ? userAttributesRule(ops) : groupAttributesRule(ops),
    ...(target === 'user' ? [perOperation(ops, singleValueRule), perOperation(ops, managerRule)] : []),
    perOperation(ops, (r) => subattributesRule(r, target)),
    schemaUrnsRule(body, 'patch'),
    perOperation(ops, (r) => nullValuesRule(r)),
  ];
}

/** Which resource a PATCH changes, when the request line does not say: member changes mean a group. */
export function patchTarget(body: Record<string, unknown>): 'user' | 'group' {
  const raw = prop(body, 'Operations');
  const ops = Array.isArray(raw) ? raw.map(readOperation) : [];
  return ops.some((o) => o.attribute === 'members' || (!o.path && prop(o.value, 'members') !== undefined)) ? 'group' : 'user';
}
