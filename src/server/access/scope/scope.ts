import { type SQL, sql, type AnyColumn } from 'drizzle-orm';
import type { Permission } from '../../../domain/access/permissions.js';
import { isWithin, NATION_CODE, regionPrefix } from '../../../domain/regions/region-code.js';
import { AppError } from '../../../domain/errors/codes.js';
import type { Actor, RequestContext } from '../../platform/http/context.js';
import { entities } from '../../ledger/entities/table.js';

/**
 * The one place that turns an actor's grants into data scope. Deny by default: no grant carrying
 * the permission means no rows and no writes.
 */

/**
 * The logged-in actor even before the second factor or the forced password change; only the
 * auth routes that complete those steps use it.
 */
export function requireSession(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppError(ctx.sessionProblem ?? 'UNAUTHENTICATED');
  return ctx.actor;
}

/**
 * The fully logged-in actor: second factor passed and password changed if it had to be.
 */
export function requireActor(ctx: RequestContext): Actor {
  const a = requireSession(ctx);
  if (a.mfaState === 'totp') throw new AppError('TOTP_REQUIRED');
  if (a.mfaState === 'enrol') throw new AppError('TOTP_ENROLMENT_REQUIRED');
  if (a.mustChangePassword) throw new AppError('PASSWORD_CHANGE_REQUIRED');
  return a;
}

/**
 * Checks the actor holds `permission` somewhere, throwing FORBIDDEN otherwise. Call first in
 * every service function.
 */
export function requirePermission(ctx: RequestContext, permission: Permission): Actor {
  const a = requireActor(ctx);
  if (!a.permissions.has(permission)) throw new AppError('FORBIDDEN', { permission });
  return a;
}

/**
 * Region codes (12 digits) the actor reaches with `permission`, minimised so that no root lies
 * inside another.
 *
 * @example
 * scopeRoots(actor, 'person.read') // ['500236000000']
 */
export function scopeRoots(actor: Actor, permission: Permission): string[] {
  const codes = actor.grants.filter((g) => g.permissions.has(permission)).map((g) => g.regionCode);
  const unique = [...new Set(codes)].sort(
    (a, b) => regionPrefix(a).length - regionPrefix(b).length,
  );
  const roots: string[] = [];
  for (const c of unique) if (!roots.some((r) => isWithin(c, r))) roots.push(c);
  return roots;
}

/** True when `regionCode` lies within one of the actor's roots for `permission`. */
export function regionInScope(actor: Actor, permission: Permission, regionCode: string): boolean {
  return scopeRoots(actor, permission).some((root) => isWithin(regionCode, root));
}

/**
 * Refuses a write (or a read of a single record) outside scope. Reads of a known record outside
 * scope report NOT_FOUND, so existence does not leak; writes report SCOPE_OUTSIDE_OWN.
 */
export function assertRegionInScope(
  actor: Actor,
  permission: Permission,
  regionCode: string,
  mode: 'read' | 'write' = 'read',
): void {
  if (!regionInScope(actor, permission, regionCode)) {
    throw new AppError(mode === 'read' ? 'NOT_FOUND' : 'SCOPE_OUTSIDE_OWN');
  }
}

/**
 * For deployment-wide objects (security settings, role definitions): the permission must be
 * held with nation-wide scope; a county's administrator cannot change what binds every county.
 */
export function requireNationWide(ctx: RequestContext, permission: Permission): Actor {
  const actor = requirePermission(ctx, permission);
  if (!regionInScope(actor, permission, NATION_CODE)) throw new AppError('SCOPE_OUTSIDE_OWN');
  return actor;
}

/**
 * A WHERE condition limiting `column` (a 12-digit region code column) to the actor's scope for
 * `permission`; `false` when there is none. Served by the `bpchar_pattern_ops` prefix indexes.
 *
 * @example
 * db.select().from(organisations).where(regionScopeWhere(actor, 'org.read', organisations.regionCode))
 */
export function regionScopeWhere(
  actor: Actor,
  permission: Permission,
  column: AnyColumn | SQL,
): SQL {
  const roots = scopeRoots(actor, permission);
  if (roots.length === 0) return sql`false`;
  const parts = roots.map((r) => {
    const prefix = regionPrefix(r);
    return prefix === '' ? sql`true` : sql`${column} LIKE ${`${prefix}%`}`;
  });
  return sql`(${sql.join(parts, sql` OR `)})`;
}

/** The columns of a market-entity table that entity scope tests. */
export interface EntityScopeColumns {
  regionCode: AnyColumn | SQL;
  parkOrgId: AnyColumn | SQL;
}

/** Park ids of the actor's park-scoped grants carrying `permission`. */
function parkScopeIds(actor: Actor, permission: Permission): string[] {
  const ids = actor.grants
    .filter((g) => g.scopeType === 'park' && g.orgId !== null && g.permissions.has(permission))
    .map((g) => g.orgId as string);
  return [...new Set(ids)].sort();
}

/** The actor without its park grants: what region and organisation grants reach. */
function withoutParkGrants(actor: Actor): Actor {
  return { ...actor, grants: actor.grants.filter((g) => g.scopeType !== 'park') };
}

/**
 * A WHERE condition limiting market entities to the actor's scope for `permission`: region- and
 * organisation-scoped grants reach entities registered in their region subtree (as
 * {@link regionScopeWhere}), park-scoped grants only the entities whose park is that park;
 * `false` when there is none.
 *
 * @example
 * db.select().from(entities).where(entityScopeWhere(actor, 'entity.read'))
 */
export function entityScopeWhere(
  actor: Actor,
  permission: Permission,
  columns: EntityScopeColumns = { regionCode: entities.regionCode, parkOrgId: entities.parkOrgId },
): SQL {
  const parts: SQL[] = [];
  const regional = withoutParkGrants(actor);
  if (scopeRoots(regional, permission).length > 0) {
    parts.push(regionScopeWhere(regional, permission, columns.regionCode));
  }
  const parks = parkScopeIds(actor, permission);
  if (parks.length > 0) {
    const ids = sql.join(
      parks.map((p) => sql`${p}`),
      sql`, `,
    );
    parts.push(sql`${columns.parkOrgId} IN (${ids})`);
  }
  if (parts.length === 0) return sql`false`;
  return sql`(${sql.join(parts, sql` OR `)})`;
}

/**
 * True when a market entity (its region and park) lies within the actor's scope for
 * `permission`, by the same rule as {@link entityScopeWhere}.
 *
 * @example
 * entityInScope(actor, 'entity.write', { regionCode: '500236128000', parkOrgId: null })
 */
export function entityInScope(
  actor: Actor,
  permission: Permission,
  entity: { regionCode: string; parkOrgId: string | null },
): boolean {
  if (regionInScope(withoutParkGrants(actor), permission, entity.regionCode)) return true;
  return entity.parkOrgId !== null && parkScopeIds(actor, permission).includes(entity.parkOrgId);
}
