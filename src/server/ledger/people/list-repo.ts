import { and, asc, eq, gte, isNull, lte, type AnyColumn, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { pageOffset, type PageRequest } from '../../platform/http/paging.js';
import { selectPeople, type PersonListRow } from './repo.js';
import { people } from './table.js';

/**
 * `ARRAY[$1, $2, …]::text[]`: one bound parameter per element, the same on PostgreSQL and
 * PGlite.
 */
export function textArray(values: readonly string[]): SQL {
  return sql`ARRAY[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;
}

/** `column LIKE 'prefix%'` for a region subtree (served by the bpchar_pattern_ops index). */
export function regionSubtree(column: AnyColumn, prefix: string): SQL {
  return sql`${column} LIKE ${`${prefix}%`}`;
}

/** `ORDER BY expr ASC|DESC NULLS LAST`. */
export function orderBy(expr: SQL | AnyColumn, order: 'asc' | 'desc'): SQL {
  return sql`${expr} ${sql.raw(order === 'desc' ? 'DESC' : 'ASC')} NULLS LAST`;
}

/** What a people list is narrowed to; every condition must hold. */
export interface PersonFilter {
  /** The actor's data scope over the ledger region column, from regionScopeWhere. */
  scope: (regionColumn: AnyColumn) => SQL;
  regionPrefix?: string | undefined;
  categories?: string[] | undefined;
  statuses?: string[] | undefined;
  educations?: string[] | undefined;
  returnedFrom?: string | undefined;
  returnedTo?: string | undefined;
  /** Every token must be in the record's search tokens; empty or absent: no text filter. */
  tokens?: string[] | undefined;
  /** Exact lookups by blind index (never the number itself). */
  idNumberBidx?: string | undefined;
  phoneBidx?: string | undefined;
}

/** Columns a people list sorts by (ties always by id). */
export type PersonSort = 'name' | 'updatedAt' | 'birthDate' | 'returnDate';

/** Names sort by code point (`COLLATE "C"`) so both databases give the same order. */
export const PERSON_SORT_COLUMNS: Record<PersonSort, SQL | AnyColumn> = {
  name: sql`${people.name} COLLATE "C"`,
  updatedAt: people.updatedAt,
  birthDate: people.birthDate,
  returnDate: people.returnDate,
};

function personWhere(f: PersonFilter): SQL | undefined {
  const c: SQL[] = [f.scope(people.regionCode), isNull(people.mergedInto)];
  if (f.regionPrefix !== undefined) c.push(regionSubtree(people.regionCode, f.regionPrefix));
  if (f.categories?.length) c.push(sql`${people.categories} && ${textArray(f.categories)}`);
  if (f.statuses?.length) c.push(sql`${people.status} = ANY(${textArray(f.statuses)})`);
  if (f.educations?.length) c.push(sql`${people.education} = ANY(${textArray(f.educations)})`);
  if (f.returnedFrom) c.push(gte(people.returnDate, f.returnedFrom));
  if (f.returnedTo) c.push(lte(people.returnDate, f.returnedTo));
  if (f.tokens?.length) c.push(sql`${people.searchTokens} @> ${textArray(f.tokens)}`);
  if (f.idNumberBidx !== undefined) c.push(eq(people.idNumberBidx, f.idNumberBidx));
  if (f.phoneBidx !== undefined) c.push(eq(people.phoneBidx, f.phoneBidx));
  return and(...c);
}

/**
 * One page of live (never merged-away) people within scope, filtered and sorted, ties broken by
 * id so that paging is stable; with the total.
 */
export async function listPeople(
  db: Executor,
  f: PersonFilter,
  p: PageRequest,
  sort: { by: PersonSort; order: 'asc' | 'desc' },
): Promise<{ rows: PersonListRow[]; total: number }> {
  const where = personWhere(f);
  const rows = await selectPeople(db)
    .where(where)
    .orderBy(orderBy(PERSON_SORT_COLUMNS[sort.by], sort.order), asc(people.id))
    .limit(p.pageSize)
    .offset(pageOffset(p));
  const total = await db.$count(people, where);
  return { rows, total };
}
