import { sql } from 'drizzle-orm';
import { counterLayout, type Slot } from '../../../domain/indicators/layout.js';
import type { MonthRange } from '../../../domain/indicators/periods.js';
import { SERIES, type SeriesCode, type SourceTable } from '../../../domain/indicators/series.js';
import type { Executor } from '../../platform/db/client.js';
import {
  arrayParam,
  type FigureSource,
  januaryOf,
  type MonthlyRow,
  rowsOf,
  type TotalsQuery,
  type TotalsRow,
} from './source.js';

/**
 * Reads of the counters (`stats.counters`): a region's figures are a primary-key range scan on
 * its own code per source table, whatever the size of the ledger below it.
 */

const LAYOUTS: Record<SourceTable, Slot[]> = {
  people: counterLayout('people'),
  entities: counterLayout('entities'),
};

function sourcesOf(series: readonly SeriesCode[]): SourceTable[] {
  return [...new Set(series.map((s) => SERIES[s].source))];
}

/** Totals per region, series and (optionally) dimension member, from the counters. */
export async function counterTotals(db: Executor, q: TotalsQuery): Promise<TotalsRow[]> {
  if (q.regions.length === 0 || q.series.length === 0) return [];
  const rows = await rowsOf<{
    regionCode: string;
    source: SourceTable;
    slot: number;
    period: number;
    ytd: number;
    cumulative: number;
  }>(
    db,
    sql`SELECT c.region_code AS "regionCode", c.source, u.slot::int AS slot,
          coalesce(sum(u.v) FILTER (WHERE c.month BETWEEN ${q.period.from} AND ${q.period.to}), 0)::float8 AS period,
          coalesce(sum(u.v) FILTER (WHERE c.month BETWEEN ${januaryOf(q.year)} AND ${q.to}), 0)::float8 AS ytd,
          sum(u.v)::float8 AS cumulative
        FROM stats.counters AS c CROSS JOIN LATERAL unnest(c.value) WITH ORDINALITY AS u(v, slot)
        WHERE c.source = ANY(${arrayParam(sourcesOf(q.series), 'text[]')})
          AND c.region_code = ANY(${arrayParam(q.regions, 'bpchar[]')})
          AND c.month <= ${q.to}
        GROUP BY 1, 2, 3`,
  );
  const wanted = new Set<string>(q.series);
  const out: TotalsRow[] = [];
  for (const r of rows) {
    const slot = LAYOUTS[r.source][r.slot - 1];
    if (!slot || !wanted.has(slot.series) || (!q.withDims && slot.dim !== '')) continue;
    out.push({
      regionCode: r.regionCode,
      series: slot.series,
      dim: slot.dim,
      period: r.period,
      ytd: r.ytd,
      cumulative: r.cumulative,
    });
  }
  return out;
}

/** Monthly totals of one region over a range of months, from the counters. */
export async function counterMonthly(
  db: Executor,
  regionCode: string,
  series: SeriesCode[],
  range: MonthRange,
): Promise<MonthlyRow[]> {
  if (series.length === 0) return [];
  const rows = await rowsOf<{ source: SourceTable; month: string; value: number[] }>(
    db,
    sql`SELECT source, month, value::float8[] AS value FROM stats.counters
        WHERE source = ANY(${arrayParam(sourcesOf(series), 'text[]')}) AND region_code = ${regionCode}
          AND month BETWEEN ${range.from} AND ${range.to}`,
  );
  const out: MonthlyRow[] = [];
  for (const r of rows) {
    LAYOUTS[r.source].forEach((slot, i) => {
      if (slot.dim === '' && series.includes(slot.series))
        out.push({ series: slot.series, month: r.month, value: r.value[i] ?? 0 });
    });
  }
  return out;
}

/** The counters as a figure source: what dashboards, targets and reports read. */
export function counterSource(db: Executor): FigureSource {
  return {
    totals: (q) => counterTotals(db, q),
    monthly: (regionCode, series, range) => counterMonthly(db, regionCode, series, range),
  };
}
