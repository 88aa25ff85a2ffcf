import { type SQL, sql } from 'drizzle-orm';
import { dimKey } from '../../../domain/indicators/dimensions.js';
import { counterLayout } from '../../../domain/indicators/layout.js';
import type { SeriesCode, SourceTable } from '../../../domain/indicators/series.js';
import { isWithin } from '../../../domain/regions/region-code.js';
import type { Executor } from '../../platform/db/client.js';
import type { ListTotalT } from '../../platform/http/list-paging.js';
import { rowsOf } from '../../platform/db/rows.js';

/**
 * Exact list totals from the always-fresh counters (`stats.counters`, kept inside every writing
 * transaction): a list narrowed only by region and by filters the counters break down by
 * answers its total from a few counter rows, whatever the size of the ledger. Read by SQL here
 * (the ledger sits below the statistics context), with the slots of the domain's layout.
 */

/** A counter slot (series and dimension key, `''` for the total) with the sign it adds with. */
export interface SignedSlot {
  series: SeriesCode;
  dim: string;
  sign: 1 | -1;
}

/**
 * The regions whose counters make up a list: the actor's scope roots, narrowed to the region
 * filter (the filter itself when inside a root; the roots inside the filter otherwise).
 *
 * @example
 * listRegions(['500236000000'], '500236128000') // ['500236128000']
 * listRegions(['500236000000'], '410000000000') // []
 */
export function listRegions(roots: readonly string[], region?: string): string[] {
  if (region === undefined) return [...roots];
  if (roots.some((r) => isWithin(region, r))) return [region];
  return roots.filter((r) => isWithin(r, region));
}

/**
 * The sum of signed slots over the counters of `regions` (every month), or null when a slot is
 * not in the layout.
 */
export async function counterTotal(
  db: Executor,
  source: SourceTable,
  regions: readonly string[],
  slots: readonly SignedSlot[],
): Promise<ListTotalT | null> {
  if (regions.length === 0) return { value: 0, exact: true };
  const layout = counterLayout(source);
  const terms: SQL[] = [];
  for (const s of slots) {
    const i = layout.findIndex((l) => l.series === s.series && l.dim === s.dim);
    if (i < 0) return null;
    const term = sql`coalesce(sum(value[${sql.raw(String(i + 1))}]), 0)`;
    terms.push(s.sign === 1 ? sql` + ${term}` : sql` - ${term}`);
  }
  const codes = sql.join(
    regions.map((r) => sql`${r}`),
    sql`, `,
  );
  const [row] = await rowsOf<{ n: number }>(
    db,
    sql`SELECT (0${sql.join(terms, sql``)})::float8 AS n FROM stats.counters
        WHERE source = ${source} AND region_code IN (${codes})`,
  );
  return { value: Math.max(0, row?.n ?? 0), exact: true };
}

/** Adds up signed slots, dropping those that cancel out. */
export function combineSlots(parts: readonly SignedSlot[]): SignedSlot[] {
  const sums = new Map<string, { series: SeriesCode; dim: string; n: number }>();
  for (const p of parts) {
    const key = `${p.series}|${p.dim}`;
    const cur = sums.get(key) ?? { series: p.series, dim: p.dim, n: 0 };
    cur.n += p.sign;
    sums.set(key, cur);
  }
  const out: SignedSlot[] = [];
  for (const s of sums.values()) {
    for (let k = 0; k < Math.abs(s.n); k++) {
      out.push({ series: s.series, dim: s.dim, sign: s.n > 0 ? 1 : -1 });
    }
  }
  return out;
}

/** What a people list's exact total needs to know of its filter. */
export interface PersonCountFilter {
  categories?: string[] | undefined;
  statuses?: string[] | undefined;
  /** Any other filter (text, education, dates, ID/phone lookup): the counters cannot tell. */
  other: boolean;
}

/**
 * The counter slots holding a people list's total, or null when the counters do not break the
 * list down that way. `people_all` holds every live person, `people_started` 已创业 and
 * `people_pool` 外出 + 有意向 (together, so one of them alone is not held); 已返乡 is all minus
 * the two. Several categories overlap (a person may have two), so only one is exact.
 *
 * @example
 * personCountSlots({ statuses: ['returned'], other: false })
 * // all − started − pool
 */
export function personCountSlots(f: PersonCountFilter): SignedSlot[] | null {
  if (f.other) return null;
  const cats = [...new Set(f.categories ?? [])];
  if (cats.length > 1) return null;
  const dim = cats.length === 1 ? dimKey('category', cats[0] as string) : '';
  const st = new Set(f.statuses ?? []);
  const slot = (series: SeriesCode, sign: 1 | -1): SignedSlot => ({ series, dim, sign });
  if (st.size === 0) return [slot('people_all', 1)];
  if (st.has('abroad') !== st.has('intending')) return null;
  const parts: SignedSlot[] = [];
  if (st.has('started')) parts.push(slot('people_started', 1));
  if (st.has('abroad')) parts.push(slot('people_pool', 1));
  if (st.has('returned')) {
    parts.push(slot('people_all', 1), slot('people_started', -1), slot('people_pool', -1));
  }
  return combineSlots(parts);
}
