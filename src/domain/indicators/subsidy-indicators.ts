/**
 * 贴息 (interest subsidy) indicators of the guarantee loans: what the quarterly claims say is due
 * (应付), what finance has paid (已付), what is still owed (欠付) and the paid rate (兑付率), by
 * region and quarter. They are sums over the claims (`subsidy_claims`: one row per county, bank
 * and quarter, its due and paid amounts in fen), which are few enough to be summed when read, so
 * no counters are kept for them. Amounts are whole fen; 欠付 is always 应付 − 已付 exactly.
 *
 * @module
 */
import type { Unit } from './indicators.js';

export type SubsidyIndicatorCode =
  'subsidy_due' | 'subsidy_paid' | 'subsidy_outstanding' | 'subsidy_paid_rate';

/** The sums the indicators are computed from (fen). */
export interface SubsidySums {
  dueFen: number;
  paidFen: number;
}

export interface SubsidyIndicatorDef {
  readonly code: SubsidyIndicatorCode;
  readonly zh: string;
  readonly en: string;
  readonly unit: Unit;
  readonly definitionZh: string;
  readonly partOf?: SubsidyIndicatorCode;
}

const WAN: Unit = { zh: '万元', en: '10k yuan' };

/** Every 贴息 indicator, in report order. */
export const SUBSIDY_INDICATORS: readonly SubsidyIndicatorDef[] = Object.freeze([
  {
    code: 'subsidy_due',
    zh: '贴息应付',
    en: 'Interest subsidy due',
    unit: WAN,
    definitionZh: '所选年度各季度贴息申请（先付后贴，按季度、银行、区县生成）的应付贴息金额',
  },
  {
    code: 'subsidy_paid',
    zh: '贴息已付',
    en: 'Interest subsidy paid',
    unit: WAN,
    definitionZh: '财政部门已拨付的贴息金额（含部分拨付）',
    partOf: 'subsidy_due',
  },
  {
    code: 'subsidy_outstanding',
    zh: '贴息欠付',
    en: 'Interest subsidy outstanding',
    unit: WAN,
    definitionZh: '应付贴息减已付贴息',
    partOf: 'subsidy_due',
  },
  {
    code: 'subsidy_paid_rate',
    zh: '贴息兑付率',
    en: 'Share of the subsidy paid',
    unit: { zh: '%', en: '%' },
    definitionZh: '已付贴息 ÷ 应付贴息',
  },
] satisfies SubsidyIndicatorDef[]);

/** The four figures from the sums: fen exact, the rate in % with one decimal (null: nothing due). */
export interface SubsidyFigures {
  dueFen: number;
  paidFen: number;
  outstandingFen: number;
  paidRatePct: number | null;
}

/**
 * @example
 * subsidyFigures({ dueFen: 300_00, paidFen: 170_00 })
 * // => { dueFen: 30000, paidFen: 17000, outstandingFen: 13000, paidRatePct: 56.7 }
 */
export function subsidyFigures(s: SubsidySums): SubsidyFigures {
  return {
    dueFen: s.dueFen,
    paidFen: s.paidFen,
    outstandingFen: s.dueFen - s.paidFen,
    paidRatePct: s.dueFen === 0 ? null : Math.round((s.paidFen / s.dueFen) * 1000) / 10,
  };
}

/** One indicator's value: amounts in 万元 (two decimals), the rate in %. */
export function subsidyIndicatorValue(code: SubsidyIndicatorCode, s: SubsidySums): number | null {
  const f = subsidyFigures(s);
  const wan = (fen: number) => Math.round(fen / 10_000) / 100;
  switch (code) {
    case 'subsidy_due':
      return wan(f.dueFen);
    case 'subsidy_paid':
      return wan(f.paidFen);
    case 'subsidy_outstanding':
      return wan(f.outstandingFen);
    case 'subsidy_paid_rate':
      return f.paidRatePct;
  }
}

/** Adds sums (quarters into a year, counties into a region). */
export function addSubsidySums(parts: readonly SubsidySums[]): SubsidySums {
  return parts.reduce((a, p) => ({ dueFen: a.dueFen + p.dueFen, paidFen: a.paidFen + p.paidFen }), {
    dueFen: 0,
    paidFen: 0,
  });
}
