import { DIMENSION_CODES, DIMENSIONS, dimKey } from '../../../domain/indicators/dimensions.js';
import { INDICATOR_CODES, INDICATORS } from '../../../domain/indicators/indicators.js';
import { monthsIn, progressPct, timeElapsedPct } from '../../../domain/indicators/periods.js';
import { REGION_LEVELS } from '../../../domain/regions/region-code.js';
import { SERIES_CODES } from '../../../domain/indicators/series.js';
import type { Executor } from '../../platform/db/client.js';
import type { RegionTree } from '../../platform/regions/region-tree.js';
import { indicatorFigure, loadTotals, reportWindow, type TotalsIndex } from '../stats/figures.js';
import type { ReportRegion } from '../stats/regions.js';
import type { FigureSource, MonthlyRow } from '../stats/source.js';
import { isBehind } from '../targets/presenter.js';
import { findTargets } from '../targets/repo.js';
import type { DashboardT, HeadlineItemT, RegionRefT } from './contract.js';
import { buildLoanSection } from './loan-section.js';

/**
 * A region's dashboard from a figure source: the counters for every reader, a direct recount
 * of the ledger for the benchmark beside it. Pure assembly once the three reads are done.
 */

/** A region as dashboards name it. */
export function regionRef(r: ReportRegion): RegionRefT {
  return {
    code: r.code,
    name: r.name,
    pathName: r.pathName,
    level: REGION_LEVELS[r.level] ?? 'village',
  };
}

function headline(
  region: string,
  totals: TotalsIndex,
  targets: Map<string, number>,
  elapsed: number,
): HeadlineItemT[] {
  return INDICATORS.map((def) => {
    const f = indicatorFigure(def, totals.get(region, def.series));
    const target = targets.get(def.code) ?? null;
    const progress = progressPct(f.actual, target);
    return {
      indicator: def.code,
      nameZh: def.zh,
      nameEn: def.en,
      unitZh: def.unit.zh,
      unitEn: def.unit.en,
      kind: def.kind,
      partOf: def.partOf ?? null,
      inPeriod: f.ytd,
      cumulative: f.cumulative,
      actual: f.actual,
      target,
      progressPct: progress,
      behind: isBehind(progress, elapsed),
    };
  });
}

function trend(
  region: string,
  months: string[],
  monthly: MonthlyRow[],
  totals: TotalsIndex,
): DashboardT['trend'] {
  const byKey = new Map(monthly.map((m) => [`${m.series}|${m.month}`, m.value]));
  const series = INDICATORS.map((def) => {
    const flows = months.map((m) => byKey.get(`${def.series}|${m}`) ?? 0);
    if (def.kind === 'flow') return { indicator: def.code, values: flows };
    const t = totals.get(region, def.series);
    let level = t.cumulative - t.ytd;
    return { indicator: def.code, values: flows.map((v) => (level += v)) };
  });
  return { months, series };
}

function breakdowns(region: string, totals: TotalsIndex): DashboardT['breakdowns'] {
  return DIMENSION_CODES.map((dimension) => {
    const dim = DIMENSIONS[dimension];
    const defs = INDICATORS.filter((d) => d.breakdowns.includes(dimension));
    const rows = dim.members.map((m) => ({
      code: m.code,
      nameZh: m.zh,
      nameEn: m.en,
      values: Object.fromEntries(
        defs.map((d) => [
          d.code,
          indicatorFigure(d, totals.get(region, d.series, dimKey(dimension, m.code))).actual,
        ]),
      ),
    }));
    // Twenty industry sections are mostly empty in one region: list those with something.
    const shown =
      dimension === 'industry_section'
        ? rows.filter((r) => Object.values(r.values).some((v) => v !== 0))
        : rows;
    return {
      dimension,
      nameZh: dim.zh,
      nameEn: dim.en,
      indicators: defs.map((d) => d.code),
      rows: shown,
    };
  });
}

/** The targets of a region for a year, by indicator. */
export async function targetsOf(
  db: Executor,
  region: string,
  year: number,
): Promise<Map<string, number>> {
  const rows = await findTargets(db, [region], year);
  return new Map(rows.map((t) => [t.indicator, t.value]));
}

/**
 * A region's dashboard for `year` as of `asOf`: headline figures with targets and progress,
 * the monthly trend of the year, and the breakdowns by category, entity type and industry.
 */
export async function buildDashboard(
  db: Executor,
  source: FigureSource,
  region: ReportRegion,
  year: number,
  asOf: string,
  tree?: RegionTree,
): Promise<DashboardT> {
  const w = reportWindow(year, asOf);
  const months = monthsIn(w.ytd);
  const elapsed = timeElapsedPct(year, asOf);
  const [totals, monthly, targets, loans] = await Promise.all([
    loadTotals(source, [region.code], INDICATOR_CODES, w, { withDims: true }),
    months.length > 0 ? source.monthly(region.code, [...SERIES_CODES], w.ytd) : Promise.resolve([]),
    targetsOf(db, region.code, year),
    buildLoanSection(db, region, year, asOf, elapsed, tree),
  ]);
  return {
    region: regionRef(region),
    year,
    asOf,
    through: w.to,
    timeElapsedPct: elapsed,
    headline: headline(region.code, totals, targets, elapsed),
    trend: trend(region.code, months, monthly, totals),
    breakdowns: breakdowns(region.code, totals),
    loans,
  };
}
