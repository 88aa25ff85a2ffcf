import { indicator, type IndicatorCode } from '../../../domain/indicators/indicators.js';
import { progressPct, timeElapsedPct } from '../../../domain/indicators/periods.js';
import type { Executor } from '../../platform/db/client.js';
import { indicatorFigure, loadTotals, reportWindow } from '../stats/figures.js';
import type { RegionTree } from '../../platform/regions/region-tree.js';
import { type ReportRegion, reportChildren } from '../stats/regions.js';
import type { FigureSource } from '../stats/source.js';
import { isBehind } from '../targets/presenter.js';
import { findTargets } from '../targets/repo.js';
import { regionRef } from './assemble.js';
import type { ChildRankingItemT, ChildRankingT } from './contract.js';

export interface RankingOptions {
  indicator: IndicatorCode;
  year: number;
  asOf: string;
  sort: 'actual' | 'progress' | 'name' | 'code';
  order: 'asc' | 'desc';
}

const collator = new Intl.Collator('zh-CN');

function compare(sort: RankingOptions['sort']) {
  return (a: ChildRankingItemT, b: ChildRankingItemT): number => {
    switch (sort) {
      case 'actual':
        return a.actual - b.actual;
      case 'progress':
        return (a.progressPct ?? 0) - (b.progressPct ?? 0);
      case 'name':
        return collator.compare(a.regionName, b.regionName);
      case 'code':
        return a.regionCode < b.regionCode ? -1 : a.regionCode > b.regionCode ? 1 : 0;
    }
  };
}

/**
 * The regions directly below `region` (placeholder levels skipped) ranked on one indicator:
 * each with its figure, target and progress; `rank` is by the figure (ties share a rank),
 * whatever order the list is sorted in.
 */
export async function buildChildRanking(
  db: Executor,
  source: FigureSource,
  region: ReportRegion,
  o: RankingOptions,
  tree?: RegionTree,
): Promise<ChildRankingT> {
  const def = indicator(o.indicator);
  const w = reportWindow(o.year, o.asOf);
  const children = await reportChildren(db, region.code, tree);
  const codes = children.map((c) => c.code);
  const [totals, targets] = await Promise.all([
    loadTotals(source, codes, [o.indicator], w),
    findTargets(db, codes, o.year, o.indicator),
  ]);
  const targetOf = new Map(targets.map((t) => [t.regionCode, t.value]));
  const elapsed = timeElapsedPct(o.year, o.asOf);
  const items: ChildRankingItemT[] = children.map((c) => {
    const f = indicatorFigure(def, totals.get(c.code, def.series));
    const target = targetOf.get(c.code) ?? null;
    const progress = progressPct(f.actual, target);
    return {
      rank: 0,
      regionCode: c.code,
      regionName: c.name,
      inPeriod: f.ytd,
      cumulative: f.cumulative,
      actual: f.actual,
      target,
      progressPct: progress,
      behind: isBehind(progress, elapsed),
    };
  });
  for (const item of items) item.rank = 1 + items.filter((x) => x.actual > item.actual).length;
  const cmp = compare(o.sort);
  // Regions without a target come last whichever way progress is sorted.
  const unranked = (x: ChildRankingItemT) =>
    o.sort === 'progress' && x.progressPct === null ? 1 : 0;
  items.sort(
    (a, b) =>
      unranked(a) - unranked(b) ||
      (o.order === 'asc' ? cmp(a, b) : cmp(b, a)) ||
      compare('code')(a, b),
  );
  return {
    region: regionRef(region),
    indicator: def.code,
    nameZh: def.zh,
    unitZh: def.unit.zh,
    year: o.year,
    asOf: o.asOf,
    timeElapsedPct: elapsed,
    items,
  };
}
