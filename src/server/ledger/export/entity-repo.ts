import { and, asc, eq, gte, inArray, isNull, lte, type SQL, sql } from 'drizzle-orm';
import { entities, entityLinks } from '../entities/table.js';
import type { Executor } from '../../platform/db/client.js';
import {
  ENTITY_SORT_COLUMNS,
  type EntityFilter,
  type EntitySort,
  industryCodes,
} from '../entities/list-repo.js';
import { regionSubtree, textArray } from '../people/list-repo.js';
import { people } from '../people/table.js';
import { regions } from '../../platform/regions/table.js';
import { afterCursor, type Cursor, type ExportSort, exportOrder, sortKeyText } from './keyset.js';

/**
 * The WHERE of an entity export: the same filter as the entity list (entities/list-repo.ts
 * `entityWhere`), plus any extra scope conditions.
 */
export function entityExportWhere(f: EntityFilter, extra: SQL[] = []): SQL {
  const c: SQL[] = [f.scope, isNull(entities.mergedInto), ...extra];
  if (f.regionPrefix !== undefined) c.push(regionSubtree(entities.regionCode, f.regionPrefix));
  if (f.types?.length) c.push(sql`${entities.type} = ANY(${textArray(f.types)})`);
  if (f.isWorkshop !== undefined) c.push(eq(entities.isWorkshop, f.isWorkshop));
  if (f.industry) {
    c.push(sql`${entities.industryCode} = ANY(${textArray(industryCodes(f.industry))})`);
  }
  if (f.aboveScale !== undefined) c.push(eq(entities.aboveScale, f.aboveScale));
  if (f.isEcommerce !== undefined) c.push(eq(entities.isEcommerce, f.isEcommerce));
  if (f.parkOrgId) c.push(eq(entities.parkOrgId, f.parkOrgId));
  if (f.foundedFrom) c.push(gte(entities.foundedOn, f.foundedFrom));
  if (f.foundedTo) c.push(lte(entities.foundedOn, f.foundedTo));
  if (f.tokens?.length) c.push(sql`${entities.searchTokens} @> ${textArray(f.tokens)}`);
  if (f.creditCode !== undefined) c.push(eq(entities.creditCode, f.creditCode));
  return and(...c) as SQL;
}

/** How many entities an export will write. */
export function countEntities(db: Executor, where: SQL): Promise<number> {
  return db.$count(entities, where);
}

const ENTITY_SORT_TYPES: Record<EntitySort, ExportSort['type']> = {
  name: 'text',
  foundedOn: 'date',
  jobsCreated: 'integer',
  annualRevenueWan: 'numeric',
  updatedAt: 'timestamptz',
};

/** The entity list's sort (GET /api/entities `sort`, `order`) as an export sort. */
export function entitySort(by: EntitySort, order: 'asc' | 'desc'): ExportSort {
  return { expr: ENTITY_SORT_COLUMNS[by], type: ENTITY_SORT_TYPES[by], order };
}

/** One keyset page of an entity export in the list's order, with the region's written path. */
export function entitiesPage(
  db: Executor,
  where: SQL,
  sort: ExportSort,
  after: Cursor | null,
  limit: number,
) {
  return db
    .select({
      sortKey: sortKeyText(sort),
      id: entities.id,
      name: entities.name,
      creditCode: entities.creditCode,
      type: entities.type,
      isWorkshop: entities.isWorkshop,
      industryCode: entities.industryCode,
      regionCode: entities.regionCode,
      regionName: regions.pathName,
      foundedOn: entities.foundedOn,
      registeredCapitalWan: entities.registeredCapitalWan,
      employees: entities.employees,
      jobsCreated: entities.jobsCreated,
      jobsPoverty: entities.jobsPoverty,
      annualRevenueWan: entities.annualRevenueWan,
      aboveScale: entities.aboveScale,
      isEcommerce: entities.isEcommerce,
      products: entities.products,
      updatedAt: entities.updatedAt,
    })
    .from(entities)
    .innerJoin(regions, eq(regions.code, entities.regionCode))
    .where(after ? and(where, afterCursor(sort, entities.id, after)) : where)
    .orderBy(...exportOrder(sort, entities.id))
    .limit(limit);
}

export type ExportEntityRow = Awaited<ReturnType<typeof entitiesPage>>[number];

/** The founders of a page of entities that the reader may see (`personScope`), by entity. */
export async function foundersOf(db: Executor, entityIds: string[], personScope: SQL) {
  if (entityIds.length === 0)
    return new Map<string, { name: string; idNumberMask: string; idNumberEnc: string }[]>();
  const rows = await db
    .select({
      entityId: entityLinks.entityId,
      name: people.name,
      idNumberMask: people.idNumberMask,
      idNumberEnc: people.idNumberEnc,
    })
    .from(entityLinks)
    .innerJoin(people, eq(people.id, entityLinks.personId))
    .where(
      and(
        inArray(entityLinks.entityId, entityIds),
        eq(entityLinks.role, 'founder'),
        isNull(people.mergedInto),
        personScope,
      ),
    )
    .orderBy(asc(entityLinks.createdAt), asc(entityLinks.id));
  const out = new Map<string, { name: string; idNumberMask: string; idNumberEnc: string }[]>();
  for (const r of rows) out.set(r.entityId, [...(out.get(r.entityId) ?? []), r]);
  return out;
}
