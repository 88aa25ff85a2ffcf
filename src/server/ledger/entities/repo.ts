import { and, eq, inArray, isNull, ne, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { organisations } from '../../access/orgs/table.js';
import { regions } from '../../platform/regions/table.js';
import { entities } from './table.js';

/** A stored entity, every column: for the write path. */
export type EntityRow = typeof entities.$inferSelect;

/** What reads and presenters get: no search tokens, plus the park's name. */
const entityPageColumns = {
  id: entities.id,
  name: entities.name,
  creditCode: entities.creditCode,
  creditCodeChecksumValid: entities.creditCodeChecksumValid,
  pilotCode: entities.pilotCode,
  pilotCodeReason: entities.pilotCodeReason,
  type: entities.type,
  isWorkshop: entities.isWorkshop,
  industryCode: entities.industryCode,
  regionCode: entities.regionCode,
  parkOrgId: entities.parkOrgId,
  parkUnit: entities.parkUnit,
  foundedOn: entities.foundedOn,
  registeredCapitalWan: entities.registeredCapitalWan,
  employees: entities.employees,
  jobsCreated: entities.jobsCreated,
  jobsPoverty: entities.jobsPoverty,
  annualRevenueWan: entities.annualRevenueWan,
  aboveScale: entities.aboveScale,
  isEcommerce: entities.isEcommerce,
  products: entities.products,
  mergedInto: entities.mergedInto,
  createdAt: entities.createdAt,
  updatedAt: entities.updatedAt,
  version: entities.version,
  parkName: organisations.name,
};

/** {@link entityPageColumns} and the written path of the entity's region. */
const entityColumns = { ...entityPageColumns, regionName: regions.pathName };

/** `SELECT <entity columns> FROM entities JOIN regions LEFT JOIN organisations`, to filter. */
export function selectEntities(db: Executor) {
  return db
    .select(entityColumns)
    .from(entities)
    .innerJoin(regions, eq(regions.code, entities.regionCode))
    .leftJoin(organisations, eq(organisations.id, entities.parkOrgId));
}

/**
 * A list's `SELECT` of entities without the region's name (the list adds it from the division
 * tree for its page alone), with the list's sort key as text (`sortKey`) for keyset cursors.
 */
export function selectEntitiesKeyed(db: Executor, key: SQL) {
  return db
    .select({ ...entityPageColumns, sortKey: sql<string | null>`(${key})::text` })
    .from(entities)
    .leftJoin(organisations, eq(organisations.id, entities.parkOrgId));
}

/** An entity with region and park names, as reads and presenters see it. */
export type EntityListRow = Awaited<ReturnType<typeof selectEntities>>[number];

/** One entity with names, merged or not, by id. */
export async function findEntity(db: Executor, id: string): Promise<EntityListRow | undefined> {
  const [row] = await selectEntities(db).where(eq(entities.id, id));
  return row;
}

/** The full stored row, locked for update when asked (inside the changing transaction). */
export async function findEntityRow(
  db: Executor,
  id: string,
  lock = false,
): Promise<EntityRow | undefined> {
  const q = db.select().from(entities).where(eq(entities.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

/** The live entity holding a credit code; `exceptId` leaves out the one being edited. */
export async function findEntityByCreditCode(
  db: Executor,
  creditCode: string,
  exceptId?: string,
): Promise<{ id: string; regionCode: string; parkOrgId: string | null } | undefined> {
  const c: SQL[] = [eq(entities.creditCode, creditCode), isNull(entities.mergedInto)];
  if (exceptId) c.push(ne(entities.id, exceptId));
  const [row] = await db
    .select({ id: entities.id, regionCode: entities.regionCode, parkOrgId: entities.parkOrgId })
    .from(entities)
    .where(and(...c));
  return row;
}

/** Inserts an entity row (built by `entityRow`), returning its id. */
export async function insertEntity(
  db: Executor,
  row: typeof entities.$inferInsert,
): Promise<string> {
  const [created] = await db.insert(entities).values(row).returning({ id: entities.id });
  if (!created) throw new Error('entity insert returned nothing');
  return created.id;
}

/** Updates an entity only if it still has `version`, bumping it; false otherwise. */
export async function updateEntityAtVersion(
  db: Executor,
  id: string,
  version: number,
  set: Partial<typeof entities.$inferInsert>,
): Promise<boolean> {
  const done = await db
    .update(entities)
    .set({ ...set, version: version + 1 })
    .where(and(eq(entities.id, id), eq(entities.version, version)))
    .returning({ id: entities.id });
  return done.length > 0;
}

/** Ids of every entity merged into `id`, directly or through a chain of merges. */
export async function entityMergedIntoIds(db: Executor, id: string): Promise<string[]> {
  const found: string[] = [];
  let frontier = [id];
  while (frontier.length > 0) {
    const rows = await db
      .select({ id: entities.id })
      .from(entities)
      .where(inArray(entities.mergedInto, frontier));
    frontier = rows.map((r) => r.id).filter((x) => x !== id && !found.includes(x));
    found.push(...frontier);
  }
  return found;
}

/** An organisation's type, to check that a park is a park. */
export async function findOrgType(db: Executor, orgId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ type: organisations.type })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  return row?.type;
}
