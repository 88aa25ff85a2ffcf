import {
  adminKindsOf,
  BUSINESS_PERMISSIONS,
  PERSONAL_DATA_PERMISSIONS,
  type Permission,
} from './permissions.js';

/**
 * The permissions an actor may put into a grant. Nobody grants what they do not hold, with one
 * delegation: whoever holds `user.manage` (the system administrator) may hand out business
 * permissions, since that is the job of the role; administrator permissions of the other two
 * kinds stay out of reach (三权分立).
 *
 * @example
 * grantablePermissions(new Set(['user.manage'])).has('person.read') // true
 * grantablePermissions(new Set(['user.manage'])).has('audit.read')  // false
 */
export function grantablePermissions(held: ReadonlySet<string>): Set<string> {
  const out = new Set<string>(held);
  if (held.has('user.manage')) for (const p of BUSINESS_PERMISSIONS) out.add(p);
  return out;
}

/**
 * Permissions in `wanted` that `held` does not cover, sorted; empty when the grant is allowed.
 *
 * @example
 * missingForGrant(new Set(['person.read']), ['person.read', 'person.write']) // ['person.write']
 */
export function missingForGrant(held: ReadonlySet<string>, wanted: Iterable<Permission>): string[] {
  const grantable = grantablePermissions(held);
  return [...new Set(wanted)].filter((p) => !grantable.has(p)).sort();
}

/**
 * True when a user holding `existing` plus `added` permissions would be more than one of the
 * system, security and audit administrators.
 *
 * @example
 * breaksSeparationOfDuties(['user.manage'], ['audit.read']) // true
 */
export function breaksSeparationOfDuties(
  existing: Iterable<string>,
  added: Iterable<string>,
): boolean {
  return adminKindsOf([...existing, ...added]).length > 1;
}

/**
 * The personal-data permissions among `permissions`, sorted: a grant carrying any of them waits
 * for the security administrator's approval instead of taking effect at once.
 *
 * @example
 * personalDataIn(['person.read', 'person.unmask']) // ['person.unmask']
 */
export function personalDataIn(permissions: Iterable<string>): Permission[] {
  const wanted = new Set(permissions);
  return PERSONAL_DATA_PERMISSIONS.filter((p) => wanted.has(p)).sort();
}

/**
 * True for an administrator role: one carrying any permission of the three administrators.
 * Every other role is a business role.
 *
 * @example
 * isAdminRole(['region.read', 'audit.read']) // true
 * isAdminRole(['region.read', 'person.read']) // false
 */
export function isAdminRole(permissions: Iterable<string>): boolean {
  return adminKindsOf(permissions).length > 0;
}

/**
 * True when adding a role with `added` permissions to someone holding roles with the permission
 * lists `held` would mix an administrator role with a business role: nobody holds both.
 *
 * @example
 * mixesAdminAndBusiness([['user.manage']], ['person.read']) // true
 * mixesAdminAndBusiness([['person.read']], ['entity.read'])  // false
 */
export function mixesAdminAndBusiness(
  held: Iterable<Iterable<string>>,
  added: Iterable<string>,
): boolean {
  const roles = [...held, added].map((r) => isAdminRole(r));
  return roles.includes(true) && roles.includes(false);
}

/** How long after creating an account its creator may not give it business roles (三权分立). */
export const OWN_ACCOUNT_COOLING_MS = 24 * 60 * 60 * 1000;

/**
 * True while `createdAt` lies less than {@link OWN_ACCOUNT_COOLING_MS} before `now`.
 *
 * @example
 * withinOwnAccountCooling(new Date('2026-11-21T00:00Z'), new Date('2026-11-21T23:59Z')) // true
 */
export function withinOwnAccountCooling(createdAt: Date, now: Date): boolean {
  return now.getTime() - createdAt.getTime() < OWN_ACCOUNT_COOLING_MS;
}
