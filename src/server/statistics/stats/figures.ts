import { TOTAL_DIM } from '../../../domain/indicators/dimensions.js';
import {
  indicator,
  type IndicatorCode,
  type IndicatorDef,
  seriesFor,
} from '../../../domain/indicators/indicators.js';
import { type MonthRange, monthOf, yearToDate } from '../../../domain/indicators/periods.js';
import type { SeriesCode } from '../../../domain/indicators/series.js';
import type { FigureSource, TotalsRow } from './source.js';

/**
 * Indicator values from series totals: the one place that turns counters (or a direct recount)
 * into the figures officials read.
 */

/** Sums of one series and dimension member in one region. */
export interface Totals {
  period: number;
  ytd: number;
  cumulative: number;
}

const ZERO: Totals = Object.freeze({ period: 0, ytd: 0, cumulative: 0 });

/** The as-of point of a report: the year, the day, and the last month counted. */
export interface ReportWindow {
  year: number;
  asOf: string;
  /** The as-of month, at most December of `year`. */
  to: string;
  /** January of `year` to `to` (empty when `asOf` is before the year). */
  ytd: MonthRange;
}

/**
 * The window of a report on `year` as of the day `asOf` (`YYYY-MM-DD`).
 *
 * @example
 * reportWindow(2021, '2026-11-21').to // => '2021-12'
 */
export function reportWindow(year: number, asOf: string): ReportWindow {
  const ytd = yearToDate(year, asOf);
  const to = monthOf(asOf) < ytd.to ? monthOf(asOf) : ytd.to;
  return { year, asOf, to, ytd: { from: ytd.from, to } };
}

/** Totals rows indexed by region, series and dimension member; absent means zero. */
export class TotalsIndex {
  private readonly map = new Map<string, Totals>();

  constructor(rows: readonly TotalsRow[]) {
    for (const r of rows) this.map.set(`${r.regionCode}|${r.series}|${r.dim}`, r);
  }

  get(regionCode: string, series: SeriesCode, dim: string = TOTAL_DIM): Totals {
    return this.map.get(`${regionCode}|${series}|${dim}`) ?? ZERO;
  }
}

/** An indicator's value in a region: in the period, year to date, cumulative, and the one a target measures. */
export interface IndicatorFigure {
  period: number;
  ytd: number;
  cumulative: number;
  /** What a target measures: a flow's year to date, a stock's level. */
  actual: number;
}

/**
 * An indicator's figure from its series totals.
 *
 * @example
 * indicatorFigure(indicator('new_entrepreneurs'), { period: 10, ytd: 30, cumulative: 90 }).actual // => 30
 */
export function indicatorFigure(def: IndicatorDef, t: Totals): IndicatorFigure {
  return {
    period: t.period,
    ytd: t.ytd,
    cumulative: t.cumulative,
    actual: def.kind === 'flow' ? t.ytd : t.cumulative,
  };
}

/**
 * Totals of the given indicators' series for disjoint regions at a report window, summing
 * `period` over the months of `period` (the year to date unless given).
 */
export async function loadTotals(
  source: FigureSource,
  regions: string[],
  codes: readonly IndicatorCode[],
  w: ReportWindow,
  opts: { withDims?: boolean; period?: MonthRange } = {},
): Promise<TotalsIndex> {
  const rows = await source.totals({
    regions,
    series: seriesFor(codes),
    withDims: opts.withDims ?? false,
    period: opts.period ?? w.ytd,
    year: w.year,
    to: w.to,
  });
  return new TotalsIndex(rows);
}

/** The figure of one indicator in one region from loaded totals. */
export function figureIn(
  index: TotalsIndex,
  regionCode: string,
  code: IndicatorCode,
  dim: string = TOTAL_DIM,
): IndicatorFigure {
  const def = indicator(code);
  return indicatorFigure(def, index.get(regionCode, def.series, dim));
}
