import { adminKindsOf, BUSINESS_PERMISSIONS, type Permission } from './permissions.js';

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
