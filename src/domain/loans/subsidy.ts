/**
 * Interest subsidy (财政贴息) of guarantee loans: per loan per quarter, gathered per bank into a
 * quarterly claim, and the claim's due / paid / outstanding.
 *
 * Rules, stated once:
 * - 先付后贴: a period's subsidy counts only once the borrower has paid that period's interest in
 *   full (on or before the cut-off `asOf`); an unpaid or part-paid period earns nothing yet and is
 *   reported as `withheldFen`.
 * - A period's subsidy (from the schedule, see schedule.ts) belongs to the calendar quarters its
 *   days fall in, in proportion to the days, shared by largest remainder: the quarter parts of a
 *   period always add up to the period's subsidy, to the fen.
 * - A bank's claim for a quarter is the sum of its loans' parts for that quarter. A payment by
 *   finance that covers less than the claim is shared over the claim's loans in proportion to
 *   what each is due, by largest remainder, so the loan parts add up to the payment exactly.
 *
 * @module
 */
import { type Quarter, dayNumber, quarterDays, quartersBetween } from './dates.js';
import { apportion, type Fen } from './money.js';
import type { Installment } from './schedule.js';

/** Interest the borrower actually paid for one installment (by its due date). */
export interface InterestPayment {
  dueDate: string;
  paidOn: string;
  interestFen: Fen;
}

/** One loan's subsidy in one quarter. */
export interface QuarterSubsidy {
  quarter: Quarter;
  /** Claimable: on periods the borrower has paid. */
  subsidyFen: Fen;
  /** Not (yet) claimable: on periods not paid in full by the cut-off. */
  withheldFen: Fen;
}

/** Whether an installment's interest was paid in full on or before `asOf`. */
export function installmentPaid(
  inst: Installment,
  payments: readonly InterestPayment[],
  asOf: string,
): boolean {
  const paid = payments
    .filter((p) => p.dueDate === inst.dueDate && p.paidOn <= asOf)
    .reduce((n, p) => n + p.interestFen, 0);
  return paid >= inst.interestFen;
}

/**
 * A period's subsidy shared over the quarters its days fall in (largest remainder by days).
 *
 * @example
 * periodByQuarter({ periodStart: '2024-02-15', dueDate: '2024-05-15', subsidyFen: 100, … })
 * // => [['2024-Q1', 51], ['2024-Q2', 49]]   (46 days and 45 days)
 */
export function periodByQuarter(inst: Installment): [Quarter, Fen][] {
  const from = dayNumber(inst.periodStart);
  const to = dayNumber(inst.dueDate);
  const quarters = quartersBetween(from, to);
  const days = quarters.map((q) => {
    const [a, b] = quarterDays(q);
    return Math.min(b, to) - Math.max(a, from);
  });
  const parts = apportion(inst.subsidyFen, days);
  return quarters.map((q, i) => [q, parts[i]!]);
}

/**
 * One loan's subsidy per quarter, in quarter order, as of a cut-off date.
 *
 * @example
 * loanSubsidyByQuarter(schedule, payments, '2024-12-31')
 * // => [{ quarter: '2024-Q1', subsidyFen: 62_500, withheldFen: 0 }, …]
 */
export function loanSubsidyByQuarter(
  schedule: readonly Installment[],
  payments: readonly InterestPayment[],
  asOf: string,
): QuarterSubsidy[] {
  const byQuarter = new Map<Quarter, QuarterSubsidy>();
  for (const inst of schedule) {
    const paid = installmentPaid(inst, payments, asOf);
    for (const [quarter, fen] of periodByQuarter(inst)) {
      const row = byQuarter.get(quarter) ?? { quarter, subsidyFen: 0, withheldFen: 0 };
      if (paid) row.subsidyFen += fen;
      else row.withheldFen += fen;
      byQuarter.set(quarter, row);
    }
  }
  return [...byQuarter.values()].sort((a, b) => (a.quarter < b.quarter ? -1 : 1));
}

/** A loan's line in a claim. */
export interface ClaimLoan {
  loanId: string;
  bankOrgId: string;
  /** The county (or other region) the loan is counted in. */
  regionCode: string;
  subsidyByQuarter: readonly QuarterSubsidy[];
}

export interface ClaimLine {
  loanId: string;
  regionCode: string;
  dueFen: Fen;
}

/** A bank's quarterly 贴息 claim. `dueFen` is the sum of its lines. */
export interface BankClaim {
  bankOrgId: string;
  quarter: Quarter;
  lines: ClaimLine[];
  dueFen: Fen;
}

/**
 * The quarterly claims of each bank: the loans' claimable subsidy in `quarter`, gathered per
 * bank (loans with nothing due are left out; banks with nothing due get no claim).
 */
export function quarterlyClaims(loans: readonly ClaimLoan[], quarter: Quarter): BankClaim[] {
  const claims = new Map<string, BankClaim>();
  for (const loan of loans) {
    const due = loan.subsidyByQuarter.find((q) => q.quarter === quarter)?.subsidyFen ?? 0;
    if (due === 0) continue;
    const c = claims.get(loan.bankOrgId) ?? {
      bankOrgId: loan.bankOrgId,
      quarter,
      lines: [],
      dueFen: 0,
    };
    c.lines.push({ loanId: loan.loanId, regionCode: loan.regionCode, dueFen: due });
    c.dueFen += due;
    claims.set(loan.bankOrgId, c);
  }
  return [...claims.values()].sort((a, b) => (a.bankOrgId < b.bankOrgId ? -1 : 1));
}

/** Due, paid and outstanding of a claim, a bank, a county or a quarter. */
export interface Settlement {
  dueFen: Fen;
  paidFen: Fen;
  outstandingFen: Fen;
}

/**
 * Shares a payment by finance over a claim's lines in proportion to what each is due (largest
 * remainder), never more than a line is due. Refuses a payment above the claim.
 *
 * @example
 * allocatePayment({ lines: [{ dueFen: 100 }, { dueFen: 200 }], dueFen: 300, … }, 100)
 * // => [{ …, dueFen: 100, paidFen: 33, outstandingFen: 67 }, { …, paidFen: 67, outstandingFen: 133 }]
 */
export function allocatePayment(claim: BankClaim, paidFen: Fen): (ClaimLine & Settlement)[] {
  if (!Number.isSafeInteger(paidFen) || paidFen < 0 || paidFen > claim.dueFen) {
    throw new RangeError(`payment ${paidFen} must be between 0 and the claim ${claim.dueFen}`);
  }
  const parts = apportion(
    paidFen,
    claim.lines.map((l) => l.dueFen),
  );
  return claim.lines.map((l, i) => ({
    ...l,
    paidFen: parts[i]!,
    outstandingFen: l.dueFen - parts[i]!,
  }));
}

/**
 * Due vs paid vs outstanding summed by a key (bank, county, quarter).
 *
 * @example
 * settlementBy(rows, (r) => r.regionCode) // Map { '411302000000' => { dueFen, paidFen, outstandingFen } }
 */
export function settlementBy<T extends Settlement>(
  rows: readonly T[],
  key: (row: T) => string,
): Map<string, Settlement> {
  const out = new Map<string, Settlement>();
  for (const r of rows) {
    const k = key(r);
    const s = out.get(k) ?? { dueFen: 0, paidFen: 0, outstandingFen: 0 };
    s.dueFen += r.dueFen;
    s.paidFen += r.paidFen;
    s.outstandingFen += r.outstandingFen;
    out.set(k, s);
  }
  return out;
}
