import type { LintRule } from '../../core/checks/checks';
import { truncateLine } from '../../core/text/truncate';
import { rule } from '../lint-report';
import { nullValuesRule, schemaUrnsRule, subattributesRule, unknownAttributesRule } from './resource-rules';
import { ARTICLE, MAX_MEMBERS_PER_REQUEST, nonEmptyString, prop } from './scim-schema';

/** CreateGroup: "displayName is required"; "A maximum of 100 members can be added in a single request". */
export function groupRules(group: Record<string, unknown>): LintRule[] {
  const displayName = prop(group, 'displayName');
  const members = prop(group, 'members');
  const count = Array.isArray(members) ? members.length : 0;
  return [
    nonEmptyString(displayName)
      ? rule('scim-group-display-name', 'displayName present', 'pass', `displayName "${truncateLine(displayName, 80)}".`)
      : rule('scim-group-display-name', 'displayName present', 'fail', displayName === undefined ? 'No displayName.' : 'displayName is empty or not a string.', {
          article: ARTICLE,
          fix: "Map the group's name to SCIM displayName in the IdP; IAM Identity Center requires it and uses it to tell groups apart.",
        }),
    count <= MAX_MEMBERS_PER_REQUEST
      ? rule('scim-group-members', `At most ${MAX_MEMBERS_PER_REQUEST} members per request`, 'pass', `${count} member(s) in this request.`)
      : rule('scim-group-members', `At most ${MAX_MEMBERS_PER_REQUEST} members per request`, 'fail', `${count} members in one request.`, {
          article: ARTICLE,
          fix: `Send at most ${MAX_MEMBERS_PER_REQUEST} members per request (create the group, then add members with PATCH in batches).`,
        }),
    subattributesRule(group, 'group'),
    unknownAttributesRule(group, 'group'),
    schemaUrnsRule(group, 'group'),
    nullValuesRule(group),
  ];
}
