import { sql } from 'drizzle-orm';
import type { MonthRange } from '../../../domain/indicators/periods.js';
import { SERIES, type SeriesCode, type SourceTable } from '../../../domain/indicators/series.js';
import { isRegionCode, regionPrefix } from '../../../domain/regions/region-code.js';
import type { Executor } from '../../platform/db/client.js';
import { contributionsCte, SOURCE_COLUMNS } from './series-sql.js';
import { rowsOf } from '../../platform/db/rows.js';
import {
  type FigureSource,
  januaryOf,
  type MonthlyRow,
  type TotalsQuery,
  type TotalsRow,
} from './source.js';

/**
 * The same figures as the counters give, computed by a plain `GROUP BY` over the live ledger
 * rows of each region's subtree (a prefix scan of `people` / `entities`). Slow on a large
 * ledger by design: the benchmark and the cross-checks set it beside the counters.
 */

function checkedCodes(codes: string[]): string[] {
  for (const c of codes) if (!isRegionCode(c)) throw new RangeError(`not a region code: ${c}`);
  return codes;
}

/**
 * The source rows below the given (disjoint) regions, each labelled with the region it falls
 * under as `region_code`.
 */
function labelledRows(source: SourceTable, regions: string[]): string {
  const arms = checkedCodes(regions).map((c) => ({ code: c, like: `${regionPrefix(c)}%` }));
  const label = `CASE ${arms.map((a) => `WHEN region_code LIKE '${a.like}' THEN '${a.code}'::char(12)`).join(' ')} END`;
  const cols = SOURCE_COLUMNS[source].filter((c) => c !== 'region_code');
  const where = arms.map((a) => `region_code LIKE '${a.like}'`).join(' OR ');
  return `SELECT ${label} AS region_code, ${cols.join(', ')}, 1 AS sign FROM public.${source} WHERE merged_into IS NULL AND (${where})`;
}

function sourcesOf(series: SeriesCode[]): SourceTable[] {
  return [...new Set(series.map((s) => SERIES[s].source))];
}

async function ledgerTotals(db: Executor, q: TotalsQuery): Promise<TotalsRow[]> {
  if (q.regions.length === 0 || q.series.length === 0) return [];
  const out: TotalsRow[] = [];
  for (const source of sourcesOf(q.series)) {
    const cte = contributionsCte(source, labelledRows(source, q.regions));
    const rows = await rowsOf<TotalsRow>(
      db,
      sql`${sql.raw(cte)}
        SELECT region_code AS "regionCode", series, dim,
          coalesce(sum(value) FILTER (WHERE month BETWEEN ${q.period.from} AND ${q.period.to}), 0)::float8 AS period,
          coalesce(sum(value) FILTER (WHERE month BETWEEN ${januaryOf(q.year)} AND ${q.to}), 0)::float8 AS ytd,
          sum(value)::float8 AS cumulative
        FROM contrib
        WHERE month <= ${q.to} ${q.withDims ? sql`` : sql`AND dim = ''`}
        GROUP BY 1, 2, 3`,
    );
    out.push(...rows.filter((r) => q.series.includes(r.series)));
  }
  return out;
}

async function ledgerMonthly(
  db: Executor,
  regionCode: string,
  series: SeriesCode[],
  range: MonthRange,
): Promise<MonthlyRow[]> {
  const out: MonthlyRow[] = [];
  for (const source of sourcesOf(series)) {
    const cte = contributionsCte(source, labelledRows(source, [regionCode]));
    const rows = await rowsOf<MonthlyRow>(
      db,
      sql`${sql.raw(cte)}
        SELECT series, month, sum(value)::float8 AS value FROM contrib
        WHERE dim = '' AND month BETWEEN ${range.from} AND ${range.to}
        GROUP BY 1, 2`,
    );
    out.push(...rows.filter((r) => series.includes(r.series)));
  }
  return out;
}

/** The ledger as a figure source: a direct recount, for benchmarks and checks. */
export function ledgerSource(db: Executor): FigureSource {
  return {
    totals: (q) => ledgerTotals(db, q),
    monthly: (regionCode, series, range) => ledgerMonthly(db, regionCode, series, range),
  };
}
