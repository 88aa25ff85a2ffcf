import { breaksSeparationOfDuties, missingForGrant } from '../../../domain/access/grant-rules.js';
import { adminKindsOf } from '../../../domain/access/permissions.js';
import { AppError } from '../../../domain/errors/codes.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { AppDeps } from '../../platform/http/types.js';
import { requireNationWide, requirePermission } from '../scope/scope.js';
import type { CreateRoleBodyT, RoleViewT } from './contract.js';
import { presentPermissions, presentRole } from './presenter.js';
import { findRole, insertRole, listRoles as listRoleRows } from './repo.js';

/** Every role with its permissions, and whether the actor may grant it (needs user.read). */
export async function listRoles(
  deps: AppDeps,
  ctx: RequestContext,
): Promise<{ items: RoleViewT[] }> {
  const actor = requirePermission(ctx, 'user.read');
  const rows = await listRoleRows(deps.db);
  return { items: rows.map((r) => presentRole(r, actor.permissions)) };
}

/** The permission catalog (needs user.read). */
export function listPermissions(ctx: RequestContext) {
  requirePermission(ctx, 'user.read');
  return presentPermissions();
}

/**
 * Creates a custom role. Nobody puts a permission into a role that they could not grant
 * themselves (GRANT_EXCEEDS_OWN), and no role may span two administrator kinds
 * (SEPARATION_OF_DUTIES). Roles carrying any administrator permission require TOTP.
 */
export async function createRole(
  deps: AppDeps,
  ctx: RequestContext,
  body: CreateRoleBodyT,
): Promise<RoleViewT> {
  const actor = requireNationWide(ctx, 'role.manage');
  const permissions = [...new Set(body.permissions)].sort();
  const scopeTypes = [...new Set(body.scopeTypes)];
  const missing = missingForGrant(actor.permissions, permissions);
  if (missing.length > 0) throw new AppError('GRANT_EXCEEDS_OWN', { permissions: missing });
  if (breaksSeparationOfDuties([], permissions)) {
    throw new AppError('SEPARATION_OF_DUTIES', { kinds: adminKindsOf(permissions) });
  }
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    const inserted = await insertRole(tx, {
      code: body.code,
      nameZh: body.nameZh,
      nameEn: body.nameEn,
      permissions,
      scopeTypes,
      requireTotp: adminKindsOf(permissions).length > 0,
      builtin: false,
      createdAt: now,
    });
    if (!inserted) throw new AppError('ROLE_TAKEN', { code: body.code });
    await recordAudit(tx, ctx, now, {
      action: 'role.create',
      objectType: 'role',
      objectId: body.code,
      permission: 'role.manage',
      details: { permissions, scopeTypes },
    });
  });
  const row = await findRole(deps.db, body.code);
  if (!row) throw new AppError('NOT_FOUND');
  return presentRole(row, actor.permissions);
}
