import { and, eq, gte, isNull, lte, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../platform/db/client.js';
import {
  PERSON_SORT_COLUMNS,
  type PersonFilter,
  type PersonSort,
  regionSubtree,
  textArray,
} from '../people/list-repo.js';
import { people } from '../people/table.js';
import { regions } from '../../platform/regions/table.js';
import { afterCursor, type Cursor, type ExportSort, exportOrder, sortKeyText } from './keyset.js';

const ledgerRegion = alias(regions, 'ledger_region');
const hukouRegion = alias(regions, 'hukou_region');
const currentRegion = alias(regions, 'current_region');

/**
 * The WHERE of a people export: the same filter as the people list (people/list-repo.ts
 * `personWhere`: scope, live records, region subtree, categories, statuses, education, return
 * dates, search tokens, exact ID / phone lookups), plus any extra scope conditions. Kept in step
 * by export.test.ts, which compares an export with the list for the same query.
 */
export function peopleExportWhere(f: PersonFilter, extra: SQL[] = []): SQL {
  const c: SQL[] = [f.scope(people.regionCode), isNull(people.mergedInto), ...extra];
  if (f.regionPrefix !== undefined) c.push(regionSubtree(people.regionCode, f.regionPrefix));
  if (f.categories?.length) c.push(sql`${people.categories} && ${textArray(f.categories)}`);
  if (f.statuses?.length) c.push(sql`${people.status} = ANY(${textArray(f.statuses)})`);
  if (f.educations?.length) c.push(sql`${people.education} = ANY(${textArray(f.educations)})`);
  if (f.returnedFrom) c.push(gte(people.returnDate, f.returnedFrom));
  if (f.returnedTo) c.push(lte(people.returnDate, f.returnedTo));
  if (f.tokens?.length) c.push(sql`${people.searchTokens} @> ${textArray(f.tokens)}`);
  if (f.idNumberBidx !== undefined) c.push(eq(people.idNumberBidx, f.idNumberBidx));
  if (f.phoneBidx !== undefined) c.push(eq(people.phoneBidx, f.phoneBidx));
  return and(...c) as SQL;
}

const columns = {
  id: people.id,
  name: people.name,
  sex: people.sex,
  birthDate: people.birthDate,
  idNumberMask: people.idNumberMask,
  idNumberEnc: people.idNumberEnc,
  phoneMask: people.phoneMask,
  phoneEnc: people.phoneEnc,
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
  updatedAt: people.updatedAt,
  ledgerRegionName: ledgerRegion.pathName,
  hukouRegionName: hukouRegion.pathName,
  currentRegionName: currentRegion.pathName,
};

/** A person as an export reads it (ciphertext only used for an authorised, audited unmask). */
export type ExportPersonRow = Awaited<ReturnType<typeof peoplePage>>[number];

/** How many people an export will write. */
export function countPeople(db: Executor, where: SQL): Promise<number> {
  return db.$count(people, where);
}

const PERSON_SORT_TYPES: Record<PersonSort, ExportSort['type']> = {
  name: 'text',
  updatedAt: 'timestamptz',
  birthDate: 'date',
  returnDate: 'date',
};

/** The people list's sort (GET /api/people `sort`, `order`) as an export sort. */
export function peopleSort(by: PersonSort, order: 'asc' | 'desc'): ExportSort {
  return { expr: PERSON_SORT_COLUMNS[by], type: PERSON_SORT_TYPES[by], order };
}

/**
 * One keyset page of an export: the next `limit` people after `after` in the list's order, so a
 * large export reads a page at a time and never holds the whole table.
 */
export function peoplePage(
  db: Executor,
  where: SQL,
  sort: ExportSort,
  after: Cursor | null,
  limit: number,
) {
  return db
    .select({ ...columns, sortKey: sortKeyText(sort) })
    .from(people)
    .innerJoin(ledgerRegion, eq(ledgerRegion.code, people.regionCode))
    .leftJoin(hukouRegion, eq(hukouRegion.code, people.hukouRegionCode))
    .leftJoin(currentRegion, eq(currentRegion.code, people.currentRegionCode))
    .where(after ? and(where, afterCursor(sort, people.id, after)) : where)
    .orderBy(...exportOrder(sort, people.id))
    .limit(limit);
}
