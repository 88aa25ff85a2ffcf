import { inArray, type SQL, sql } from 'drizzle-orm';
import type { CaseActor } from '../../../domain/cases/case-type.js';
import { isWithin, regionPrefix } from '../../../domain/regions/region-code.js';
import type { Executor } from '../../platform/db/client.js';
import { AppError } from '../../../domain/errors/codes.js';
import type { Actor, RequestContext } from '../../platform/http/context.js';
import { requireActor } from '../../access/scope/scope.js';
import { organisations } from '../../access/orgs/table.js';
import { cases } from './table.js';

/**
 * Who sees a case. Region-scoped grants reach the cases of their region subtree; organisation-
 * scoped grants (a bank, a guarantee agency, 人社) reach only the cases routed to their
 * organisation — a bank officer never sees another bank's files, even in the same county. Park
 * grants reach no case. Deny by default.
 */

/** The permissions that let one read a case. */
export const CASE_READERS = ['case.read', 'case.work'] as const;

/** The actor, when they hold case.read or case.work somewhere; FORBIDDEN otherwise. */
export function requireCaseReader(ctx: RequestContext): Actor {
  const actor = requireActor(ctx);
  if (!CASE_READERS.some((p) => actor.permissions.has(p))) {
    throw new AppError('FORBIDDEN', { permission: 'case.read' });
  }
  return actor;
}

function carriesAny(perms: ReadonlySet<string>, wanted: readonly string[]): boolean {
  return wanted.some((p) => perms.has(p));
}

/** The actor as the case rules see it: each organisation grant with its organisation's type. */
export async function caseActorOf(db: Executor, actor: Actor): Promise<CaseActor> {
  // Sessions carry their organisations' types; other actors (the CLI's, tests') are looked up.
  const orgIds = [
    ...new Set(
      actor.grants.flatMap((g) =>
        g.scopeType === 'org' && g.orgId && g.orgType === undefined ? [g.orgId] : [],
      ),
    ),
  ];
  const types = new Map<string, string>();
  if (orgIds.length > 0) {
    const rows = await db
      .select({ id: organisations.id, type: organisations.type })
      .from(organisations)
      .where(inArray(organisations.id, orgIds));
    for (const r of rows) types.set(r.id, r.type);
  }
  return {
    grants: actor.grants.map((g) => ({
      permissions: g.permissions,
      scopeType: g.scopeType,
      regionCode: g.regionCode,
      orgId: g.orgId,
      orgType: g.orgId ? (g.orgType ?? types.get(g.orgId) ?? null) : null,
    })),
  };
}

/** Region roots of the actor's region-scoped grants carrying one of `perms`. */
export function caseRegionRoots(actor: Actor, perms: readonly string[]): string[] {
  return [
    ...new Set(
      actor.grants
        .filter((g) => g.scopeType === 'region' && carriesAny(g.permissions, perms))
        .map((g) => g.regionCode),
    ),
  ];
}

/** Organisations of the actor's organisation-scoped grants carrying one of `perms`. */
export function caseOrgIds(actor: Actor, perms: readonly string[]): string[] {
  return [
    ...new Set(
      actor.grants.flatMap((g) =>
        g.scopeType === 'org' && g.orgId && carriesAny(g.permissions, perms) ? [g.orgId] : [],
      ),
    ),
  ];
}

/** True when the actor may read the case. */
export function caseVisible(
  actor: Actor,
  c: { regionCode: string; routing: Record<string, string | null> },
): boolean {
  if (caseRegionRoots(actor, CASE_READERS).some((r) => isWithin(c.regionCode, r))) return true;
  const routed = new Set(Object.values(c.routing).filter((v): v is string => v !== null));
  return caseOrgIds(actor, CASE_READERS).some((o) => routed.has(o));
}

/** A region-prefix condition on `cases.region_code` for `roots`; false when none. */
export function regionRootsWhere(roots: readonly string[]): SQL {
  if (roots.length === 0) return sql`false`;
  const parts = roots.map((r) => {
    const prefix = regionPrefix(r);
    return prefix === '' ? sql`true` : sql`${cases.regionCode} LIKE ${`${prefix}%`}`;
  });
  return sql`(${sql.join(parts, sql` OR `)})`;
}

/** The SQL form of {@link caseVisible}. */
export function caseVisibleWhere(actor: Actor): SQL {
  const orgs = caseOrgIds(actor, CASE_READERS);
  const byRegion = regionRootsWhere(caseRegionRoots(actor, CASE_READERS));
  if (orgs.length === 0) return byRegion;
  const list = sql.join(
    orgs.map((o) => sql`${o}`),
    sql`, `,
  );
  return sql`(${byRegion} OR EXISTS (SELECT 1 FROM jsonb_each_text(${cases.routing}) AS r(k, v) WHERE r.v IN (${list})))`;
}
