import {
  isAdminRole,
  missingForGrant,
  personalDataIn,
} from '../../../domain/access/grant-rules.js';
import {
  adminKindsOf,
  ALL_PERMISSIONS,
  isPermission,
  PERMISSIONS,
} from '../../../domain/access/permissions.js';
import type { ScopeType } from '../../../domain/access/roles.js';
import type { RoleViewT } from './contract.js';
import type { RoleRow } from './repo.js';

/**
 * A role as the API shows it; `grantable` says whether `held` may hand it out through the API
 * (never an administrator role: only the operator's CLI grants those), `needsApproval` whether a
 * grant of it waits for the security administrator (it carries personal-data permissions).
 */
export function presentRole(row: RoleRow, held: ReadonlySet<string>): RoleViewT {
  const known = row.permissions.filter(isPermission);
  return {
    code: row.code,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    permissions: [...row.permissions],
    scopeTypes: row.scopeTypes as ScopeType[],
    requireTotp: row.requireTotp,
    builtin: row.builtin,
    adminKinds: adminKindsOf(row.permissions),
    grantable:
      known.length === row.permissions.length &&
      missingForGrant(held, known).length === 0 &&
      !isAdminRole(known),
    needsApproval: personalDataIn(row.permissions).length > 0,
  };
}

/** The permission catalog with zh/en names and the administrator kind owning each. */
export function presentPermissions() {
  return {
    items: ALL_PERMISSIONS.map((code) => ({
      code,
      nameZh: PERMISSIONS[code].zh,
      nameEn: PERMISSIONS[code].en,
      adminKind: PERMISSIONS[code].admin,
    })),
  };
}
