import { and, asc, eq, gte, isNull, lte, type SQL, sql } from 'drizzle-orm';
import { divisionsOf, industryByCode } from '../../../domain/ledger/industries.js';
import type { Executor } from '../../platform/db/client.js';
import { pageOffset, type PageRequest } from '../../platform/http/paging.js';
import { orderBy, regionSubtree, textArray } from '../people/list-repo.js';
import { type EntityListRow, selectEntities } from './repo.js';
import { entities } from './table.js';

/** What an entity list is narrowed to; every condition must hold. */
export interface EntityFilter {
  /** The actor's entity scope, from entityScopeWhere. */
  scope: SQL;
  regionPrefix?: string | undefined;
  types?: string[] | undefined;
  isWorkshop?: boolean | undefined;
  /** A section letter (with all its divisions) or a division code. */
  industry?: string | undefined;
  aboveScale?: boolean | undefined;
  isEcommerce?: boolean | undefined;
  parkOrgId?: string | undefined;
  foundedFrom?: string | undefined;
  foundedTo?: string | undefined;
  /** Every token must be in the entity's search tokens; empty or absent: no text filter. */
  tokens?: string[] | undefined;
  creditCode?: string | undefined;
}

/** Columns an entity list sorts by (ties always by id). */
export type EntitySort = 'name' | 'foundedOn' | 'jobsCreated' | 'annualRevenueWan' | 'updatedAt';

export const ENTITY_SORT_COLUMNS: Record<EntitySort, SQL | typeof entities.updatedAt> = {
  name: sql`${entities.name} COLLATE "C"`,
  foundedOn: sql`${entities.foundedOn}`,
  jobsCreated: sql`${entities.jobsCreated}`,
  annualRevenueWan: sql`${entities.annualRevenueWan}`,
  updatedAt: entities.updatedAt,
};

/** Codes an industry filter matches: a division itself, or a section and all its divisions. */
export function industryCodes(code: string): string[] {
  const found = industryByCode(code);
  if (!found) return [code];
  if (found.level === 'division') return [found.code];
  return [found.code, ...divisionsOf(found.code).map((d) => d.code)];
}

function entityWhere(f: EntityFilter): SQL | undefined {
  const c: SQL[] = [f.scope, isNull(entities.mergedInto)];
  if (f.regionPrefix !== undefined) c.push(regionSubtree(entities.regionCode, f.regionPrefix));
  if (f.types?.length) c.push(sql`${entities.type} = ANY(${textArray(f.types)})`);
  if (f.isWorkshop !== undefined) c.push(eq(entities.isWorkshop, f.isWorkshop));
  if (f.industry)
    c.push(sql`${entities.industryCode} = ANY(${textArray(industryCodes(f.industry))})`);
  if (f.aboveScale !== undefined) c.push(eq(entities.aboveScale, f.aboveScale));
  if (f.isEcommerce !== undefined) c.push(eq(entities.isEcommerce, f.isEcommerce));
  if (f.parkOrgId) c.push(eq(entities.parkOrgId, f.parkOrgId));
  if (f.foundedFrom) c.push(gte(entities.foundedOn, f.foundedFrom));
  if (f.foundedTo) c.push(lte(entities.foundedOn, f.foundedTo));
  if (f.tokens?.length) c.push(sql`${entities.searchTokens} @> ${textArray(f.tokens)}`);
  if (f.creditCode !== undefined) c.push(eq(entities.creditCode, f.creditCode));
  return and(...c);
}

/**
 * One page of live entities within scope, filtered and sorted (ties by id, so paging is stable),
 * with the total.
 */
export async function listEntities(
  db: Executor,
  f: EntityFilter,
  p: PageRequest,
  sort: { by: EntitySort; order: 'asc' | 'desc' },
): Promise<{ rows: EntityListRow[]; total: number }> {
  const where = entityWhere(f);
  const rows = await selectEntities(db)
    .where(where)
    .orderBy(orderBy(ENTITY_SORT_COLUMNS[sort.by], sort.order), asc(entities.id))
    .limit(p.pageSize)
    .offset(pageOffset(p));
  const total = await db.$count(entities, where);
  return { rows, total };
}
