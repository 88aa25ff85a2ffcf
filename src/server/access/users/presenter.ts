import type { ScopeType } from '../../../domain/access/roles.js';
import { presentGrantRequest } from '../grant-requests/presenter.js';
import type { GrantRequestRecord } from '../grant-requests/repo.js';
import type { GrantViewT, UserDetailViewT, UserViewT } from './contract.js';
import { assignmentRegion } from './grant-check.js';
import type { AssignmentRecord, UserRecord } from './repo.js';

function iso(d: Date | null): string | null {
  return d ? d.toISOString() : null;
}

/** A user as lists show it, field by field; `now` decides whether a lock-out is still on. */
export function presentUser(row: UserRecord, roleCodes: string[], now: Date): UserViewT {
  const locked = row.lockedUntil !== null && row.lockedUntil.getTime() > now.getTime();
  return {
    id: row.id,
    login: row.login,
    displayName: row.displayName,
    regionCode: row.regionCode,
    regionName: row.regionName,
    orgId: row.orgId,
    orgName: row.orgName,
    disabled: row.disabled,
    locked,
    lockedUntil: locked ? iso(row.lockedUntil) : null,
    mustChangePassword: row.mustChangePassword,
    totpEnabled: row.totpEnabled,
    lastLoginAt: iso(row.lastLoginAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    roleCodes,
    mobileMasked: row.mobileMask,
  };
}

/** One role assignment. */
export function presentGrant(a: AssignmentRecord): GrantViewT {
  return {
    id: a.id,
    roleCode: a.roleCode,
    roleNameZh: a.roleNameZh,
    roleNameEn: a.roleNameEn,
    scopeType: a.scopeType as ScopeType,
    regionCode: assignmentRegion(a),
    orgId: a.orgId,
    orgName: a.orgName,
    grantedBy: a.grantedBy,
    grantedAt: a.grantedAt.toISOString(),
  };
}

/** A user with every role assignment and the grants still waiting for approval. */
export function presentUserDetail(
  row: UserRecord,
  assignments: AssignmentRecord[],
  pending: GrantRequestRecord[],
  now: Date,
): UserDetailViewT {
  const roleCodes = [...new Set(assignments.map((a) => a.roleCode))].sort();
  return {
    ...presentUser(row, roleCodes, now),
    grants: assignments.map(presentGrant),
    pendingRequests: pending.map(presentGrantRequest),
  };
}
