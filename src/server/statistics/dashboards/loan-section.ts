import { inArray } from 'drizzle-orm';
import {
  CASE_INDICATORS,
  caseIndicatorValue,
  type CaseIndicatorCode,
  fenToWan,
  LOAN_CASE_TYPE,
} from '../../../domain/indicators/case-indicators.js';
import { progressPct } from '../../../domain/indicators/periods.js';
import {
  addSubsidySums,
  SUBSIDY_INDICATORS,
  subsidyFigures,
  subsidyIndicatorValue,
  type SubsidySums,
} from '../../../domain/indicators/subsidy-indicators.js';
import { organisations } from '../../access/orgs/table.js';
import type { Executor } from '../../platform/db/client.js';
import { loadCaseSums } from '../stats/case-figures.js';
import { loadSubsidySums } from '../stats/subsidy-figures.js';
import { reportWindow } from '../stats/figures.js';
import type { RegionTree } from '../../platform/regions/region-tree.js';
import { reportChildren, type ReportRegion } from '../stats/regions.js';
import { isBehind } from '../targets/presenter.js';
import { findTargets } from '../targets/repo.js';
import type { LoanSectionT } from './contract.js';

/**
 * The 创业担保贷款 section of a dashboard: the loan and case indicators of the region against
 * their targets (the 返乡农民工 amount is what 南阳's 「4亿元」 measures), the same figures for
 * each region directly below (drill-down), and the organisations working the files (bank,
 * guarantee agency, 人社): open, 超时, average working days per step.
 */

/** The indicator a region row's target and progress measure. */
const TARGET_OF_ROWS: CaseIndicatorCode = 'loans_disbursed_migrant';

/** Columns of the drill-down table. */
const ROW_INDICATORS: readonly CaseIndicatorCode[] = [
  'loans_disbursed',
  'loans_disbursed_migrant',
  'loans_disbursed_count',
  'loan_balance',
  'loan_overdue_rate',
  'cases_overdue',
  'case_step_days',
];

export async function buildLoanSection(
  db: Executor,
  region: ReportRegion,
  year: number,
  asOf: string,
  elapsed: number,
  tree?: RegionTree,
): Promise<LoanSectionT> {
  const w = reportWindow(year, asOf);
  const children = await reportChildren(db, region.code, tree);
  const codes = [region.code, ...children.map((c) => c.code)];
  const [sums, orgSums, targetRows, subsidySums] = await Promise.all([
    loadCaseSums(db, codes, LOAN_CASE_TYPE, w.ytd),
    loadCaseSums(db, [region.code], LOAN_CASE_TYPE, w.ytd, true),
    findTargets(db, codes, year),
    loadSubsidySums(db, codes, year),
  ]);
  const yearOf = (code: string): SubsidySums =>
    addSubsidySums([...(subsidySums.get(code)?.values() ?? [])]);
  const ownSubsidy = yearOf(region.code);
  const target = (code: string, ind: string) =>
    targetRows.find((t) => t.regionCode === code && t.indicator === ind)?.value ?? null;

  const own = sums.of(region.code);
  const figures: LoanSectionT['figures'] = CASE_INDICATORS.map((def) => {
    const value = caseIndicatorValue(def, own);
    const t = def.targetable ? target(region.code, def.code) : null;
    const progress = progressPct(value ?? 0, t);
    return {
      indicator: def.code,
      nameZh: def.zh,
      nameEn: def.en,
      unitZh: def.unit.zh,
      unitEn: def.unit.en,
      kind: def.kind,
      partOf: def.partOf ?? null,
      value,
      target: t,
      progressPct: progress,
      behind: isBehind(progress, elapsed),
    };
  });
  for (const def of SUBSIDY_INDICATORS) {
    figures.push({
      indicator: def.code,
      nameZh: def.zh,
      nameEn: def.en,
      unitZh: def.unit.zh,
      unitEn: def.unit.en,
      kind: 'flow',
      partOf: def.partOf ?? null,
      value: subsidyIndicatorValue(def.code, ownSubsidy),
      target: null,
      progressPct: null,
      behind: false,
    });
  }
  const quarters = [1, 2, 3, 4].map((n) => {
    const quarter = `${year}-Q${n}`;
    const s = subsidySums.get(region.code)?.get(quarter) ?? { dueFen: 0, paidFen: 0 };
    return { quarter, ...subsidyFigures(s) };
  });
  const subsidy = {
    year: subsidyFigures(ownSubsidy),
    quarters,
    children: children.map((c) => ({
      regionCode: c.code,
      regionName: c.name,
      ...subsidyFigures(yearOf(c.code)),
    })),
  };

  const defs = CASE_INDICATORS.filter((d) => ROW_INDICATORS.includes(d.code));
  const rows = children.map((c) => {
    const s = sums.of(c.code);
    const values = Object.fromEntries(defs.map((d) => [d.code, caseIndicatorValue(d, s)]));
    const t = target(c.code, TARGET_OF_ROWS);
    const progress = progressPct(values[TARGET_OF_ROWS] ?? 0, t);
    return {
      regionCode: c.code,
      regionName: c.name,
      values,
      target: t,
      progressPct: progress,
      behind: isBehind(progress, elapsed),
    };
  });

  const orgIds = orgSums.orgsOf(region.code);
  const named =
    orgIds.length === 0
      ? []
      : await db
          .select({ id: organisations.id, name: organisations.name, type: organisations.type })
          .from(organisations)
          .where(inArray(organisations.id, orgIds));
  const orgRows = named
    .map((o) => {
      const s = orgSums.of(region.code, o.id);
      const steps = s.ytd('steps');
      return {
        orgId: o.id,
        name: o.name,
        type: o.type,
        open: s.cumulative('open'),
        openOverdue: s.cumulative('open_overdue'),
        avgStepDays: steps === 0 ? null : Math.round((s.ytd('step_days') / steps) * 10) / 10,
        disbursedWan: fenToWan(s.ytd('disbursed_fen')),
        balanceWan: fenToWan(s.cumulative('balance_fen')),
      };
    })
    .sort((a, b) => b.open - a.open || a.name.localeCompare(b.name, 'zh-CN'));

  return { figures, subsidy, children: rows, organisations: orgRows };
}
