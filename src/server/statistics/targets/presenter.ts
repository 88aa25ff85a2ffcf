import type { IndicatorDef } from '../../../domain/indicators/indicators.js';
import { progressPct } from '../../../domain/indicators/periods.js';
import { indicatorFigure, type TotalsIndex } from '../stats/figures.js';
import type { ReportRegion } from '../stats/regions.js';
import type { ChildTargetViewT, TargetViewT } from './contract.js';
import type { Target } from './repo.js';

export interface TargetFacts {
  region: ReportRegion;
  children: ReportRegion[];
  year: number;
  def: IndicatorDef;
  /** Stored targets of this indicator for the region and its children. */
  targets: Target[];
  totals: TotalsIndex;
  /** Totals of last year as of its 31 December: the last-year actual of each child. */
  lastYear: TotalsIndex;
  elapsed: number;
}

/** True when progress is known and lags the share of the year gone by. */
export function isBehind(progress: number | null, elapsed: number): boolean {
  return progress !== null && progress < elapsed;
}

/** A region's target for one indicator, with its split and everyone's progress, field by field. */
export function presentTarget(f: TargetFacts): TargetViewT {
  const byRegion = new Map(f.targets.map((t) => [t.regionCode, t]));
  const own = byRegion.get(f.region.code);
  const actualOf = (code: string) =>
    indicatorFigure(f.def, f.totals.get(code, f.def.series)).actual;
  const children: ChildTargetViewT[] = f.children.map((c) => {
    const target = byRegion.get(c.code)?.value ?? null;
    const actual = actualOf(c.code);
    const progress = progressPct(actual, target);
    return {
      regionCode: c.code,
      regionName: c.name,
      target,
      actual,
      progressPct: progress,
      behind: isBehind(progress, f.elapsed),
      lastYearActual: indicatorFigure(f.def, f.lastYear.get(c.code, f.def.series)).actual,
      base: indicatorFigure(f.def, f.totals.get(c.code, f.def.series)).cumulative,
    };
  });
  const childrenSum = children.reduce((n, c) => n + Math.round((c.target ?? 0) * 100), 0) / 100;
  const target = own?.value ?? null;
  const actual = actualOf(f.region.code);
  const progress = progressPct(actual, target);
  return {
    regionCode: f.region.code,
    regionName: f.region.name,
    year: f.year,
    indicator: f.def.code,
    indicatorNameZh: f.def.zh,
    indicatorNameEn: f.def.en,
    unitZh: f.def.unit.zh,
    unitEn: f.def.unit.en,
    kind: f.def.kind,
    target,
    actual,
    progressPct: progress,
    timeElapsedPct: f.elapsed,
    behind: isBehind(progress, f.elapsed),
    childrenSum,
    unallocated: target === null ? null : Math.round((target - childrenSum) * 100) / 100,
    version: own?.version ?? null,
    updatedAt: own ? own.updatedAt.toISOString() : null,
    children,
  };
}
