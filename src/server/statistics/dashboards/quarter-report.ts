import {
  INDICATOR_CODES,
  INDICATORS,
  type IndicatorDef,
} from '../../../domain/indicators/indicators.js';
import { quarterRange } from '../../../domain/indicators/periods.js';
import type { Executor } from '../../platform/db/client.js';
import { indicatorFigure, loadTotals, reportWindow, type TotalsIndex } from '../stats/figures.js';
import { type ReportRegion, reportChildren } from '../stats/regions.js';
import type { FigureSource } from '../stats/source.js';
import { findTargets } from '../targets/repo.js';

/**
 * The quarterly progress report (进展情况统计表) officials send up the hierarchy: one line per
 * region directly below, a line for records kept at the region's own level (本级) when there
 * are any, and the total (合计, the region's own figures). Per indicator: 本季度 (the quarter's
 * new entries; for a stock its net change), 累计 (a flow's year to date, a stock's level at the
 * end of the quarter), 目标 and 完成率 (累计 ÷ 目标).
 */

export interface ReportCell {
  quarter: number;
  cumulative: number;
  target: number | null;
  /** 累计 ÷ 目标 as a fraction (0.75 for 75 %), null without a target. */
  rate: number | null;
}

export interface ReportLine {
  label: string;
  regionCode: string | null;
  cells: ReportCell[];
}

export interface QuarterReport {
  region: ReportRegion;
  year: number;
  quarter: number;
  /** The last day counted: the quarter's end, or today when the quarter is not over. */
  asOf: string;
  indicators: readonly IndicatorDef[];
  lines: ReportLine[];
  total: ReportLine;
}

const QUARTER_ZH = ['一', '二', '三', '四'];

/** 「南阳市返乡入乡创业工作进展情况统计表（2021年第三季度）」 */
export function reportTitle(r: {
  region: { name: string };
  year: number;
  quarter: number;
}): string {
  return `${r.region.name}返乡入乡创业工作进展情况统计表（${r.year}年第${QUARTER_ZH[r.quarter - 1]}季度）`;
}

function quarterEnd(year: number, quarter: number): string {
  const to = quarterRange(year, quarter).to;
  const last = new Date(Date.UTC(year, Number(to.slice(5, 7)), 0)).getUTCDate();
  return `${to}-${String(last).padStart(2, '0')}`;
}

function cell(
  def: IndicatorDef,
  totals: TotalsIndex,
  code: string,
  target: number | null,
): ReportCell {
  const f = indicatorFigure(def, totals.get(code, def.series));
  return {
    quarter: f.period,
    cumulative: f.actual,
    target,
    rate: target && target > 0 ? f.actual / target : null,
  };
}

/** The report's numbers for `region`, `year` and `quarter`, as of `today` at the latest. */
export async function buildQuarterReport(
  db: Executor,
  source: FigureSource,
  region: ReportRegion,
  year: number,
  quarter: number,
  today: string,
): Promise<QuarterReport> {
  const end = quarterEnd(year, quarter);
  const asOf = end < today ? end : today;
  const w = reportWindow(year, asOf);
  const children = await reportChildren(db, region.code);
  const codes = [region.code, ...children.map((c) => c.code)];
  const [totals, targets] = await Promise.all([
    loadTotals(source, codes, INDICATOR_CODES, w, { period: quarterRange(year, quarter) }),
    findTargets(db, codes, year),
  ]);
  const targetOf = (code: string, def: IndicatorDef) =>
    targets.find((t) => t.regionCode === code && t.indicator === def.code)?.value ?? null;
  const lineOf = (label: string, code: string): ReportLine => ({
    label,
    regionCode: code,
    cells: INDICATORS.map((def) => cell(def, totals, code, targetOf(code, def))),
  });
  const lines = children.map((c) => lineOf(c.name, c.code));
  const total = { ...lineOf('合计', region.code), regionCode: null };
  const own: ReportLine = {
    label: '本级',
    regionCode: region.code,
    cells: total.cells.map((t, i) => ({
      quarter: t.quarter - lines.reduce((n, l) => n + (l.cells[i]?.quarter ?? 0), 0),
      cumulative: t.cumulative - lines.reduce((n, l) => n + (l.cells[i]?.cumulative ?? 0), 0),
      target: null,
      rate: null,
    })),
  };
  if (own.cells.some((c) => c.quarter !== 0 || c.cumulative !== 0)) lines.push(own);
  return { region, year, quarter, asOf, indicators: INDICATORS, lines, total };
}
