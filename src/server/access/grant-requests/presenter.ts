import { personalDataIn } from '../../../domain/access/grant-rules.js';
import type { ScopeType } from '../../../domain/access/roles.js';
import type { GrantRequestViewT } from './contract.js';
import type { GrantRequestRecord } from './repo.js';

/** A grant request, field by field. */
export function presentGrantRequest(r: GrantRequestRecord): GrantRequestViewT {
  return {
    id: r.id,
    userId: r.userId,
    userLogin: r.userLogin,
    userDisplayName: r.userDisplayName,
    roleCode: r.roleCode,
    roleNameZh: r.roleNameZh,
    roleNameEn: r.roleNameEn,
    scopeType: r.scopeType as ScopeType,
    regionCode: r.regionCode,
    orgId: r.scopeOrgId,
    orgName: r.orgName,
    personalData: personalDataIn(r.permissions),
    status: r.status as GrantRequestViewT['status'],
    requestedBy: r.requestedBy,
    requestedByLogin: r.requestedByLogin,
    requestedAt: r.requestedAt.toISOString(),
    decidedBy: r.decidedBy,
    decidedByLogin: r.decidedByLogin,
    decidedAt: r.decidedAt ? r.decidedAt.toISOString() : null,
    reason: r.reason,
  };
}
