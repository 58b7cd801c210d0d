import type { LintRule } from '../../core/checks/checks';
import { truncateLine } from '../../core/text/truncate';
import { rule } from '../lint-report';
import { ARTICLE, URN, prop } from './scim-schema';

/** Is this a SCIM error response (what IAM Identity Center answers), rather than a request? */
export function isScimError(body: Record<string, unknown>): boolean {
  const schemas = prop(body, 'schemas') ?? prop(body, 'schema'); // IAM Identity Center writes "schema" (singular)
  const listed = Array.isArray(schemas) && schemas.includes(URN.error);
  return listed || (typeof prop(body, 'detail') === 'string' && prop(body, 'status') !== undefined && prop(body, 'userName') === undefined);
}

/** Known IAM Identity Center SCIM error details, and what each means for the request that caused it. */
const HINTS: Array<[RegExp, string]> = [
  [
    /unparsable|syntactically incorrect|violates schema/i,
    "IAM Identity Center gives no attribute name in this body. Look at the request the IdP sent for this user (its provisioning log) and at the CloudTrail event from identitystore-scim.amazonaws.com, whose errorMessage is more specific. The usual causes: an empty given name, family name or display name; more than one e-mail, phone number or address; an unsupported attribute (password, photos, groups…). Paste the request body with `check scim` to see which.",
  ],
  [/exceeds allowed limit of 1|only allow single item/i, 'A multi-valued attribute (emails, phoneNumbers, addresses) carried more than one value: change the IdP mapping to send one value (for example only the work phone).'],
  [/missing path/i, 'A PATCH remove operation had no path: the IdP must name what to remove (for example members[value eq "<id>"]).'],
  [/omitting .?path/i, 'A PATCH without a path changed several attributes at once: the IdP must send one attribute per operation, with a path.'],
  [/duplicate|already exists/i, 'A user or group with the same unique value (user name, or group display name) already exists, often one deleted and re-created in the IdP: remove or rename the stale one in IAM Identity Center, then retry.'],
];

export function errorResponseRule(body: Record<string, unknown>): LintRule {
  const detail = String(prop(body, 'detail') ?? '');
  const status = String(prop(body, 'status') ?? '?');
  const hint = HINTS.find(([re]) => re.test(detail))?.[1] ?? 'Look at the CloudTrail event from identitystore-scim.amazonaws.com for this request: its errorMessage names the problem.';
  return rule('scim-idc-error', 'IAM Identity Center accepted the request', 'fail', `This is IAM Identity Center's SCIM error response (HTTP ${truncateLine(status, 5)}): "${truncateLine(detail, 160)}". It describes a request that was refused, not a payload to check.`, {
    article: ARTICLE,
    fix: hint,
  });
}
