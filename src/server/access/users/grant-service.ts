import {
  OWN_ACCOUNT_COOLING_MS,
  personalDataIn,
  withinOwnAccountCooling,
} from '../../../domain/access/grant-rules.js';
import { AppError } from '../../../domain/errors/codes.js';
import { recordAudit } from '../../platform/audit/record.js';
import {
  insertGrantRequest,
  pendingRequestsOf,
  type GrantRequestRecord,
} from '../grant-requests/repo.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { AppDeps } from '../../platform/http/types.js';
import { requirePermission } from '../scope/scope.js';
import type { GrantBodyT, UserDetailViewT } from './contract.js';
import {
  assertAuthorityOver,
  assertNotAdministrator,
  assertNotSelf,
  assignmentRegion,
  checkNewGrant,
} from './grant-check.js';
import { deleteAssignment, insertAssignment, listAssignments } from './repo.js';
import { managedUser, userDetail } from './service.js';

/**
 * Gives a user a role within a scope, under the rules of grant-check.ts, and two more of 三权分立:
 * an administrator's account is the operator's (ADMIN_ACCOUNT_CLI_ONLY), and nobody gives
 * business roles to an account they created less than 24 hours ago (GRANT_OWN_NEW_ACCOUNT, by
 * the injected clock). Two kinds of grant do not take effect here but become a pending grant
 * request for the security administrator (`pending: true`): a role carrying personal-data
 * permissions, and any business role given by the account's own creator after those 24 hours —
 * the creator chose or saw the account's first password, so without a second person they could
 * log in as it and read the ledger (names, birth dates, places: personal data even masked).
 * (Roles needing a second factor are administrator roles, which only the CLI grants.)
 */
export async function grantRole(
  deps: AppDeps,
  ctx: RequestContext,
  userId: string,
  body: GrantBodyT,
): Promise<{ user: UserDetailViewT; pending: boolean }> {
  const actor = requirePermission(ctx, 'user.manage');
  assertNotSelf(actor, userId);
  const now = deps.clock();
  const pending = await deps.db.transaction(async (tx) => {
    const target = await managedUser(tx, actor, userId);
    const existing = await listAssignments(tx, userId);
    assertNotAdministrator(existing);
    const g = await checkNewGrant(tx, actor, userId, existing, body, ctx.locale);
    const ownAccount = target.createdBy === actor.userId;
    if (ownAccount && withinOwnAccountCooling(target.createdAt, now)) {
      const until = new Date(target.createdAt.getTime() + OWN_ACCOUNT_COOLING_MS);
      throw new AppError('GRANT_OWN_NEW_ACCOUNT', { until: until.toISOString() });
    }
    const scope = {
      userId,
      roleCode: g.role.code,
      scopeType: g.scopeType,
      scopeRegion: g.scopeRegion,
      scopeOrgId: g.scopeOrgId,
    };
    const audited = { roleCode: g.role.code, scopeType: g.scopeType, regionCode: g.regionCode };
    const personalData = personalDataIn(g.role.permissions);
    if (personalData.length > 0 || ownAccount) {
      const waiting = await pendingRequestsOf(tx, userId);
      if (waiting.some((r) => sameScope(r, scope))) throw new AppError('GRANT_REQUEST_DUPLICATE');
      const requestId = await insertGrantRequest(tx, {
        ...scope,
        regionCode: g.regionCode,
        requestedBy: actor.userId,
        requestedAt: now,
      });
      await recordAudit(tx, ctx, now, {
        action: 'user.grant_request',
        objectType: 'user',
        objectId: userId,
        permission: 'user.manage',
        details: { requestId, ...audited, orgId: g.scopeOrgId, personalData, ownAccount },
      });
      return true;
    }
    const grantId = await insertAssignment(tx, {
      ...scope,
      grantedBy: actor.userId,
      grantedAt: now,
    });
    await recordAudit(tx, ctx, now, {
      action: 'user.grant',
      objectType: 'user',
      objectId: userId,
      permission: 'user.manage',
      details: { grantId, ...audited, orgId: g.scopeOrgId },
    });
    return false;
  });
  return { user: await userDetail(deps, userId), pending };
}

function sameScope(
  r: Pick<GrantRequestRecord, 'roleCode' | 'scopeType' | 'scopeRegion' | 'scopeOrgId'>,
  s: Pick<GrantRequestRecord, 'roleCode' | 'scopeType' | 'scopeRegion' | 'scopeOrgId'>,
): boolean {
  return (
    r.roleCode === s.roleCode &&
    r.scopeType === s.scopeType &&
    r.scopeRegion === s.scopeRegion &&
    r.scopeOrgId === s.scopeOrgId
  );
}

/**
 * Takes a grant away (never from an administrator's account: ADMIN_ACCOUNT_CLI_ONLY). Sessions live on: the session hook reloads grants on every request, so
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
    const assignments = await listAssignments(tx, userId);
    assertNotAdministrator(assignments);
    const grant = assignments.find((a) => a.id === grantId);
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
