import { and, asc, eq, ilike, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { pageOffset, type PageRequest } from '../../platform/http/paging.js';
import { regions } from '../../platform/regions/table.js';
import { roleAssignments } from '../users/table.js';
import { organisations } from './table.js';

export type OrgRow = typeof organisations.$inferSelect;
/** An organisation with its region's written path. */
export type OrgWithRegion = OrgRow & { regionName: string };

const withRegion = {
  id: organisations.id,
  name: organisations.name,
  type: organisations.type,
  regionCode: organisations.regionCode,
  creditCode: organisations.creditCode,
  createdAt: organisations.createdAt,
  updatedAt: organisations.updatedAt,
  version: organisations.version,
  regionName: regions.pathName,
};

/** Escapes LIKE wildcards so a search term matches literally. */
export function likeContains(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A region's written path, or undefined when the code does not exist. */
export async function findRegionPath(db: Executor, code: string): Promise<string | undefined> {
  const [row] = await db
    .select({ pathName: regions.pathName })
    .from(regions)
    .where(eq(regions.code, code));
  return row?.pathName;
}

/** An organisation with its region's path, by id. */
export async function findOrg(db: Executor, id: string): Promise<OrgWithRegion | undefined> {
  const [row] = await db
    .select(withRegion)
    .from(organisations)
    .innerJoin(regions, eq(regions.code, organisations.regionCode))
    .where(eq(organisations.id, id));
  return row;
}

export interface OrgFilter {
  /** The actor's data scope over the region column, from regionScopeWhere. */
  scope: (regionColumn: AnyColumn) => SQL;
  type?: string | undefined;
  regionPrefix?: string | undefined;
  q?: string | undefined;
}

/** One page of organisations by region then name, with the total. */
export async function listOrgs(
  db: Executor,
  f: OrgFilter,
  p: PageRequest,
): Promise<{ rows: OrgWithRegion[]; total: number }> {
  const c: SQL[] = [f.scope(organisations.regionCode)];
  if (f.type) c.push(eq(organisations.type, f.type));
  if (f.regionPrefix) c.push(sql`${organisations.regionCode} LIKE ${`${f.regionPrefix}%`}`);
  if (f.q) c.push(ilike(organisations.name, likeContains(f.q)));
  const where = and(...c);
  const rows = await db
    .select(withRegion)
    .from(organisations)
    .innerJoin(regions, eq(regions.code, organisations.regionCode))
    .where(where)
    .orderBy(asc(organisations.regionCode), asc(organisations.name), asc(organisations.id))
    .limit(p.pageSize)
    .offset(pageOffset(p));
  const total = await db.$count(organisations, where);
  return { rows, total };
}

/** True when another organisation of the region already has this name. */
export async function orgNameTaken(
  db: Executor,
  regionCode: string,
  name: string,
  exceptId?: string,
): Promise<boolean> {
  const c = [eq(organisations.regionCode, regionCode), eq(organisations.name, name)];
  if (exceptId) c.push(sql`${organisations.id} <> ${exceptId}`);
  return (await db.$count(organisations, and(...c))) > 0;
}

/** Inserts an organisation, returning its id. */
export async function insertOrg(
  db: Executor,
  row: typeof organisations.$inferInsert,
): Promise<string> {
  const [created] = await db.insert(organisations).values(row).returning({ id: organisations.id });
  if (!created) throw new Error('organisation insert returned nothing');
  return created.id;
}

/**
 * Updates an organisation only if it still has `version`, bumping it; false when someone else
 * changed it first.
 */
export async function updateOrgAtVersion(
  db: Executor,
  id: string,
  version: number,
  set: Partial<typeof organisations.$inferInsert>,
): Promise<boolean> {
  const done = await db
    .update(organisations)
    .set({ ...set, version: version + 1 })
    .where(and(eq(organisations.id, id), eq(organisations.version, version)))
    .returning({ id: organisations.id });
  return done.length > 0;
}

/** How many park-scoped grants point at an organisation. */
export function countParkGrants(db: Executor, orgId: string): Promise<number> {
  return db.$count(
    roleAssignments,
    and(eq(roleAssignments.scopeOrgId, orgId), eq(roleAssignments.scopeType, 'park')),
  );
}
