import { AppError } from '../../../domain/errors/codes.js';
import { dayNumber } from '../../../domain/loans/dates.js';
import { interestSplit } from '../../../domain/loans/products.js';
import { repaymentSchedule } from '../../../domain/loans/schedule.js';
import type { Executor } from '../../platform/db/client.js';
import type { TransitionEffect, TransitionEffectRun } from '../cases/transition-effect.js';
import { loanOutstanding } from './presenter.js';
import { findRepayments, findSchedules, insertSchedule } from './repo.js';
import { requireFundMayGuarantee } from './fund-check.js';
import { productFor } from './product.js';

/**
 * What the loan module does when a guarantee-loan case moves, inside the transition's own
 * transaction (so a failure leaves neither the move nor its rows):
 * - `disburse`: the repayment schedule (revision 1) from the amount, date and rate disbursed;
 * - `extend` (展期): a new schedule to the new maturity (earlier revisions kept as history);
 * - `settle` (结清): refused while principal is outstanding.
 */

/** Whole months from `from` to `to` (at least 1). */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  const m = (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
  return Math.max(1, m);
}

async function layDown(
  tx: Executor,
  c: { id: string; regionCode: string },
  v: {
    revision: number;
    reason: 'disbursement' | 'extension';
    principalFen: number;
    annualRateBp: number;
    startDate: string;
    maturityOn: string;
    now: Date;
  },
): Promise<void> {
  if (dayNumber(v.maturityOn) <= dayNumber(v.startDate)) {
    throw new AppError('CASE_FIELDS_INVALID', { fields: ['maturityOn'] });
  }
  const product = await productFor(tx, c.regionCode, v.startDate);
  const split = interestSplit(product, v.annualRateBp);
  const subsidyBp = split?.subsidyBp ?? 0;
  const installments = repaymentSchedule({
    principalFen: v.principalFen,
    annualRateBp: v.annualRateBp,
    subsidyBp,
    termMonths: monthsBetween(v.startDate, v.maturityOn),
    startDate: v.startDate,
    method: 'bullet',
  });
  await insertSchedule(tx, {
    caseId: c.id,
    revision: v.revision,
    reason: v.reason,
    principalFen: v.principalFen,
    annualRateBp: v.annualRateBp,
    subsidyBp,
    startDate: v.startDate,
    maturityOn: installments.at(-1)!.dueDate,
    installments,
    createdAt: v.now,
  });
}

const runLoanEffect: TransitionEffectRun = async (tx, e) => {
  const c = e.case;
  if (e.transition === 'guarantee_approve' || e.transition === 'eligible_green') {
    const amount = typeof c.data['amountFen'] === 'number' ? c.data['amountFen'] : 0;
    await requireFundMayGuarantee(tx, c.regionCode, amount, e.now.toISOString().slice(0, 10));
  } else if (e.transition === 'disburse') {
    const f = e.fields as {
      disbursedFen: number;
      disbursedOn: string;
      annualRateBp: number;
      maturityOn: string;
    };
    await layDown(tx, c, {
      revision: 1,
      reason: 'disbursement',
      principalFen: f.disbursedFen,
      annualRateBp: f.annualRateBp,
      startDate: f.disbursedOn,
      maturityOn: f.maturityOn,
      now: e.now,
    });
  } else if (e.transition === 'extend') {
    const schedules = await findSchedules(tx, c.id);
    const prev = schedules.at(-1);
    if (!prev) return;
    const maturityOn = String(e.fields['maturityOn']);
    if (maturityOn <= prev.maturityOn) {
      throw new AppError('CASE_FIELDS_INVALID', { fields: ['maturityOn'] });
    }
    // The same quarterly dates from the disbursement day; only the maturity moves.
    await layDown(tx, c, {
      revision: prev.revision + 1,
      reason: 'extension',
      principalFen: prev.principalFen,
      annualRateBp: prev.annualRateBp,
      startDate: prev.startDate,
      maturityOn,
      now: e.now,
    });
  } else if (e.transition === 'settle') {
    const outstanding = loanOutstanding(
      await findSchedules(tx, c.id),
      await findRepayments(tx, c.id),
    );
    if (outstanding > 0) {
      throw new AppError('LOAN_REPAYMENT_INVALID', {
        reason: `尚有未还本金 ${outstanding} 分，不能结清`,
        reasonEn: `${outstanding} fen of principal is outstanding; the loan cannot be settled`,
      });
    }
  }
};

export const loanTransitionEffect: TransitionEffect = {
  on: ['guarantee_approve', 'eligible_green', 'disburse', 'extend', 'settle'],
  run: runLoanEffect,
};
