import type { CaseType } from '../../../domain/cases/case-type.js';
import type { Locale } from '../../../domain/errors/messages.js';
import type { LoanViewT } from './contract.js';
import type { LoanApplicationRow, LoanRepaymentRow, LoanScheduleRow } from './repo.js';
import type { CaseListRow } from '../cases/repo.js';

/** Principal not yet repaid on the schedule in force (0 before disbursement). */
export function loanOutstanding(
  schedules: readonly LoanScheduleRow[],
  repayments: readonly LoanRepaymentRow[],
): number {
  const current = schedules.at(-1);
  if (!current) return 0;
  const repaid = repayments.reduce((n, r) => n + r.principalFen, 0);
  return Math.max(0, current.principalFen - repaid);
}

export function presentLoan(
  row: CaseListRow,
  type: CaseType,
  app: LoanApplicationRow,
  schedules: readonly LoanScheduleRow[],
  repayments: readonly LoanRepaymentRow[],
  compensation: LoanViewT['compensation'],
  locale: Locale,
): LoanViewT {
  const state = type.states[row.state];
  return {
    caseId: row.id,
    state: row.state,
    stateName: state ? (locale === 'en' ? state.en : state.zh) : row.state,
    regionCode: row.regionCode,
    bankOrgId: row.routing['bankOrgId'] ?? null,
    application: {
      kind: app.kind as LoanViewT['application']['kind'],
      ...(app.members !== null ? { members: app.members } : {}),
      amountFen: app.amountFen,
      termMonths: app.termMonths,
      purpose: app.purpose,
      collateral: app.collateral as LoanViewT['application']['collateral'],
      declarations: app.declarations as LoanViewT['application']['declarations'],
      bankOrgId: app.bankOrgId,
    },
    eligibility: {
      eligible: app.eligibility.eligible,
      refused: app.eligibility.conditions.some((c) => c.met === false),
      conditions: app.eligibility.conditions,
      counterGuarantee: app.eligibility.counterGuarantee,
      greenChannel: app.greenChannel,
      regionCode: row.regionCode,
      date: app.productDate,
    },
    schedules: schedules.map((s, i) => ({
      id: s.id,
      revision: s.revision,
      current: i === schedules.length - 1,
      reason: s.reason as 'disbursement' | 'extension',
      principalFen: s.principalFen,
      annualRateBp: s.annualRateBp,
      subsidyBp: s.subsidyBp,
      startDate: s.startDate,
      maturityOn: s.maturityOn,
      installments: s.installments,
      createdAt: s.createdAt.toISOString(),
    })),
    repayments: repayments.map((r) => ({
      id: r.id,
      paidOn: r.paidOn,
      dueDate: r.dueDate,
      principalFen: r.principalFen,
      interestFen: r.interestFen,
      recordedBy: r.recordedByLogin,
      createdAt: r.createdAt.toISOString(),
    })),
    outstandingPrincipalFen: loanOutstanding(schedules, repayments),
    compensation,
  };
}
