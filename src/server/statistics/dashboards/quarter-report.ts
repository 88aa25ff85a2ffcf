import {
  INDICATOR_CODES,
  INDICATORS,
  type IndicatorDef,
} from '../../../domain/indicators/indicators.js';
import {
  CASE_INDICATORS,
  caseIndicatorValue,
  LOAN_CASE_TYPE,
} from '../../../domain/indicators/case-indicators.js';
import { quarterRange } from '../../../domain/indicators/periods.js';
import { loadCaseSums } from '../stats/case-figures.js';
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

/** What the workbook prints of an indicator: the ledger's, or a loan indicator with a target. */
export interface ReportIndicator {
  code: string;
  zh: string;
  shortZh: string;
  unit: { zh: string; en: string };
  partOf?: string;
}

export interface QuarterReport {
  region: ReportRegion;
  year: number;
  quarter: number;
  /** The last day counted: the quarter's end, or today when the quarter is not over. */
  asOf: string;
  indicators: readonly ReportIndicator[];
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
  const q = quarterRange(year, quarter);
  const inQuarter = { from: q.from, to: q.to < w.to ? q.to : w.to };
  const [totals, targets, loansYtd, loansQuarter] = await Promise.all([
    loadTotals(source, codes, INDICATOR_CODES, w, { period: q }),
    findTargets(db, codes, year),
    loadCaseSums(db, codes, LOAN_CASE_TYPE, w.ytd),
    loadCaseSums(db, codes, LOAN_CASE_TYPE, inQuarter),
  ]);
  // Loan indicators are printed where they have a target (南阳's 4亿 for 返乡农民工).
  const loanDefs = CASE_INDICATORS.filter(
    (d) => d.targetable && targets.some((t) => t.indicator === d.code),
  );
  const loanCells = (code: string): ReportCell[] =>
    loanDefs.map((d) => {
      const target = targets.find((t) => t.regionCode === code && t.indicator === d.code)?.value;
      const cumulative = caseIndicatorValue(d, loansYtd.of(code)) ?? 0;
      return {
        quarter: caseIndicatorValue(d, loansQuarter.of(code)) ?? 0,
        cumulative,
        target: target ?? null,
        rate: target && target > 0 ? cumulative / target : null,
      };
    });
  const targetOf = (code: string, def: IndicatorDef) =>
    targets.find((t) => t.regionCode === code && t.indicator === def.code)?.value ?? null;
  const lineOf = (label: string, code: string): ReportLine => ({
    label,
    regionCode: code,
    cells: [
      ...INDICATORS.map((def) => cell(def, totals, code, targetOf(code, def))),
      ...loanCells(code),
    ],
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
  const indicators: ReportIndicator[] = [
    ...INDICATORS,
    ...loanDefs.map((d) => ({
      code: d.code,
      zh: d.zh,
      shortZh: d.zh.replace(/^其中[：:]/, ''),
      unit: d.unit,
      ...(d.partOf ? { partOf: d.partOf } : {}),
    })),
  ];
  return { region, year, quarter, asOf, indicators, lines, total };
}
