import { and, eq, gte, isNull, lte, type SQL, sql } from 'drizzle-orm';
import { divisionsOf, industryByCode } from '../../../domain/ledger/industries.js';
import type { Executor } from '../../platform/db/client.js';
import type { ListTotalT, PageWindow } from '../../platform/http/list-paging.js';
import { regionPathNames } from '../../platform/regions/path-names.js';
import {
  boundedCount,
  keysetAfter,
  keysetOrder,
  type KeysetSort,
  type ListReader,
  regionSubtree,
  textArray,
} from '../people/list-repo.js';
import { type EntityListRow, selectEntitiesKeyed } from './repo.js';
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

/** Sort columns that may hold NULL (sorted last), and each sort key's SQL type. */
const ENTITY_SORT_TYPES: Record<EntitySort, { type: string; nullable: boolean }> = {
  name: { type: 'text', nullable: false },
  foundedOn: { type: 'date', nullable: true },
  jobsCreated: { type: 'integer', nullable: false },
  annualRevenueWan: { type: 'numeric', nullable: true },
  updatedAt: { type: 'timestamptz', nullable: false },
};

/** The keyset sort of an entity list. */
export function entityKeysetSort(by: EntitySort, order: 'asc' | 'desc'): KeysetSort {
  return { expr: ENTITY_SORT_COLUMNS[by], order, ...ENTITY_SORT_TYPES[by] };
}

/**
 * One window of live entities within scope, filtered and sorted (ties by id), one row more than
 * the page when there is a next page; each row with its sort key as text and the written path of
 * its region.
 */
export async function listEntities(
  reader: ListReader,
  f: EntityFilter,
  w: PageWindow,
  sort: KeysetSort,
): Promise<(EntityListRow & { sortKey: string | null })[]> {
  const where = entityWhere(f);
  const q = selectEntitiesKeyed(reader.db, sql`${sort.expr}`)
    .where(w.kind === 'after' ? and(where, keysetAfter(sort, entities.id, w.after)) : where)
    .orderBy(...keysetOrder(sort, entities.id))
    .limit(w.limit);
  const rows = await (w.kind === 'offset' ? q.offset(w.offset) : q);
  const names = await regionPathNames(
    reader,
    rows.map((r) => r.regionCode),
  );
  return rows.map((r) => ({ ...r, regionName: names.get(r.regionCode) ?? r.regionCode }));
}

/**
 * The total of an entity list whose rows lie in `regions`, counted up to `bound`
 * ({@link boundedCount}).
 */
export function countEntities(
  db: Executor,
  f: EntityFilter,
  bound: number,
  regions: readonly string[],
): Promise<ListTotalT> {
  return boundedCount(db, sql`${entities}`, entityWhere(f), bound, {
    column: entities.regionCode,
    regions,
  });
}
