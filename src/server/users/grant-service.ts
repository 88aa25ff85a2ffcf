import { AppError } from '../../domain/errors/codes.js';
import { recordAudit } from '../audit/record.js';
import { revokeUserSessions } from '../auth/repo.js';
import type { RequestContext } from '../http/context.js';
import type { AppDeps } from '../http/types.js';
import { requirePermission } from '../scope/scope.js';
import type { GrantBodyT, UserDetailViewT } from './contract.js';
import {
  assertAuthorityOver,
  assertNotSelf,
  assignmentRegion,
  checkNewGrant,
} from './grant-check.js';
import { deleteAssignment, insertAssignment, listAssignments } from './repo.js';
import { managedUser, userDetail } from './service.js';

/**
 * Gives a user a role within a scope, under the rules of grant-check.ts. When the role needs a
 * second factor the user has not enrolled, their live sessions end, so the new rights are only
 * usable after logging in again with TOTP.
 */
export async function grantRole(
  deps: AppDeps,
  ctx: RequestContext,
  userId: string,
  body: GrantBodyT,
): Promise<UserDetailViewT> {
  const actor = requirePermission(ctx, 'user.manage');
  assertNotSelf(actor, userId);
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    const target = await managedUser(tx, actor, userId);
    const existing = await listAssignments(tx, userId);
    const g = await checkNewGrant(tx, actor, userId, existing, body, ctx.locale);
    const grantId = await insertAssignment(tx, {
      userId,
      roleCode: g.role.code,
      scopeType: g.scopeType,
      scopeRegion: g.scopeRegion,
      scopeOrgId: g.scopeOrgId,
      grantedBy: actor.userId,
      grantedAt: now,
    });
    const sessionsEnded = g.role.requireTotp && !target.totpEnabled;
    if (sessionsEnded) await revokeUserSessions(tx, userId, now);
    await recordAudit(tx, ctx, now, {
      action: 'user.grant',
      objectType: 'user',
      objectId: userId,
      permission: 'user.manage',
      details: {
        grantId,
        roleCode: g.role.code,
        scopeType: g.scopeType,
        regionCode: g.regionCode,
        orgId: g.scopeOrgId,
        sessionsEnded,
      },
    });
  });
  return userDetail(deps, userId);
}

/**
 * Takes a grant away. Sessions live on: the session hook reloads grants on every request, so
 * the reduced rights apply from the user's next request.
 */
export async function revokeGrant(
  deps: AppDeps,
  ctx: RequestContext,
  userId: string,
  grantId: string,
): Promise<UserDetailViewT> {
  const actor = requirePermission(ctx, 'user.manage');
  assertNotSelf(actor, userId);
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    await managedUser(tx, actor, userId);
    const grant = (await listAssignments(tx, userId)).find((a) => a.id === grantId);
    if (!grant) throw new AppError('NOT_FOUND');
    assertAuthorityOver(actor, grant);
    await deleteAssignment(tx, grantId);
    await recordAudit(tx, ctx, now, {
      action: 'user.revoke',
      objectType: 'user',
      objectId: userId,
      permission: 'user.manage',
      details: {
        grantId,
        roleCode: grant.roleCode,
        scopeType: grant.scopeType,
        regionCode: assignmentRegion(grant),
        orgId: grant.orgId,
      },
    });
  });
  return userDetail(deps, userId);
}
