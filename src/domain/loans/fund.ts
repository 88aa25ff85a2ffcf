/**
 * The guarantee fund (创业担保贷款担保基金): deposits by source, what it may guarantee (its balance
 * times the configured multiple), its overdue and 代偿 rates against the configured thresholds,
 * and the resulting status with zh-CN / English reasons.
 *
 * Sources: 财政 is the main channel. 失业保险基金 may be borrowed into the fund only 「在坚持财政
 * 筹集担保基金主渠道、保证失业保险待遇正常支付的前提下」 (南阳 S1 (十一)): a deposit from it is refused
 * unless both preconditions are confirmed.
 *
 * Rates are compared exactly (cross-multiplied integers); the bp figures returned for display are
 * rounded half up.
 *
 * @module
 */
import { catalog } from '../ledger/catalog.js';
import {
  type Bp,
  type Fen,
  formatAmountEn,
  formatAmountZh,
  formatRate,
  mulDivRound,
} from './money.js';
import { type ResolvedProduct, valueOf } from './products.js';

export const FUND_SOURCE_CODES = ['fiscal', 'unemployment_insurance', 'other'] as const;
export type FundSource = (typeof FUND_SOURCE_CODES)[number];

export const FUND_SOURCES = catalog(FUND_SOURCE_CODES, {
  fiscal: { zh: '财政筹集（主渠道）', en: 'Public finance (main channel)' },
  unemployment_insurance: { zh: '失业保险基金借用', en: 'Borrowed from the unemployment fund' },
  other: { zh: '其他', en: 'Other' },
});

export interface FundDeposit {
  source: FundSource;
  amountFen: Fen;
  date: string;
  /** Required for 失业保险基金: both preconditions confirmed by whoever records it. */
  preconditions?: { fiscalMainChannelKept: boolean; benefitsPaidNormally: boolean };
}

/** Why a deposit cannot be recorded, or null. */
export function depositProblem(d: FundDeposit): 'AMOUNT' | 'UI_PRECONDITIONS' | null {
  if (!Number.isSafeInteger(d.amountFen) || d.amountFen <= 0) return 'AMOUNT';
  if (
    d.source === 'unemployment_insurance' &&
    !(d.preconditions?.fiscalMainChannelKept && d.preconditions.benefitsPaidNormally)
  ) {
    return 'UI_PRECONDITIONS';
  }
  return null;
}

/** The fund's book and portfolio figures at a date. */
export interface FundFigures {
  deposits: readonly FundDeposit[];
  /** What the fund has paid out in 代偿 (its share), net of what was recovered. */
  compensationOutlayFen: Fen;
  /** Outstanding principal of the loans the fund guarantees (在保余额). */
  guaranteedBalanceFen: Fen;
  /** Of which overdue (逾期余额). */
  overdueBalanceFen: Fen;
  /** All principal ever guaranteed (累计担保额): the base of the 代偿 rate. */
  guaranteedTotalFen: Fen;
  /** All principal ever compensated (累计代偿额). */
  compensatedTotalFen: Fen;
}

export type FundLevel = 'normal' | 'warning' | 'stopped';

export interface FundReason {
  code: 'OVER_MULTIPLE' | 'OVERDUE_STOP' | 'OVERDUE_WARN' | 'COMPENSATION_STOP' | 'NOT_CONFIGURED';
  level: Exclude<FundLevel, 'normal'>;
  zh: string;
  en: string;
}

export interface FundStatus {
  depositsFen: Fen;
  bySource: Record<FundSource, Fen>;
  balanceFen: Fen;
  /** balance × multiple; null when the multiple is not configured. */
  capacityFen: Fen | null;
  /** capacity − guaranteed balance (may be negative). */
  headroomFen: Fen | null;
  overdueRateBp: Bp | null;
  compensationRateBp: Bp | null;
  level: FundLevel;
  reasons: FundReason[];
}

/** `a / b ≥ bp / 10 000`, exactly. */
const atLeast = (a: number, b: number, bp: number) => BigInt(a) * 10_000n >= BigInt(bp) * BigInt(b);

/**
 * The fund's status on the product's thresholds (`fund_multiple`, `fund_overdue_stop`,
 * `fund_overdue_warn`, `fund_compensation_stop`). Any stop reason stops new guarantees; a missing
 * threshold is reported as a warning, never silently passed.
 *
 * @example
 * fundStatus({ deposits: [{ source: 'fiscal', amountFen: 1e9, date: '2021-01-01' }],
 *   guaranteedBalanceFen: 4e9, overdueBalanceFen: 1.4e8, … }, product).level // => 'stopped' (3.5 %)
 */
