import {
  breaksSeparationOfDuties,
  isAdminRole,
  missingForGrant,
  mixesAdminAndBusiness,
} from '../../../domain/access/grant-rules.js';
import { adminKindsOf, isPermission, PERMISSIONS } from '../../../domain/access/permissions.js';
import { roleOrgTypes, type ScopeType } from '../../../domain/access/roles.js';
import { AppError } from '../../../domain/errors/codes.js';
import type { Locale } from '../../../domain/errors/messages.js';
import { NATION_CODE } from '../../../domain/regions/region-code.js';
import type { Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { findOrg, findRegionPath } from '../orgs/repo.js';
import { findRole, type RoleRow } from '../roles/repo.js';
import { regionInScope } from '../scope/scope.js';
import type { GrantBodyT } from './contract.js';
import type { AssignmentRecord } from './repo.js';

/**
 * Who may grant what to whom, in one place. The rules, in the order they are checked:
 * nobody changes their own grants; the role exists and allows the scope kind; the scope region or
 * organisation exists (a park scope needs a park); the scope lies within the actor's user.manage
 * scope; the target would not become two kinds of administrator (三权分立); and every permission of
 * the role is one the actor may grant — administrator permissions only where the actor holds them.
 * Through the API no administrator role is granted at all (ADMIN_ROLE_CLI_ONLY), and nobody holds
 * an administrator role and a business role together (ADMIN_BUSINESS_MIX).
 */

const SCOPE_REASONS = {
  scope_type: {
    zh: '该角色不能按此范围类型授予',
    en: 'the role cannot be granted with this kind of scope',
  },
  region_required: { zh: '按区划授权须填写区划代码', en: 'a region scope needs regionCode' },
  org_required: {
    zh: '按机构或园区授权须指定机构',
    en: 'an organisation or park scope needs orgId',
  },
  not_a_park: {
    zh: '园区范围须指定类型为园区的机构',
    en: 'a park scope needs an organisation of type park',
  },
  org_type: {
    zh: '该角色不能授予此类型的机构（如经办银行审核员只能授予经办银行）',
    en: 'the role cannot be granted on an organisation of this type (e.g. a bank reviewer only on a bank)',
  },
  region_mismatch: {
    zh: '区划代码与机构所在区划不一致',
    en: "regionCode differs from the organisation's region",
  },
} as const;

function scopeInvalid(reason: keyof typeof SCOPE_REASONS, locale: Locale, extra = {}): AppError {
  const text = SCOPE_REASONS[reason][locale === 'en' ? 'en' : 'zh'];
  return new AppError('SCOPE_INVALID', { reason: text, reasonCode: reason, ...extra });
}

/** The region subtree an assignment reaches. */
export function assignmentRegion(
  a: Pick<AssignmentRecord, 'scopeType' | 'scopeRegion' | 'orgRegion'>,
): string {
  return (a.scopeType === 'region' ? a.scopeRegion : a.orgRegion) ?? NATION_CODE;
}

/**
 * Refuses any change through the API to an account holding an administrator role (rename,
 * disable, enable, reset, grant, revoke): the three administrators' accounts are the operator's,
 * changed only with the CLI (三权分立).
 */
export function assertNotAdministrator(assignments: Pick<AssignmentRecord, 'permissions'>[]): void {
  if (assignments.some((a) => isAdminRole(a.permissions))) {
    throw new AppError('ADMIN_ACCOUNT_CLI_ONLY');
  }
}

/** Refuses to let an administrator act on their own account's access. */
export function assertNotSelf(actor: Actor, userId: string): void {
  if (actor.userId === userId) throw new AppError('FORBIDDEN', { reason: 'self' });
}

/**
 * Permissions of `permissions` the actor may not grant at `region`: those outside
 * grantablePermissions, unknown ones, and administrator permissions the actor does not hold in a
 * grant covering `region`.
 */
export function missingAt(actor: Actor, permissions: string[], region: string): string[] {
  const known = permissions.filter(isPermission);
  const missing = new Set([
    ...permissions.filter((p) => !isPermission(p)),
    ...missingForGrant(actor.permissions, known),
  ]);
  for (const p of known) {
    if (PERMISSIONS[p].admin !== null && !regionInScope(actor, p, region)) missing.add(p);
  }
  return [...missing].sort();
}

/**
 * Refuses unless the actor has authority over an existing assignment: its region lies within the
 * actor's user.manage scope and every permission of it is one the actor may grant there.
 */
export function assertAuthorityOver(actor: Actor, a: AssignmentRecord): void {
  const region = assignmentRegion(a);
  if (!regionInScope(actor, 'user.manage', region)) throw new AppError('SCOPE_OUTSIDE_OWN');
  const missing = missingAt(actor, a.permissions, region);
  if (missing.length > 0) throw new AppError('GRANT_EXCEEDS_OWN', { permissions: missing });
}

/**
 * Refuses to let the actor disable, enable or reset an account whose grants the actor could not
 * have given: a system administrator cannot take over or silence the security or audit
 * administrator, nor an administrator with a wider scope.
 */
export function assertOutranks(actor: Actor, assignments: AssignmentRecord[]): void {
  for (const a of assignments) assertAuthorityOver(actor, a);
}

/** What a checked grant stores. */
export interface ResolvedGrant {
  role: RoleRow;
  scopeType: ScopeType;
  scopeRegion: string | null;
  scopeOrgId: string | null;
  /** The region subtree the grant reaches. */
  regionCode: string;
}

async function resolveScope(
  db: Executor,
  body: GrantBodyT,
  locale: Locale,
): Promise<{ scopeRegion: string | null; scopeOrgId: string | null; regionCode: string }> {
  if (body.scopeType === 'region') {
    if (!body.regionCode) throw scopeInvalid('region_required', locale);
    if ((await findRegionPath(db, body.regionCode)) === undefined) {
      throw new AppError('REGION_UNKNOWN', { code: body.regionCode, field: 'regionCode' });
    }
    return { scopeRegion: body.regionCode, scopeOrgId: null, regionCode: body.regionCode };
  }
  if (!body.orgId) throw scopeInvalid('org_required', locale);
  const org = await findOrg(db, body.orgId);
  if (!org) throw new AppError('ORG_NOT_FOUND', { orgId: body.orgId });
  if (body.scopeType === 'park' && org.type !== 'park') throw scopeInvalid('not_a_park', locale);
  const orgTypes = roleOrgTypes(body.roleCode);
  if (body.scopeType === 'org' && orgTypes && !orgTypes.some((t) => t === org.type)) {
    throw scopeInvalid('org_type', locale, { allowed: orgTypes });
  }
  if (body.regionCode && body.regionCode !== org.regionCode) {
    throw scopeInvalid('region_mismatch', locale);
  }
  return { scopeRegion: null, scopeOrgId: org.id, regionCode: org.regionCode };
}

/**
 * Checks that `actor` may give `targetId` the grant in `body`, throwing the first rule broken,
 * and returns what to store.
 */
export async function checkNewGrant(
  db: Executor,
  actor: Actor,
  targetId: string,
  existing: AssignmentRecord[],
  body: GrantBodyT,
  locale: Locale,
): Promise<ResolvedGrant> {
  assertNotSelf(actor, targetId);
  const role = await findRole(db, body.roleCode);
  if (!role) throw new AppError('ROLE_UNKNOWN', { role: body.roleCode });
  if (isAdminRole(role.permissions)) throw new AppError('ADMIN_ROLE_CLI_ONLY');
  if (
    mixesAdminAndBusiness(
      existing.map((a) => a.permissions),
      role.permissions,
    )
  ) {
    throw new AppError('ADMIN_BUSINESS_MIX');
  }
  if (!role.scopeTypes.includes(body.scopeType)) {
    throw scopeInvalid('scope_type', locale, { allowed: role.scopeTypes });
  }
  const scope = await resolveScope(db, body, locale);
  if (!regionInScope(actor, 'user.manage', scope.regionCode)) {
    throw new AppError('SCOPE_OUTSIDE_OWN');
  }
  const held = existing.flatMap((a) => a.permissions);
  if (breaksSeparationOfDuties(held, role.permissions)) {
    throw new AppError('SEPARATION_OF_DUTIES', {
      kinds: adminKindsOf([...held, ...role.permissions]),
    });
  }
  const missing = missingAt(actor, role.permissions, scope.regionCode);
  if (missing.length > 0) throw new AppError('GRANT_EXCEEDS_OWN', { permissions: missing });
  const duplicate = existing.some(
    (a) =>
      a.roleCode === role.code &&
      a.scopeType === body.scopeType &&
      a.scopeRegion === scope.scopeRegion &&
      a.orgId === scope.scopeOrgId,
  );
  if (duplicate) throw new AppError('CONFLICT', { reason: 'duplicate_grant' });
  return { role, scopeType: body.scopeType, ...scope };
}
