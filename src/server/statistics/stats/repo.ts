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

/** A month's counter row as read: its slots as comma-separated integers. */
interface CounterRow {
  regionCode: string;
  source: SourceTable;
  month: string;
  value: string;
}

/** Running sums of one region's slots of one source: in the period, year to date, all time. */
interface SlotSums {
  regionCode: string;
  source: SourceTable;
  period: number[];
  ytd: number[];
  cumulative: number[];
}

/**
 * Totals per region, series and (optionally) dimension member, from the counters. The month rows
 * are read as they are stored and their slots added up here: a region has a row per source and
 * month (about 200 for the nation), and summing their arrays in SQL (unnest, then GROUP BY slot)
 * took three to four times as long as reading them — 8 ms for a region, 190 ms for the 31
 * provinces of a national ranking (see the dashboard section of the README).
 */
export async function counterTotals(db: Executor, q: TotalsQuery): Promise<TotalsRow[]> {
  if (q.regions.length === 0 || q.series.length === 0) return [];
  const rows = await rowsOf<CounterRow>(
    db,
    sql`SELECT region_code AS "regionCode", source, month, array_to_string(value, ',') AS value
        FROM stats.counters
        WHERE source = ANY(${arrayParam(sourcesOf(q.series), 'text[]')})
          AND region_code = ANY(${arrayParam(q.regions, 'bpchar[]')})
          AND month <= ${q.to}`,
  );
  // Months are 'YYYY-MM': as strings they compare as the database compares them.
  const january = januaryOf(q.year);
  const sums = new Map<string, SlotSums>();
  for (const r of rows) {
    const key = `${r.regionCode}|${r.source}`;
    const width = LAYOUTS[r.source].length;
    let s = sums.get(key);
    if (!s) {
      const zeros = () => new Array<number>(width).fill(0);
      s = {
        regionCode: r.regionCode,
        source: r.source,
        period: zeros(),
        ytd: zeros(),
        cumulative: zeros(),
      };
      sums.set(key, s);
    }
    const inPeriod = r.month >= q.period.from && r.month <= q.period.to;
    const inYear = r.month >= january && r.month <= q.to;
    const values = r.value.split(',');
    for (let i = 0; i < values.length && i < width; i++) {
      const v = Number(values[i]);
      if (v === 0) continue;
      s.cumulative[i] = (s.cumulative[i] ?? 0) + v;
      if (inPeriod) s.period[i] = (s.period[i] ?? 0) + v;
      if (inYear) s.ytd[i] = (s.ytd[i] ?? 0) + v;
    }
  }
  const wanted = new Set<string>(q.series);
  const out: TotalsRow[] = [];
  for (const s of sums.values()) {
    LAYOUTS[s.source].forEach((slot, i) => {
      if (!wanted.has(slot.series) || (!q.withDims && slot.dim !== '')) return;
      out.push({
        regionCode: s.regionCode,
        series: slot.series,
        dim: slot.dim,
        period: s.period[i] ?? 0,
        ytd: s.ytd[i] ?? 0,
        cumulative: s.cumulative[i] ?? 0,
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
