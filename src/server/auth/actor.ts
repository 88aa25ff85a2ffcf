import type { ScopeType } from '../../domain/access/roles.js';
import { NATION_CODE } from '../../domain/regions/region-code.js';
import type { Actor, Grant } from '../http/context.js';
import type { GrantRow, SessionRow, UserRow } from './repo.js';

/** Turns assignment rows into grants: org and park scopes reach their organisation's region. */
export function toGrants(rows: GrantRow[]): Grant[] {
  return rows.map((r) => ({
    roleCode: r.roleCode,
    permissions: new Set(r.permissions),
    scopeType: r.scopeType as ScopeType,
    regionCode: (r.scopeType === 'region' ? r.scopeRegion : r.orgRegion) ?? NATION_CODE,
    orgId: r.scopeOrgId,
  }));
}

export function toActor(session: SessionRow, user: UserRow, rows: GrantRow[]): Actor {
  const grants = toGrants(rows);
  const permissions = new Set<string>();
  for (const g of grants) for (const p of g.permissions) permissions.add(p);
  return {
    userId: user.id,
    login: user.login,
    displayName: user.displayName,
    sessionId: session.id,
    grants,
    permissions,
    mustChangePassword: user.mustChangePassword,
    mfaState: session.mfaState as Actor['mfaState'],
  };
}
