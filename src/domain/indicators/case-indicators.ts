/**
 * Case and 创业担保贷款 indicators, declared like the ledger's ({@link ./indicators.ts}) but read
 * from their own counters: `stats.case_counters` holds one number per (case type, region at every
 * level, organisation, month, metric). The metrics below are what the triggers of migration
 * `case_counters` add per case row and per transition (see
 * `src/server/statistics/stats/case-counter-sql.ts`); every indicator is a metric or a ratio of
 * two metric sums (rates, averages), so nothing but sums is ever stored.
 *
 * Flows (放款) are placed in the month of the disbursement date; the current state of a file
 * (open, 超时, balance, overdue) is a stock kept in the undated month `0000-00` (it is "now").
 * Step durations are placed in the month the step ended.
 *
 * @module
 */
import type { Unit } from './indicators.js';

/** The case type whose files are the guarantee loans. */
export const LOAN_CASE_TYPE = 'guarantee-loan';

/** States of a loan file after the money moved (the disbursement counts in every one of them). */
export const DISBURSED_STATES = ['repaying', 'overdue', 'settled', 'compensated'] as const;
/** States in which a loan is outstanding (it has a balance). */
export const OUTSTANDING_STATES = ['repaying', 'overdue'] as const;

export const CASE_METRICS = [
  /** Open files on a clock (not terminal, current step has a due date), by owner organisation. */
  'open',
  /** Of which past their step's time limit (超时). */
  'open_overdue',
  /** Loans disbursed: count and amount (fen), by the disbursement month; by bank. */
  'disbursed_count',
  'disbursed_fen',
  /** Of which to 返乡农民工 (the applicant's ledger category when the money moved). */
  'migrant_count',
  'migrant_fen',
  /** Outstanding balance (disbursed minus repaid, fen) of loans repaying or overdue. */
  'balance_fen',
  /** Balance of the loans now overdue (fen) and their count. */
  'overdue_fen',
  'overdue_count',
  /** Loans compensated by the guarantee fund (代偿): count and amount (fen). */
  'compensated_count',
  'compensated_fen',
  /** Working days spent in steps that ended, and how many steps (per transition, by actor org). */
  'step_days',
  'steps',
] as const;
export type CaseMetric = (typeof CASE_METRICS)[number];

/** Metrics kept for the current state (stocks, undated month). */
export const STOCK_METRICS: readonly CaseMetric[] = [
  'open',
  'open_overdue',
  'balance_fen',
  'overdue_fen',
  'overdue_count',
];

export type CaseIndicatorCode =
  | 'loans_disbursed'
  | 'loans_disbursed_count'
  | 'loans_disbursed_migrant'
  | 'loan_balance'
  | 'loan_overdue_rate'
  | 'loan_compensation_rate'
  | 'cases_overdue'
  | 'case_step_days';

/** How an indicator is computed from metric sums. */
export type CaseFormula =
  /** A metric summed over the year to date (flow) or as now (stock); fen shown as 万元. */
  | { readonly kind: 'metric'; readonly metric: CaseMetric; readonly wan?: boolean }
  /** num / den × 100, one decimal; `cumulative` reads both over every month so far. */
  | { readonly kind: 'pct'; readonly num: CaseMetric; readonly den: CaseMetric }
  /** num / den, one decimal. */
  | { readonly kind: 'avg'; readonly num: CaseMetric; readonly den: CaseMetric };

export interface CaseIndicatorDef {
  readonly code: CaseIndicatorCode;
  readonly zh: string;
  readonly en: string;
  readonly unit: Unit;
  /** flow: year to date; stock: now; cumulative: every month so far. */
  readonly kind: 'flow' | 'stock' | 'cumulative';
  readonly formula: CaseFormula;
  readonly definitionZh: string;
  readonly partOf?: CaseIndicatorCode;
  /** Annual targets may be set on it (the quarterly workbook prints it then). */
  readonly targetable?: boolean;
}

const WAN: Unit = { zh: '万元', en: '10k yuan' };
const PCT: Unit = { zh: '%', en: '%' };

