import type { LintReport, LintRule } from '../../core/checks/checks';
import { listSome, truncateLine } from '../../core/text/truncate';
import { inputProblem } from '../input-problem';
import { errorReport, lintReport, rule } from '../lint-report';
import { errorResponseRule, isScimError } from './error-response-rule';
import { groupRules } from './group-rules';
import { patchRules, patchTarget } from './patch-rules';
import { readScimInput, type ScimRequest } from './read-scim-input';
import { ARTICLE, URN, isObject, prop } from './scim-schema';
import { userRules } from './user-rules';

type Payload =
  | { kind: 'user' | 'group'; what: string }
  | { kind: 'patch'; target: 'user' | 'group'; what: string }
  | { kind: 'error-response'; what: string }
  | { kind: 'unknown'; problem: string };

function classify(body: Record<string, unknown>, request: ScimRequest): Payload {
  const schemas = prop(body, 'schemas');
  const listed = (urn: string) => Array.isArray(schemas) && schemas.includes(urn);
  const path = request.path ?? '';
  const pathTarget = /\/Groups(\/|$)/i.test(path) ? 'group' : /\/Users(\/|$)/i.test(path) ? 'user' : undefined;
  const verb = request.method === 'POST' ? 'create' : request.method === 'PUT' ? 'replace' : 'create or replace';
  if (isScimError(body)) return { kind: 'error-response', what: "IAM Identity Center's SCIM error response" };
  if (listed(URN.listResponse)) return { kind: 'unknown', problem: 'This is a SCIM ListResponse (what a server returns for a GET), not a request. Paste the POST, PUT or PATCH body the IdP sent.' };
  if (listed(URN.patchOp) || prop(body, 'Operations') !== undefined || request.method === 'PATCH') {
    const target = pathTarget ?? patchTarget(body);
    return { kind: 'patch', target, what: `PATCH of a ${target}` };
  }
  if (pathTarget === 'group' || listed(URN.group)) return { kind: 'group', what: `Group (${verb})` };
  if (pathTarget === 'user' || listed(URN.user) || ['userName', 'name', 'emails'].some((k) => prop(body, k) !== undefined)) return { kind: 'user', what: `User (${verb})` };
  if (prop(body, 'members') !== undefined || prop(body, 'displayName') !== undefined) return { kind: 'group', what: `Group (${verb})` };
  return {
    kind: 'unknown',
    problem: `This JSON is not a SCIM payload: it has no schemas, userName, displayName or Operations (its keys: ${listSome(Object.keys(body).map((k) => truncateLine(k, 30))) || 'none'}). Paste the user, group or PATCH body the IdP sent.`,
  };
}

/** SCIM resources nest 4 levels at most (enterprise → manager → value); anything far deeper is not SCIM. */
const MAX_DEPTH = 32;
/** JSON values (objects, lists, scalars) a body may hold: one user or group has tens, a 100-member PATCH a few hundred. */
export const MAX_JSON_VALUES = 20_000;

/**
 * Nesting depth and number of values, in one walk without recursion (hostile input cannot overflow
 * the stack); stops early past either limit, so the cost is bounded by the limits, not the input.
 */
export function measureJson(value: unknown): { depth: number; values: number } {
  let depth = 0;
  let values = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    values++;
    if (values > MAX_JSON_VALUES) break;
    if (!v || typeof v !== 'object') continue;
    depth = Math.max(depth, d);
    if (depth > MAX_DEPTH) break;
    for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return { depth, values };
}

function summary(body: Record<string, unknown>, request: ScimRequest, what: string): LintReport['summary'] {
  const out: LintReport['summary'] = [];
  const add = (label: string, value: unknown) => {
    if (typeof value === 'string' && value.trim()) out.push({ label, value: truncateLine(value, 120) });
  };
  add('Input', request.method ? `HTTP request: ${request.method} ${request.path ?? ''}` : 'JSON body');
  add('Payload', what);
  add('userName', prop(body, 'userName'));
  add('displayName', prop(body, 'displayName'));
  add('externalId', prop(body, 'externalId'));
  const ops = prop(body, 'Operations');
  if (Array.isArray(ops)) add('Operations', String(ops.length));
  else add('Attributes', listSome(Object.keys(body).filter((k) => k !== 'schemas').map((k) => truncateLine(k, 60)), 20));
  if (request.authorization === 'real-looking') {
    add('Authorization', 'a bearer token was pasted (not shown). If it is real, rotate the SCIM access token in IAM Identity Center (Settings → Automatic provisioning).');
  }
  return out;
}

/**
 * Lints a SCIM request (user or group JSON, PATCH body, or an `.http` paste) against IAM Identity
 * Center's SCIM rules, or explains its SCIM error response. Never throws.
 */
export function lintScim(text: string): LintReport {
  try {
    const problem = inputProblem(text, 'SCIM request body (JSON)');
    if (problem) return errorReport('scim', problem);
    const read = readScimInput(text);
    if (!read.ok) return errorReport('scim', read.error);
    const { request } = read;
    if (!isObject(request.body)) {
      return errorReport('scim', Array.isArray(request.body) ? 'The JSON is a list. Paste one SCIM request body (a JSON object).' : 'The JSON is not an object. Paste the SCIM request body (a JSON object).');
    }
    const body = request.body;
    const size = measureJson(body);
    if (size.depth > MAX_DEPTH) return errorReport('scim', `The JSON is nested more than ${MAX_DEPTH} levels deep; SCIM payloads need at most 5. Paste the request body itself.`);
    if (size.values > MAX_JSON_VALUES) {
      return errorReport('scim', `The JSON holds more than ${MAX_JSON_VALUES.toLocaleString('en-US')} values; one SCIM request has a few hundred at most. Paste one request body, not an export or a log.`);
    }
    const payload = classify(body, request);
    if (payload.kind === 'unknown') return errorReport('scim', payload.problem);
    const rules: LintRule[] = [];
    if (request.trailingCommas) {
      rules.push(rule('scim-json-syntax', 'Valid JSON', 'fail', `Trailing comma near line ${request.trailingCommas.line}: strict JSON parsers, IAM Identity Center's included, refuse it as unparsable.`, {
        article: ARTICLE,
        fix: 'Remove the trailing comma. If the IdP really sends it, its SCIM connector is broken: report it to the vendor.',
      }));
    }
    if (payload.kind === 'error-response') rules.push(errorResponseRule(body));
    else if (payload.kind === 'patch') rules.push(...patchRules(body, payload.target));
    else rules.push(...(payload.kind === 'user' ? userRules(body) : groupRules(body)));
    return lintReport('scim', rules, summary(body, request, payload.what));
  } catch (err) {
    return errorReport('scim', `The SCIM linter failed on this input (${(err as Error).name}). Please report it with the file.`);
  }
}
