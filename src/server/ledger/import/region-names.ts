import { and, asc, count, gt, inArray, like, or, type SQL } from 'drizzle-orm';
import { parentRegionCode, regionPrefix } from '../../../domain/regions/region-code.js';
import { RegionNameIndex } from '../../../domain/regions/region-names.js';
import type { Executor } from '../../platform/db/client.js';
import { regions } from '../../platform/regions/table.js';

/**
 * The regions an importer writes by name: their counties (a township officer writes the
 * neighbouring townships of the county too), the townships and villages below, and the
 * ancestors that officials write before a name (重庆市, 奉节县).
 */

/** Above this many regions the context is too wide for names (a province): codes only. */
const MAX_NAMED_REGIONS = 30_000;

/**
 * The prefixes names are looked up under: each scope root widened to its county (a township
 * officer's neighbours are written by name too), kept as is above county level.
 *
 * @example
 * namePrefixes(['500236128000']) // ['500236']
 */
export function namePrefixes(roots: readonly string[]): string[] {
  return [...new Set(roots.map((r) => regionPrefix(r).slice(0, 6)))];
}

function under(prefixes: readonly string[]): SQL | undefined {
  return or(...prefixes.map((p) => like(regions.code, `${p}%`)));
}

/** The regions below the scope roots' counties (not the ancestors), when few enough, by code. */
export async function regionsUnder(
  db: Executor,
  roots: readonly string[],
): Promise<{ code: string; name: string }[] | null> {
  const prefixes = namePrefixes(roots);
  if (prefixes.length === 0 || prefixes.includes('')) return null;
  const [c] = await db.select({ n: count() }).from(regions).where(under(prefixes));
  if ((c?.n ?? 0) > MAX_NAMED_REGIONS) return null;
  return db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(and(under(prefixes), gt(regions.code, '000000000000')))
    .orderBy(asc(regions.code));
}

/**
 * The name index of an importer's context, or null when the context is too wide to write
 * regions by name (then codes are required).
 */
export async function regionNameIndex(
  db: Executor,
  roots: readonly string[],
): Promise<RegionNameIndex | null> {
  const below = await regionsUnder(db, roots);
  if (!below) return null;
  const above = new Set<string>();
  for (const p of namePrefixes(roots)) {
    for (let c = parentRegionCode(p.padEnd(12, '0')); c !== null; c = parentRegionCode(c)) {
      above.add(c);
    }
  }
  const ancestors =
    above.size === 0
      ? []
      : await db
          .select({ code: regions.code, name: regions.name })
          .from(regions)
          .where(inArray(regions.code, [...above]));
  return new RegionNameIndex([...ancestors, ...below]);
}
