import { and, asc, count, eq, exists, inArray, like, lte, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client.js';
import type { Actor } from '../http/context.js';
import { pageOffset, type PageRequest } from '../http/paging.js';
import { regionScopeWhere } from '../../access/scope/scope.js';
import { regions } from './table.js';

/** A region as the API reads it: the row's public columns and whether it has children. */
export interface RegionRow {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
  pathName: string;
  hasChildren: boolean;
}

/** One link of a region's path. */
export interface RegionNameRow {
  code: string;
  name: string;
  level: number;
}

const child = alias(regions, 'child');

/** `EXISTS (child with parent_code = regions.code)`, served by the parent index. */
function hasChildrenSql(db: Executor): SQL<boolean> {
  const sub = db
    .select({ one: sql`1` })
    .from(child)
    .where(eq(child.parentCode, regions.code));
  return exists(sub).mapWith((v: unknown) => v === true || v === 't');
}

function regionColumns(db: Executor) {
  return {
    code: regions.code,
    name: regions.name,
    level: regions.level,
    parentCode: regions.parentCode,
    pathName: regions.pathName,
    hasChildren: hasChildrenSql(db),
  };
}

/** One region by code (primary key), or undefined. */
export async function findRegion(db: Executor, code: string): Promise<RegionRow | undefined> {
  const [row] = await db.select(regionColumns(db)).from(regions).where(eq(regions.code, code));
  return row;
}

/**
 * Every region down to `maxLevel` in code order, and the parents of the regions one level
 * deeper (the in-memory tree's load: `hasChildren` is worked out from these, not per row).
 */
export async function listRegionsToLevel(
  db: Executor,
  maxLevel: number,
): Promise<{ rows: Omit<RegionRow, 'hasChildren'>[]; parentsBelow: string[] }> {
  const rows = await db
    .select({
      code: regions.code,
      name: regions.name,
      level: regions.level,
      parentCode: regions.parentCode,
      pathName: regions.pathName,
    })
    .from(regions)
    .where(lte(regions.level, maxLevel))
    .orderBy(asc(regions.code));
  const below = await db
    .selectDistinct({ code: regions.parentCode })
    .from(regions)
    .where(eq(regions.level, maxLevel + 1));
  return { rows, parentsBelow: below.flatMap((r) => (r.code ? [r.code] : [])) };
}

/** Code, name and level of the given regions (one `IN` lookup on the primary key). */
export async function findRegionNames(db: Executor, codes: string[]): Promise<RegionNameRow[]> {
  if (codes.length === 0) return [];
  return db
    .select({ code: regions.code, name: regions.name, level: regions.level })
    .from(regions)
    .where(inArray(regions.code, codes))
    .orderBy(asc(regions.code));
}

/** The written path (`重庆市 / 奉节县 / 永安街道`) of each given region (one `IN` lookup). */
export async function findRegionPathNames(
  db: Executor,
  codes: string[],
): Promise<{ code: string; pathName: string }[]> {
  if (codes.length === 0) return [];
  return db
    .select({ code: regions.code, pathName: regions.pathName })
    .from(regions)
    .where(inArray(regions.code, codes));
}

async function pageOfRegions(
  db: Executor,
  where: SQL | undefined,
  order: SQL[],
  page: PageRequest,
): Promise<{ rows: RegionRow[]; total: number }> {
  const rows = await db
    .select(regionColumns(db))
    .from(regions)
    .where(where)
    .orderBy(...order)
    .limit(page.pageSize)
    .offset(pageOffset(page));
  // A short, non-empty page (or an empty first one) already tells the total; otherwise count.
  if (rows.length < page.pageSize && (rows.length > 0 || page.page === 1)) {
    return { rows, total: pageOffset(page) + rows.length };
  }
  const [counted] = await db.select({ n: count() }).from(regions).where(where);
  return { rows, total: counted?.n ?? 0 };
}

/**
 * One page of a region's children ordered by code, optionally only those in `only` (the
 * children on the way to an actor's scope). Served by `regions_parent_idx`.
 */
export function listChildren(
  db: Executor,
  parentCode: string,
  only: string[] | null,
  page: PageRequest,
): Promise<{ rows: RegionRow[]; total: number }> {
  if (only && only.length === 0) return Promise.resolve({ rows: [], total: 0 });
  const where = and(
    eq(regions.parentCode, parentCode),
    only ? inArray(regions.code, only) : undefined,
  );
  return pageOfRegions(db, where, [asc(regions.code)], page);
}

/** What to match in a region search; exactly one kind of match applies. */
export type RegionMatch =
  | { kind: 'name'; text: string }
  | { kind: 'pinyin'; key: string }
  | { kind: 'code'; prefix: string }
  | { kind: 'all' };

/** A region search: the match, the actor whose scope limits it, and optional filters. */
export interface RegionSearch {
  match: RegionMatch;
  /** Whose scope limits the search (regions within their `region.read` roots). */
  actor: Actor;
  level?: number | undefined;
  /** Significant prefix of the `within` region ('' for the nation). */
  withinPrefix?: string | undefined;
}

/** Escapes `%`, `_` and `\` for a LIKE pattern (backslash is PostgreSQL's default escape). */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function matchWhere(m: RegionMatch): SQL | undefined {
  switch (m.kind) {
    case 'name':
      return like(regions.name, `%${escapeLike(m.text)}%`);
    case 'pinyin':
      return or(
        like(regions.initials, `${escapeLike(m.key)}%`),
        like(regions.pinyin, `${escapeLike(m.key)}%`),
      );
    case 'code':
      return like(regions.code, `${escapeLike(m.prefix)}%`);
    case 'all':
      return undefined;
  }
}

/** 0 for an exact match on the name, initials or full pinyin, else 1; none for other matches. */
function exactRank(m: RegionMatch): SQL | undefined {
  if (m.kind === 'name') return sql`case when ${regions.name} = ${m.text} then 0 else 1 end`;
  if (m.kind === 'pinyin') {
    return sql`case when ${regions.initials} = ${m.key} or ${regions.pinyin} = ${m.key} then 0 else 1 end`;
  }
  // Never `ORDER BY 0`: a bare integer in ORDER BY is a select-list position.
  return undefined;
}

/**
 * One page of regions matching a search inside the actor's scope: exact matches first, then
 * higher levels, then by code.
 */
export function searchRegions(
  db: Executor,
  search: RegionSearch,
  page: PageRequest,
): Promise<{ rows: RegionRow[]; total: number }> {
  const where = and(
    regionScopeWhere(search.actor, 'region.read', regions.code),
    matchWhere(search.match),
    search.level === undefined ? undefined : eq(regions.level, search.level),
    search.withinPrefix ? like(regions.code, `${search.withinPrefix}%`) : undefined,
  );
  const rank = exactRank(search.match);
  const order = [asc(regions.level), asc(regions.code)];
  return pageOfRegions(db, where, rank ? [asc(rank), ...order] : order, page);
}
