import { and, eq, type SQL } from 'drizzle-orm';
import { mixesAdminAndBusiness } from '../../../domain/access/grant-rules.js';
import { AppError } from '../../../domain/errors/codes.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Executor } from '../../platform/db/client.js';
import type { Actor, RequestContext } from '../../platform/http/context.js';
import { toPage, type Paged } from '../../platform/http/paging.js';
import type { AppDeps } from '../../platform/http/types.js';
import { findRole } from '../roles/repo.js';
import {
  regionInScope,
  regionScopeWhere,
  requireActor,
  requirePermission,
} from '../scope/scope.js';
import { insertAssignment, listAssignments } from '../users/repo.js';
import type { GrantRequestListQueryT, GrantRequestViewT } from './contract.js';
import { presentGrantRequest } from './presenter.js';
import {
  decideGrantRequest,
  findGrantRequest,
  listGrantRequests as listRows,
  type GrantRequestRecord,
} from './repo.js';
import { grantRequests } from './table.js';

/**
 * Grant requests: a grant that carries personal-data permissions waits here until the security
 * administrator (security.manage over the grant's region) approves or rejects it. The requester
 * never decides their own request, nor does anyone decide a request that grants to themselves.
 */

/**
 * Requests the actor may see: the security administrator sees every request in their
 * security.manage scope, the system administrator those in their user.read scope.
 */
export async function listGrantRequests(
  deps: AppDeps,
  ctx: RequestContext,
  query: GrantRequestListQueryT,
): Promise<Paged<GrantRequestViewT>> {
  const actor = requireActor(ctx);
  const permission = actor.permissions.has('security.manage') ? 'security.manage' : 'user.read';
  requirePermission(ctx, permission);
  const c: SQL[] = [regionScopeWhere(actor, permission, grantRequests.regionCode)];
  if (query.status) c.push(eq(grantRequests.status, query.status));
  const { rows, total } = await listRows(deps.db, and(...c) as SQL, query);
  return toPage(rows, total, query, presentGrantRequest);
}

/** A pending request the actor may decide, or the code saying why not. */
async function decidable(db: Executor, actor: Actor, id: string): Promise<GrantRequestRecord> {
  const row = await findGrantRequest(db, id);
  if (!row || !regionInScope(actor, 'security.manage', row.regionCode)) {
    throw new AppError('NOT_FOUND');
  }
  if (row.requestedBy === actor.userId || row.userId === actor.userId) {
    throw new AppError('GRANT_REQUEST_SELF');
  }
  if (row.status !== 'pending') throw new AppError('GRANT_REQUEST_DECIDED', { status: row.status });
  return row;
}

/**
 * Approves a pending request: the role assignment is made now (granted by the requester), and the
 * approval is audited in the same transaction. Refused with GRANT_REQUEST_SELF (own request or a
 * grant to oneself), GRANT_REQUEST_DECIDED (already decided), ADMIN_BUSINESS_MIX (the user has
 * since become an administrator) or CONFLICT (the same grant exists already).
 */
export async function approveGrantRequest(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
): Promise<GrantRequestViewT> {
  const actor = requirePermission(ctx, 'security.manage');
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    const req = await decidable(tx, actor, id);
    const role = await findRole(tx, req.roleCode);
    if (!role) throw new AppError('ROLE_UNKNOWN', { role: req.roleCode });
    const existing = await listAssignments(tx, req.userId);
    if (
      mixesAdminAndBusiness(
        existing.map((a) => a.permissions),
        role.permissions,
      )
    ) {
      throw new AppError('ADMIN_BUSINESS_MIX');
    }
    const duplicate = existing.some(
      (a) =>
        a.roleCode === req.roleCode &&
        a.scopeType === req.scopeType &&
        a.scopeRegion === req.scopeRegion &&
        a.orgId === req.scopeOrgId,
    );
    if (duplicate) throw new AppError('CONFLICT', { reason: 'duplicate_grant' });
    const grantId = await insertAssignment(tx, {
      userId: req.userId,
      roleCode: req.roleCode,
      scopeType: req.scopeType,
      scopeRegion: req.scopeRegion,
      scopeOrgId: req.scopeOrgId,
      grantedBy: req.requestedBy,
      grantedAt: now,
    });
    const decided = await decideGrantRequest(tx, id, {
      status: 'approved',
      decidedBy: actor.userId,
      decidedAt: now,
      reason: null,
      assignmentId: grantId,
    });
    if (!decided) throw new AppError('GRANT_REQUEST_DECIDED', { status: 'decided' });
    await recordAudit(tx, ctx, now, {
      action: 'user.grant_approve',
      objectType: 'user',
      objectId: req.userId,
      permission: 'security.manage',
      details: {
        requestId: id,
        grantId,
        roleCode: req.roleCode,
        scopeType: req.scopeType,
        regionCode: req.regionCode,
        orgId: req.scopeOrgId,
        requestedBy: req.requestedBy,
      },
    });
  });
  return requestView(deps, id);
}

/** Rejects a pending request with a reason; nothing is granted. Same refusals as approval. */
export async function rejectGrantRequest(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  reason: string,
): Promise<GrantRequestViewT> {
  const actor = requirePermission(ctx, 'security.manage');
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    const req = await decidable(tx, actor, id);
    const decided = await decideGrantRequest(tx, id, {
      status: 'rejected',
      decidedBy: actor.userId,
      decidedAt: now,
      reason,
      assignmentId: null,
    });
    if (!decided) throw new AppError('GRANT_REQUEST_DECIDED', { status: 'decided' });
    await recordAudit(tx, ctx, now, {
      action: 'user.grant_reject',
      objectType: 'user',
      objectId: req.userId,
      permission: 'security.manage',
      details: { requestId: id, roleCode: req.roleCode, regionCode: req.regionCode, reason },
    });
  });
  return requestView(deps, id);
}

async function requestView(deps: AppDeps, id: string): Promise<GrantRequestViewT> {
  const row = await findGrantRequest(deps.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  return presentGrantRequest(row);
}
