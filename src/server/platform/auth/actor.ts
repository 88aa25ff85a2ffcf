import type { ScopeType } from '../../../domain/access/roles.js';
import type { Actor, Grant } from '../http/context.js';
import type { GrantRow, SessionRow, UserRow } from './repo.js';

/** Turns assignment rows into grants: org and park scopes reach their organisation's region. */
export function toGrants(rows: GrantRow[]): Grant[] {
  const grants: Grant[] = [];
  for (const r of rows) {
    const regionCode = r.scopeType === 'region' ? r.scopeRegion : r.orgRegion;
    // A grant whose scope cannot be resolved reaches nothing: deny rather than widen.
    if (!regionCode) continue;
    grants.push({
      roleCode: r.roleCode,
      permissions: new Set(r.permissions),
      scopeType: r.scopeType as ScopeType,
      regionCode,
      orgId: r.scopeOrgId,
      orgType: r.orgType,
    });
  }
  return grants;
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
