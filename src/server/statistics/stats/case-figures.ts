import { sql } from 'drizzle-orm';
import type { CaseMetric, MetricSums } from '../../../domain/indicators/case-indicators.js';
import type { MonthRange } from '../../../domain/indicators/periods.js';
import type { Executor } from '../../platform/db/client.js';
import { rowsOfPrepared } from '../../platform/db/prepared.js';
import { arrayParam } from './source.js';

/**
 * Reads of the case counters (`stats.case_counters`): the metric sums of regions or of the
 * organisations under a region, year to date and cumulative (every month up to the window's
 * end, the undated current-state month included).
 */

interface SumRow {
  regionCode: string;
  orgId: string;
  metric: string;
  ytd: number;
  cumulative: number;
}

/** Metric sums indexed by region and organisation (`''` for all organisations). */
export class CaseSumsIndex {
  private readonly map = new Map<string, SumRow>();

  constructor(rows: readonly SumRow[]) {
    for (const r of rows) this.map.set(`${r.regionCode}|${r.orgId}|${r.metric}`, r);
  }

  /** The sums of one region (and organisation) as the indicator formulas read them. */
  of(regionCode: string, orgId = ''): MetricSums {
    const row = (m: CaseMetric) => this.map.get(`${regionCode}|${orgId}|${m}`);
    return { ytd: (m) => row(m)?.ytd ?? 0, cumulative: (m) => row(m)?.cumulative ?? 0 };
  }

  /** The organisations with counters under a region (the `''` total left out). */
  orgsOf(regionCode: string): string[] {
    const out = new Set<string>();
    for (const r of this.map.values())
      if (r.regionCode === regionCode && r.orgId !== '') out.add(r.orgId);
    return [...out];
  }
}

/**
 * The metric sums of `regionCodes` for one case type; `byOrg` adds every organisation's rows.
 *
 * @example
 * const sums = await loadCaseSums(db, ['411300000000'], 'guarantee-loan', { from: '2021-01', to: '2021-09' });
 * sums.of('411300000000').ytd('disbursed_fen')
 */
export async function loadCaseSums(
  db: Executor,
  regionCodes: readonly string[],
  caseType: string,
  ytd: MonthRange,
  byOrg = false,
): Promise<CaseSumsIndex> {
  if (regionCodes.length === 0) return new CaseSumsIndex([]);
  // One array parameter, not one per region: the text stays the same for a prepared statement.
  const rows = await rowsOfPrepared<SumRow>(
    db,
    sql`SELECT region_code AS "regionCode", org_id AS "orgId", metric,
        coalesce(sum(value) FILTER (WHERE month BETWEEN ${ytd.from} AND ${ytd.to}), 0)::float8 AS ytd,
        coalesce(sum(value), 0)::float8 AS cumulative
      FROM stats.case_counters
      WHERE case_type = ${caseType} AND region_code = ANY(${arrayParam(regionCodes, 'bpchar[]')})
        AND month <= ${ytd.to}
        ${byOrg ? sql`` : sql`AND org_id = ''`}
      GROUP BY 1, 2, 3`,
  );
  return new CaseSumsIndex(rows);
}
