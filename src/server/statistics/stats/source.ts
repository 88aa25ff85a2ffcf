import { sql, type SQL } from 'drizzle-orm';
import type { MonthRange } from '../../../domain/indicators/periods.js';
import type { SeriesCode } from '../../../domain/indicators/series.js';

/**
 * Where figures come from: the counters (the fast path every reader uses) or a direct
 * `GROUP BY` over the ledger (the slow path, for benchmarks and cross-checks). Both answer the
 * same two questions, so one assembly serves both.
 */

/** Totals of one series and dimension member in one region. */
export interface TotalsRow {
  regionCode: string;
  series: SeriesCode;
  dim: string;
  /** Sum over the requested period's months. */
  period: number;
  /** Sum from January of the query's year up to `to`. */
  ytd: number;
  /** Sum over every month up to `to`, undated rows included: a stock's level. */
  cumulative: number;
}

export interface TotalsQuery {
  /** Disjoint regions (no region inside another). */
  regions: string[];
  series: SeriesCode[];
  /** Also each dimension member, not only the totals. */
  withDims: boolean;
  /** The period (months) summed into `period`, e.g. a quarter. */
  period: MonthRange;
  /** The year whose January starts `ytd`. */
  year: number;
  /** The last month counted: the as-of month, at most December of `year`. */
  to: string;
}

/** A series' monthly total (dimension total only) in one region. */
export interface MonthlyRow {
  series: SeriesCode;
  month: string;
  value: number;
}

export interface FigureSource {
  totals(q: TotalsQuery): Promise<TotalsRow[]>;
  monthly(regionCode: string, series: SeriesCode[], range: MonthRange): Promise<MonthlyRow[]>;
}

/** A PostgreSQL array parameter of text values, cast to `type`. */
export function arrayParam(values: readonly string[], type: 'text[]' | 'bpchar[]'): SQL {
  const literal = `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
  return sql`${literal}::${sql.raw(type)}`;
}

/** January of a year, `YYYY-01`. */
export function januaryOf(year: number): string {
  return `${String(year).padStart(4, '0')}-01`;
}
