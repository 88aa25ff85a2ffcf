import { AppError } from '../../../domain/errors/codes.js';
import { type FundSource, fundStatus, mayGuarantee } from '../../../domain/loans/fund.js';
import type { Executor } from '../../platform/db/client.js';
import { fundDeposits, guaranteedLoans, repaidPrincipal } from './finance-repo.js';
import { productFor } from './product.js';

/** The fund's figures and status at a region (the county's fund) on the product in force. */
export async function fundAt(db: Executor, regionCode: string, date: string) {
  const deposits = await fundDeposits(db, regionCode);
  const rows = await guaranteedLoans(db, regionCode);
  const current = new Map<string, (typeof rows)[number]>();
  for (const r of rows) current.set(r.caseId, r);
  const loans = [...current.values()];
  const repaid = await repaidPrincipal(
    db,
    loans.map((l) => l.caseId),
  );
  const product = await productFor(db, regionCode, date);
  let guaranteedBalanceFen = 0;
  let overdueBalanceFen = 0;
  let guaranteedTotalFen = 0;
  let compensatedTotalFen = 0;
  let compensationOutlayFen = 0;
  const share = product.fund_compensation_share?.value ?? 10_000;
  for (const l of loans) {
    guaranteedTotalFen += l.principalFen;
    const left = Math.max(0, l.principalFen - (repaid.get(l.caseId) ?? 0));
    if (l.state === 'repaying' || l.state === 'overdue') guaranteedBalanceFen += left;
    if (l.state === 'overdue') overdueBalanceFen += left;
    if (l.state === 'compensated') {
      const fen = typeof l.data['compensatedFen'] === 'number' ? l.data['compensatedFen'] : left;
      compensatedTotalFen += fen;
      compensationOutlayFen += Math.round((fen * share) / 10_000);
    }
  }
  const status = fundStatus(
    {
      deposits: deposits.map((d) => ({
        source: d.source as FundSource,
        amountFen: d.amountFen,
        date: d.date,
      })),
      compensationOutlayFen,
      guaranteedBalanceFen,
      overdueBalanceFen,
      guaranteedTotalFen,
      compensatedTotalFen,
    },
    product,
  );
  return { status, deposits, guaranteedBalanceFen };
}

/**
 * The guarantee step's check: refuses a new guarantee when the fund of the loan's county (or
 * the nearest region with deposits) is stopped or lacks headroom. A region with no deposits at
 * all is not checked (no fund registered there yet).
 */
export async function requireFundMayGuarantee(
  tx: Executor,
  regionCode: string,
  amountFen: number,
  date: string,
): Promise<void> {
  const county = regionCode.slice(0, 6) + '000000';
  const f = await fundAt(tx, county, date);
  if (f.deposits.length === 0) return;
  const may = mayGuarantee(f.status, amountFen);
  if (!may.ok) throw new AppError('LOAN_FUND_STOPPED', { reason: may.zh, reasonEn: may.en });
}
