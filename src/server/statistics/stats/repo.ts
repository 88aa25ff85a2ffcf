import { sql } from 'drizzle-orm';
import { counterLayout, type Slot } from '../../../domain/indicators/layout.js';
import type { MonthRange } from '../../../domain/indicators/periods.js';
import { SERIES, type SeriesCode, type SourceTable } from '../../../domain/indicators/series.js';
import type { Executor } from '../../platform/db/client.js';
import { rowsOfPrepared } from '../../platform/db/prepared.js';
import {
  arrayParam,
  type FigureSource,
  januaryOf,
  type MonthlyRow,
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

/** A region's slot sums of one source over the months of one class (in the period, the year). */
interface ClassRow {
  regionCode: string;
  source: SourceTable;
  inPeriod: boolean;
  inYear: boolean;
  sums: (number | null)[];
}

/** Running sums of one region's slots of one source: in the period, year to date, all time. */
interface SlotSums {
  regionCode: string;
  source: SourceTable;
  period: number[];
  ytd: number[];
  cumulative: number[];
}

/** `sum(value[1]), …, sum(value[n])`: each slot summed by subscript (the widths are the layout's). */
const slotSumsSql = (width: number) =>
  sql.raw(Array.from({ length: width }, (_, i) => `sum(value[${i + 1}])`).join(', '));

/**
 * Totals per region, series and (optionally) dimension member, from the counters. A region has a
 * row per source and month (about 200 for the nation, whatever the size of the ledger), each an
 * array of slots. They are summed per slot by subscript, grouped by whether the month is in the
 * period and in the year (at most four rows per region and source), and the classes added up
 * here. Unnesting the arrays and grouping by slot instead took 8 ms for one region and 190 ms for
 * the 31 provinces of a national ranking; reading every row and summing in Node, 3.6 and 64 (see
 * the dashboard section of the README).
 */
export async function counterTotals(db: Executor, q: TotalsQuery): Promise<TotalsRow[]> {
  if (q.regions.length === 0 || q.series.length === 0) return [];
  const sources = sourcesOf(q.series);
  const width = Math.max(...sources.map((s) => LAYOUTS[s].length));
  const rows = await rowsOfPrepared<ClassRow>(
    db,
    sql`SELECT region_code AS "regionCode", source,
          month BETWEEN ${q.period.from} AND ${q.period.to} AS "inPeriod",
          month BETWEEN ${januaryOf(q.year)} AND ${q.to} AS "inYear",
          ARRAY[${slotSumsSql(width)}]::float8[] AS sums
        FROM stats.counters
        WHERE source = ANY(${arrayParam(sources, 'text[]')})
          AND region_code = ANY(${arrayParam(q.regions, 'bpchar[]')})
          AND month <= ${q.to}
        GROUP BY 1, 2, 3, 4`,
  );
  const totals = new Map<string, SlotSums>();
  for (const r of rows) {
    const key = `${r.regionCode}|${r.source}`;
    let t = totals.get(key);
    if (!t) {
      const zeros = () => new Array<number>(LAYOUTS[r.source].length).fill(0);
      t = {
        regionCode: r.regionCode,
        source: r.source,
        period: zeros(),
        ytd: zeros(),
        cumulative: zeros(),
      };
      totals.set(key, t);
    }
    for (let i = 0; i < t.cumulative.length; i++) {
      const v = r.sums[i] ?? 0;
      t.cumulative[i] = (t.cumulative[i] ?? 0) + v;
      if (r.inPeriod) t.period[i] = (t.period[i] ?? 0) + v;
      if (r.inYear) t.ytd[i] = (t.ytd[i] ?? 0) + v;
    }
  }
  const wanted = new Set<string>(q.series);
  const out: TotalsRow[] = [];
  for (const t of totals.values()) {
    LAYOUTS[t.source].forEach((slot, i) => {
      if (!wanted.has(slot.series) || (!q.withDims && slot.dim !== '')) return;
      out.push({
        regionCode: t.regionCode,
        series: slot.series,
        dim: slot.dim,
        period: t.period[i] ?? 0,
        ytd: t.ytd[i] ?? 0,
        cumulative: t.cumulative[i] ?? 0,
      });
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
  const rows = await rowsOfPrepared<{ source: SourceTable; month: string; value: number[] }>(
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
