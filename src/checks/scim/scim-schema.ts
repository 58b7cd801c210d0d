/**
 * What IAM Identity Center's SCIM implementation accepts, from its SCIM Implementation Developer
 * Guide (docs.aws.amazon.com/singlesignon/latest/developerguide/): CreateUser, PutUser, PatchUser,
 * CreateGroup, PatchGroup and "Limitations from SCIM specification"; and from the User Guide page
 * "Supported user and group attributes". Where a rule comes from elsewhere, its comment says so.
 */

export const ARTICLE = 'scim-sync-user-fails';

export const URN = {
  user: 'urn:ietf:params:scim:schemas:core:2.0:User',
  group: 'urn:ietf:params:scim:schemas:core:2.0:Group',
  enterprise: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
  patchOp: 'urn:ietf:params:scim:api:messages:2.0:PatchOp',
  error: 'urn:ietf:params:scim:api:messages:2.0:Error',
  listResponse: 'urn:ietf:params:scim:api:messages:2.0:ListResponse',
} as const;

/** RFC 7643 §4.1 User attributes, plus the common ones (§3.1). Lower case: SCIM names are case-insensitive. */
export const USER_ATTRIBUTES = new Set(
  ['id', 'externalId', 'meta', 'schemas', 'userName', 'name', 'displayName', 'nickName', 'profileUrl', 'title', 'userType', 'preferredLanguage', 'locale', 'timezone', 'active', 'password', 'emails', 'phoneNumbers', 'ims', 'photos', 'addresses', 'groups', 'entitlements', 'roles', 'x509Certificates'].map((s) => s.toLowerCase()),
);
/** RFC 7643 §4.2 Group attributes plus the common ones. */
export const GROUP_ATTRIBUTES = new Set(['id', 'externalid', 'meta', 'schemas', 'displayname', 'members']);

/**
 * CreateUser / PutUser "Not supported": ims, photos, x509Certificates, entitlements, password; and
 * "groups cannot be specified with createUser". Even an empty list is refused (goauthentik/authentik#5640:
 * `"photos": []` made IAM Identity Center reject the user).
 */
export const UNSUPPORTED_USER_ATTRIBUTES: Record<string, string> = {
  password: 'passwords are not synchronised: users sign in through the IdP',
  ims: 'not supported',
  photos: 'not supported',
  x509certificates: 'not supported',
  entitlements: 'not supported',
  groups: 'group membership is set with PATCH /Groups, not on the user',
};

/** CreateUser constraint: "multiple values in multi-value attributes (such as emails, addresses, phoneNumbers, roles)" are not supported. */
export const SINGLE_VALUED_LISTS = ['emails', 'phoneNumbers', 'addresses', 'roles'] as const;

/** "display subattribute for emails, addresses, and phoneNumbers"; roles allow only value, type and primary. */
export const NO_DISPLAY_LISTS = ['emails', 'phoneNumbers', 'addresses', 'roles'] as const;

/**
 * PatchUser constraint: "Modification is only allowed for the userName, active, externalId, displayName,
 * nickName, profileUrl, title, userType, preferredLanguage, locale, timezone, name, enterprise, emails,
 * addresses, and phoneNumbers attributes."
 */
export const PATCHABLE_USER_ATTRIBUTES = new Set(
  ['userName', 'active', 'externalId', 'displayName', 'nickName', 'profileUrl', 'title', 'userType', 'preferredLanguage', 'locale', 'timezone', 'name', 'emails', 'addresses', 'phoneNumbers', URN.enterprise].map((s) => s.toLowerCase()),
);
/** PatchGroup constraint: "Only displayName, members, and externalId attributes are allowed in the request." */
export const PATCHABLE_GROUP_ATTRIBUTES = new Set(['displayname', 'members', 'externalid']);

/** CreateGroup: "A maximum of 100 members can be added in a single request"; PatchGroup: "A maximum of 100 membership changes". */
export const MAX_MEMBERS_PER_REQUEST = 100;

/** Case-insensitive property lookup: SCIM attribute names are case-insensitive (RFC 7643 §2.1). */
export function prop(obj: unknown, name: string): unknown {
  if (!isObject(obj)) return undefined;
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(obj)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

export function nonEmptyString(v: unknown): v is string {
  return typeof v === 'string' && v.trim() !== '';
}