export function fundStatus(f: FundFigures, p: ResolvedProduct): FundStatus {
  const bySource: Record<FundSource, Fen> = { fiscal: 0, unemployment_insurance: 0, other: 0 };
  for (const d of f.deposits) bySource[d.source] += d.amountFen;
  const depositsFen = bySource.fiscal + bySource.unemployment_insurance + bySource.other;
  const balanceFen = depositsFen - f.compensationOutlayFen;
  const multiple = valueOf(p, 'fund_multiple');
  const capacityFen = multiple === null ? null : Math.max(0, balanceFen) * multiple;
  const headroomFen = capacityFen === null ? null : capacityFen - f.guaranteedBalanceFen;
  const gb = f.guaranteedBalanceFen;
  const overdueRateBp = gb > 0 ? mulDivRound(f.overdueBalanceFen, 10_000, gb) : null;
  const gt = f.guaranteedTotalFen;
  const compensationRateBp = gt > 0 ? mulDivRound(f.compensatedTotalFen, 10_000, gt) : null;
  const reasons: FundReason[] = [];

  if (multiple === null || capacityFen === null) {
    reasons.push(missing('担保基金放大倍数', 'The guarantee multiple'));
  } else if (f.guaranteedBalanceFen > capacityFen) {
    reasons.push({
      code: 'OVER_MULTIPLE',
      level: 'stopped',
      zh: `在保余额 ${formatAmountZh(gb)}超过基金余额 ${formatAmountZh(balanceFen)}的 ${multiple} 倍（${formatAmountZh(capacityFen)}），暂停新增担保`,
      en: `Guaranteed balance ${formatAmountEn(gb)} exceeds ${multiple} × the fund balance (${formatAmountEn(capacityFen)}); new guarantees stop`,
    });
  }
  const stop = valueOf(p, 'fund_overdue_stop');
  const warn = valueOf(p, 'fund_overdue_warn');
  if (stop === null) reasons.push(missing('逾期率暂停线', 'The overdue stop line'));
  if (gb > 0 && overdueRateBp !== null) {
    if (stop !== null && atLeast(f.overdueBalanceFen, gb, stop)) {
      reasons.push({
        code: 'OVERDUE_STOP',
        level: 'stopped',
        zh: `逾期率 ${formatRate(overdueRateBp)}达到暂停线 ${formatRate(stop)}，暂停新增担保${cite(p.fund_overdue_stop)}`,
        en: `Overdue rate ${formatRate(overdueRateBp)} reaches the stop line of ${formatRate(stop)}; new guarantees stop`,
      });
    } else if (warn !== null && atLeast(f.overdueBalanceFen, gb, warn)) {
      reasons.push({
        code: 'OVERDUE_WARN',
        level: 'warning',
        zh: `逾期率 ${formatRate(overdueRateBp)}达到预警线 ${formatRate(warn)}${cite(p.fund_overdue_warn)}`,
        en: `Overdue rate ${formatRate(overdueRateBp)} reaches the warning line of ${formatRate(warn)}`,
      });
    }
  }
  const cstop = valueOf(p, 'fund_compensation_stop');
  if (
    cstop !== null &&
    gt > 0 &&
    compensationRateBp !== null &&
    atLeast(f.compensatedTotalFen, gt, cstop)
  ) {
    reasons.push({
      code: 'COMPENSATION_STOP',
      level: 'stopped',
      zh: `代偿率 ${formatRate(compensationRateBp)}达到暂停线 ${formatRate(cstop)}，暂停新增担保${cite(p.fund_compensation_stop)}`,
      en: `Compensation rate ${formatRate(compensationRateBp)} reaches the stop line of ${formatRate(cstop)}; new guarantees stop`,
    });
  }
  const level: FundLevel = reasons.some((r) => r.level === 'stopped')
    ? 'stopped'
    : reasons.length > 0
      ? 'warning'
      : 'normal';
  return {
    depositsFen,
    bySource,
    balanceFen,
    capacityFen,
    headroomFen,
    overdueRateBp,
    compensationRateBp,
    level,
    reasons,
  };
}

const cite = (r: { source: string; illustrative: boolean } | null) =>
  r ? `（${r.source}${r.illustrative ? '，演示值' : ''}）` : '';

function missing(zh: string, en: string): FundReason {
  return {
    code: 'NOT_CONFIGURED',
    level: 'warning',
    zh: `${zh}尚未配置`,
    en: `${en} is not configured`,
  };
}

/**
 * Whether the fund may guarantee a new loan of `amountFen`: not stopped and within headroom.
 *
 * @example
 * mayGuarantee(status, 30_000_000) // => { ok: false, zh: '…暂停新增担保' }
 */
export function mayGuarantee(
  s: FundStatus,
  amountFen: Fen,
): { ok: boolean; zh: string; en: string } {
  const stop = s.reasons.find((r) => r.level === 'stopped');
  if (stop) return { ok: false, zh: stop.zh, en: stop.en };
  if (s.headroomFen !== null && amountFen > s.headroomFen) {
    return {
      ok: false,
      zh: `担保额度余量 ${formatAmountZh(Math.max(0, s.headroomFen))}不足以担保 ${formatAmountZh(amountFen)}`,
      en: `Headroom of ${formatAmountEn(Math.max(0, s.headroomFen))} is not enough for ${formatAmountEn(amountFen)}`,
    };
  }
  return { ok: true, zh: '担保基金可以承保', en: 'The fund can guarantee this loan' };
}

/**
 * A 代偿 split between the fund (its configured share, rounded half up) and the lending bank
 * (the rest), so the two always add up to the amount compensated.
 *
 * @example
 * compensationSplit(100_001, 8_000) // => { fundFen: 80_001, bankFen: 20_000 }
 */
export function compensationSplit(amountFen: Fen, fundShareBp: Bp): { fundFen: Fen; bankFen: Fen } {
  const fundFen = mulDivRound(amountFen, fundShareBp, 10_000);
  return { fundFen, bankFen: amountFen - fundFen };
}
