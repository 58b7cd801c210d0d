import type { LintRule } from '../../core/checks/checks';
import { truncateLine } from '../../core/text/truncate';
import { rule } from '../lint-report';
import { nullValuesRule, schemaUrnsRule, singleValueRule, subattributesRule, unknownAttributesRule, unsupportedAttributesRule } from './resource-rules';
import { ARTICLE, URN, isObject, nonEmptyString, prop } from './scim-schema';

const opts = (fix: string) => ({ article: ARTICLE, fix });

/** CreateUser / PutUser: "The givenName, familyName, userName, and displayName fields are required." */
export function userRules(user: Record<string, unknown>): LintRule[] {
  return [
    userNameRule(user),
    requiredNamesRule(user),
    singleValueRule(user),
    emailPrimaryRule(user),
    unsupportedAttributesRule(user),
    subattributesRule(user, 'user'),
    managerRule(user),
    unknownAttributesRule(user, 'user'),
    schemaUrnsRule(user, 'user'),
    nullValuesRule(user),
  ];
}

function userNameRule(user: Record<string, unknown>): LintRule {
  const title = 'userName present';
  const value = prop(user, 'userName');
  if (nonEmptyString(value)) return rule('scim-user-name', title, 'pass', `userName "${truncateLine(value, 80)}".`);
  return rule('scim-user-name', title, 'fail', value === undefined ? 'No userName.' : 'userName is empty or not a string.', opts(
    "Map the IdP's unique sign-in name (for example userPrincipalName or the e-mail) to SCIM userName, and match users on that attribute only.",
  ));
}

function requiredNamesRule(user: Record<string, unknown>): LintRule {
  const title = 'givenName, familyName and displayName present';
  const name = prop(user, 'name');
  const missing: string[] = [];
  const check = (label: string, value: unknown) => {
    if (value === undefined) missing.push(`${label} is missing`);
    else if (!nonEmptyString(value)) missing.push(`${label} is empty`);
  };
  if (name !== undefined && !isObject(name)) missing.push('name is not an object');
  check('name.givenName', prop(name, 'givenName'));
  check('name.familyName', prop(name, 'familyName'));
  check('displayName', prop(user, 'displayName'));
  if (missing.length === 0) return rule('scim-required-names', title, 'pass', 'givenName, familyName and displayName are all set.');
  return rule('scim-required-names', title, 'fail', `${missing.join('; ')}. IAM Identity Center requires all three to be non-empty.`, opts(
    'Fill in the first (given) name, last (family) name and display name of this user in the IdP, and make sure the SCIM mappings send non-empty values for givenName, familyName and displayName (for example map displayName to the display name, or to "given family").',
  ));
}

/** CreateUser: "The emails attribute value must be marked as primary." */
function emailPrimaryRule(user: Record<string, unknown>): LintRule {
  const title = 'The e-mail is marked primary';
  const emails = prop(user, 'emails');
  if (!Array.isArray(emails) || emails.length === 0) return rule('scim-email-primary', title, 'na', 'No e-mail is sent.');
  if (emails.length > 1) return rule('scim-email-primary', title, 'na', 'Several e-mails are sent (see the one-value rule).');
  if (prop(emails[0], 'primary') === true) return rule('scim-email-primary', title, 'pass', 'The e-mail has "primary": true.');
  return rule('scim-email-primary', title, 'fail', `The e-mail has ${prop(emails[0], 'primary') === undefined ? 'no "primary"' : `"primary": ${truncateLine(JSON.stringify(prop(emails[0], 'primary')), 20)}`}; IAM Identity Center requires "primary": true.`, opts(
    'Set primary to true for the e-mail in the IdP mapping (emails[type eq "work"].primary = true).',
  ));
}

/** The enterprise manager is a single complex value {value, $ref} (RFC 7643 §4.3). */
export function managerRule(user: Record<string, unknown>): LintRule {
  const title = 'Enterprise manager is a single reference';
  const enterprise = prop(user, URN.enterprise);
  const manager = prop(enterprise, 'manager');
  if (manager === undefined) return rule('scim-enterprise-manager', title, 'na', 'No enterprise manager is sent.');
  if (isObject(manager) && nonEmptyString(prop(manager, 'value'))) return rule('scim-enterprise-manager', title, 'pass', 'manager is one {value} object.');
  const why = Array.isArray(manager) ? `manager is a list of ${manager.length}` : manager === null ? 'manager is null' : isObject(manager) ? 'manager has no value (the manager\'s SCIM id)' : `manager is a ${typeof manager}`;
  return rule('scim-enterprise-manager', title, 'fail', `${why}; it must be one object like {"value": "<manager's id>"}.`, opts(
    "Map the manager as a single reference to the manager's user id in IAM Identity Center, or remove the manager mapping.",
  ));
}
