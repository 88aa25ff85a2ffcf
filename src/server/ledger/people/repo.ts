import { and, asc, eq, inArray, isNull, ne, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../platform/db/client.js';
import { regions } from '../../platform/regions/table.js';
import { people, personConsents } from './table.js';

/** A stored person, every column (secrets included): for the write path only. */
export type PersonRow = typeof people.$inferSelect;

const ledgerRegion = alias(regions, 'ledger_region');
const hukouRegion = alias(regions, 'hukou_region');
const currentRegion = alias(regions, 'current_region');

/** What reads and presenters get: no ciphertext, no blind index, no search tokens. */
const personPageColumns = {
  id: people.id,
  name: people.name,
  sex: people.sex,
  birthDate: people.birthDate,
  idNumberMask: people.idNumberMask,
  phoneMask: people.phoneMask,
  regionCode: people.regionCode,
  hukouRegionCode: people.hukouRegionCode,
  currentRegionCode: people.currentRegionCode,
  categories: people.categories,
  awayProvinceCode: people.awayProvinceCode,
  awayCityCode: people.awayCityCode,
  monthsAway: people.monthsAway,
  returnDate: people.returnDate,
  education: people.education,
  skills: people.skills,
  status: people.status,
  statusDates: people.statusDates,
  mergedInto: people.mergedInto,
  createdAt: people.createdAt,
  updatedAt: people.updatedAt,
  version: people.version,
};

const personColumns = {
  ...personPageColumns,
  ledgerRegionName: ledgerRegion.pathName,
  hukouRegionName: hukouRegion.pathName,
  currentRegionName: currentRegion.pathName,
};

/** `SELECT <person columns> FROM people JOIN regions …`, for the caller to filter. */
export function selectPeople(db: Executor) {
  return db
    .select(personColumns)
    .from(people)
    .innerJoin(ledgerRegion, eq(ledgerRegion.code, people.regionCode))
    .leftJoin(hukouRegion, eq(hukouRegion.code, people.hukouRegionCode))
    .leftJoin(currentRegion, eq(currentRegion.code, people.currentRegionCode));
}

/**
 * A list's `SELECT` of people without region names (the list adds them from the division tree
 * for its page alone: a join would look them up for every row it sorts), with the list's sort
 * key as text (`sortKey`), which a keyset cursor carries back exactly (a timestamp to the
 * microsecond).
 */
export function selectPeopleKeyed(db: Executor, key: SQL) {
  return db
    .select({ ...personPageColumns, sortKey: sql<string | null>`(${key})::text` })
    .from(people);
}

/** A person with the written paths of its regions, as reads and presenters see it. */
export type PersonListRow = Awaited<ReturnType<typeof selectPeople>>[number];

/** One person with region names, merged or not, by id. */
export async function findPerson(db: Executor, id: string): Promise<PersonListRow | undefined> {
  const [row] = await selectPeople(db).where(eq(people.id, id));
  return row;
}

/** The full stored row, locked for update when inside a transaction that will change it. */
export async function findPersonRow(
  db: Executor,
  id: string,
  lock = false,
): Promise<PersonRow | undefined> {
  const q = db.select().from(people).where(eq(people.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

/**
 * The live (not merged) person holding an ID number, found by its blind index; `exceptId`
 * leaves one record out (the one being edited).
 *
 * @example
 * await findPersonByIdNumberIndex(tx, idNumberIndex(keys, '500236199001011235'))
 */
export async function findPersonByIdNumberIndex(
  db: Executor,
  bidx: string,
  exceptId?: string,
): Promise<{ id: string; regionCode: string; version: number } | undefined> {
  const c: SQL[] = [eq(people.idNumberBidx, bidx), isNull(people.mergedInto)];
  if (exceptId) c.push(ne(people.id, exceptId));
  const [row] = await db
    .select({ id: people.id, regionCode: people.regionCode, version: people.version })
    .from(people)
    .where(and(...c));
  return row;
}

/** Inserts a person row (built by `personRow`), returning its id. */
export async function insertPerson(db: Executor, row: typeof people.$inferInsert): Promise<string> {
  const [created] = await db.insert(people).values(row).returning({ id: people.id });
  if (!created) throw new Error('person insert returned nothing');
  return created.id;
}

/**
 * Updates a person only if it still has `version`, bumping it; false when someone else changed
 * it first.
 */
export async function updatePersonAtVersion(
  db: Executor,
  id: string,
  version: number,
  set: Partial<typeof people.$inferInsert>,
): Promise<boolean> {
  const done = await db
    .update(people)
    .set({ ...set, version: version + 1 })
    .where(and(eq(people.id, id), eq(people.version, version)))
    .returning({ id: people.id });
  return done.length > 0;
}

/** The live people among `ids`, with their ledger region (for link checks). */
export function findLivePeople(
  db: Executor,
  ids: string[],
): Promise<{ id: string; regionCode: string }[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({ id: people.id, regionCode: people.regionCode })
    .from(people)
    .where(and(inArray(people.id, ids), isNull(people.mergedInto)));
}

/** Ids of every record merged into `id`, directly or through a chain of merges. */
export async function mergedIntoIds(db: Executor, id: string): Promise<string[]> {
  const found: string[] = [];
  let frontier = [id];
  while (frontier.length > 0) {
    const rows = await db
      .select({ id: people.id })
      .from(people)
      .where(inArray(people.mergedInto, frontier));
    frontier = rows.map((r) => r.id).filter((x) => x !== id && !found.includes(x));
    found.push(...frontier);
  }
  return found;
}

export type ConsentRow = typeof personConsents.$inferSelect;

/** A person's consents, oldest first. */
export function listConsents(db: Executor, personId: string): Promise<ConsentRow[]> {
  return db
    .select()
    .from(personConsents)
    .where(eq(personConsents.personId, personId))
    .orderBy(asc(personConsents.grantedAt), asc(personConsents.id));
}

/** One consent of one person. */
export async function findConsent(
  db: Executor,
  personId: string,
  consentId: string,
): Promise<ConsentRow | undefined> {
  const [row] = await db
    .select()
    .from(personConsents)
    .where(and(eq(personConsents.id, consentId), eq(personConsents.personId, personId)));
  return row;
}

/** Records a consent, returning its id. */
export async function insertConsent(
  db: Executor,
  row: typeof personConsents.$inferInsert,
): Promise<string> {
  const [created] = await db
    .insert(personConsents)
    .values(row)
    .returning({ id: personConsents.id });
  if (!created) throw new Error('consent insert returned nothing');
  return created.id;
}

/** Marks a consent withdrawn unless it already is; false when it was. */
export async function withdrawConsent(db: Executor, consentId: string, at: Date): Promise<boolean> {
  const done = await db
    .update(personConsents)
    .set({ withdrawnAt: at })
    .where(and(eq(personConsents.id, consentId), isNull(personConsents.withdrawnAt)))
    .returning({ id: personConsents.id });
  return done.length > 0;
}

/** Moves every consent of one person to another (merge), returning how many moved. */
export async function moveConsents(db: Executor, fromId: string, toId: string): Promise<number> {
  const moved = await db
    .update(personConsents)
    .set({ personId: toId })
    .where(eq(personConsents.personId, fromId))
    .returning({ id: personConsents.id });
  return moved.length;
}