/** Every case indicator, in report order. */
export const CASE_INDICATORS: readonly CaseIndicatorDef[] = Object.freeze([
  {
    code: 'loans_disbursed',
    zh: '发放创业担保贷款',
    en: 'Start-up guarantee loans disbursed',
    unit: WAN,
    kind: 'flow',
    formula: { kind: 'metric', metric: 'disbursed_fen', wan: true },
    definitionZh: '年内放款的创业担保贷款金额（按放款日期，含已结清、已代偿）',
    targetable: true,
  },
  {
    code: 'loans_disbursed_count',
    zh: '发放创业担保贷款笔数',
    en: 'Loans disbursed (count)',
    unit: { zh: '笔', en: 'loans' },
    kind: 'flow',
    formula: { kind: 'metric', metric: 'disbursed_count' },
    definitionZh: '年内放款的创业担保贷款笔数',
  },
  {
    code: 'loans_disbursed_migrant',
    zh: '其中：为返乡农民工提供创业担保贷款',
    en: 'of which: to returning migrant workers',
    unit: WAN,
    kind: 'flow',
    formula: { kind: 'metric', metric: 'migrant_fen', wan: true },
    definitionZh: '放款时申请人台账类别含“农民工”的贷款金额',
    partOf: 'loans_disbursed',
    targetable: true,
  },
  {
    code: 'loan_balance',
    zh: '创业担保贷款余额',
    en: 'Outstanding balance',
    unit: WAN,
    kind: 'stock',
    formula: { kind: 'metric', metric: 'balance_fen', wan: true },
    definitionZh: '还款中和逾期贷款的放款金额减已还本金',
  },
  {
    code: 'loan_overdue_rate',
    zh: '逾期率',
    en: 'Overdue rate',
    unit: PCT,
    kind: 'stock',
    formula: { kind: 'pct', num: 'overdue_fen', den: 'balance_fen' },
    definitionZh: '逾期贷款余额 ÷ 贷款余额',
  },
  {
    code: 'loan_compensation_rate',
    zh: '代偿率',
    en: 'Compensation rate',
    unit: PCT,
    kind: 'cumulative',
    formula: { kind: 'pct', num: 'compensated_fen', den: 'disbursed_fen' },
    definitionZh: '累计代偿金额 ÷ 累计放款金额',
  },
  {
    code: 'cases_overdue',
    zh: '超时办件',
    en: 'Files past their time limit',
    unit: { zh: '件', en: 'files' },
    kind: 'stock',
    formula: { kind: 'metric', metric: 'open_overdue' },
    definitionZh: '在办且当前环节已超过时限（工作日）的办件',
  },
  {
    code: 'case_step_days',
    zh: '平均每环节用时',
    en: 'Average working days per step',
    unit: { zh: '个工作日', en: 'working days' },
    kind: 'flow',
    formula: { kind: 'avg', num: 'step_days', den: 'steps' },
    definitionZh: '年内办结的审批环节所用工作日的平均数',
  },
] satisfies CaseIndicatorDef[]);

/** Metric sums of one region (or organisation): year to date, and every month so far. */
export interface MetricSums {
  ytd: (m: CaseMetric) => number;
  cumulative: (m: CaseMetric) => number;
}

/** Fen as 万元 with two decimals (1 万元 = 1,000,000 fen). */
export function fenToWan(fen: number): number {
  return Math.round(fen / 10_000) / 100;
}

/**
 * An indicator's value from metric sums (null when a ratio has nothing to divide by).
 *
 * @example
 * caseIndicatorValue(CASE_INDICATORS[0], { ytd: () => 123_000_000, cumulative: () => 0 }) // => 123
 */
export function caseIndicatorValue(def: CaseIndicatorDef, s: MetricSums): number | null {
  const read = (m: CaseMetric) => (def.kind === 'flow' ? s.ytd(m) : s.cumulative(m)); // stocks live in the undated month
  const f = def.formula;
  if (f.kind === 'metric') return f.wan ? fenToWan(read(f.metric)) : read(f.metric);
  const den = read(f.den);
  if (den === 0) return null;
  const ratio = read(f.num) / den;
  return f.kind === 'pct' ? Math.round(ratio * 1000) / 10 : Math.round(ratio * 10) / 10;
}

/** True for a case indicator on which annual targets may be set. */
export function isCaseTargetCode(code: string): boolean {
  return CASE_INDICATORS.some((d) => d.code === code && d.targetable === true);
}
