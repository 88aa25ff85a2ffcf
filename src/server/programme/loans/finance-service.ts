import { AppError } from '../../../domain/errors/codes.js';
import { cstDate } from '../../../domain/indicators/periods.js';
import type { Quarter } from '../../../domain/loans/dates.js';
import { depositProblem } from '../../../domain/loans/fund.js';
import {
  allocatePayment,
  loanSubsidyByQuarter,
  quarterlyClaims,
  settlementBy,
} from '../../../domain/loans/subsidy.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { AppDeps } from '../../platform/http/types.js';
import { assertRegionInScope, requirePermission, scopeRoots } from '../../access/scope/scope.js';
import type {
  ClaimsQueryT,
  ClaimViewT,
  DepositBodyT,
  FundViewT,
  SummaryQueryT,
  SummaryViewT,
} from './contract.js';
import {
  addClaimPaid,
  claimExists,
  claimLines,
  claimPayments,
  findClaim,
  insertClaim,
  insertClaimLines,
  insertClaimPayment,
  insertDeposit,
  listClaims,
  loansForClaims,
  setLinePaid,
  type ClaimRow,
} from './finance-repo.js';
import { fundAt } from './fund-check.js';

/**
 * 贴息 claims and the guarantee fund. Finance staff (subsidy.pay) build a county's quarterly
 * claims per bank from the schedules and the interest actually paid (先付后贴), and record
 * payments, in part if need be, never above what is due; readers (subsidy.read) see claims and
 * due / paid / outstanding by bank, county or quarter. The fund's status needs fund.read, deposits
 * into it fund.manage (财政, the fund's main channel). All within region scope.
 */

/** The last day of a quarter (`2025-Q2` → `2025-06-30`): the cut-off of its claim. */
function quarterEnd(q: string): string {
  const [y, n] = [Number(q.slice(0, 4)), Number(q.slice(6))];
  const month = n * 3;
  const last = new Date(Date.UTC(y, month, 0)).getUTCDate();
  return `${y}-${String(month).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}

/**
 * Builds the quarter's claims of a county, one per bank with something due, lines and totals in
 * one transaction (a failure midway leaves none). A quarter is built once (LOAN_CLAIM_EXISTS).
 */
export async function buildClaims(
  deps: AppDeps,
  ctx: RequestContext,
  body: { quarter: string; regionCode: string },
): Promise<{ items: ClaimViewT[] }> {
  const actor = requirePermission(ctx, 'subsidy.pay');
  assertRegionInScope(actor, 'subsidy.pay', body.regionCode, 'write');
  const now = deps.clock();
  // 先付后贴: interest paid by the quarter's last day counts (recorded since, too).
  const asOf = quarterEnd(body.quarter);
  const loans = await loansForClaims(deps.db, body.regionCode);
  const claims = quarterlyClaims(
    loans.map((l) => ({
      loanId: l.caseId,
      bankOrgId: l.routing['bankOrgId'] ?? '',
      regionCode: l.regionCode,
      subsidyByQuarter: loanSubsidyByQuarter(
        l.schedule.installments,
        l.repayments.flatMap((r) =>
          r.dueDate ? [{ dueDate: r.dueDate, paidOn: r.paidOn, interestFen: r.interestFen }] : [],
        ),
        asOf,
      ),
    })),
    body.quarter as Quarter,
  ).filter((c) => c.bankOrgId !== '');
  await deps.db.transaction(async (tx) => {
    if (await claimExists(tx, body.quarter, body.regionCode)) {
      throw new AppError('LOAN_CLAIM_EXISTS', { quarter: body.quarter });
    }
    for (const c of claims) {
      const claimId = await insertClaim(tx, {
        quarter: body.quarter,
        regionCode: body.regionCode,
        bankOrgId: c.bankOrgId,
        dueFen: c.dueFen,
        createdBy: actor.userId,
        createdAt: now,
      });
      await insertClaimLines(
        tx,
        c.lines.map((l) => ({
          claimId,
          caseId: l.loanId,
          regionCode: l.regionCode,
          dueFen: l.dueFen,
        })),
      );
    }
    await recordAudit(tx, ctx, now, {
      action: 'subsidy.claims_build',
      objectType: 'subsidy_claim',
      objectId: `${body.quarter}:${body.regionCode}`,
      permission: 'subsidy.pay',
      details: { claims: claims.length, dueFen: claims.reduce((n, c) => n + c.dueFen, 0) },
    });
  });
  return listClaimViews(deps, ctx, { quarter: body.quarter, region: body.regionCode });
}

function presentClaim(c: ClaimRow, bankName: string): ClaimViewT {
  return {
    id: c.id,
    quarter: c.quarter,
    regionCode: c.regionCode,
    bankOrgId: c.bankOrgId,
    bankName,
    state: c.paidFen === 0 ? 'open' : c.paidFen < c.dueFen ? 'part_paid' : 'paid',
    dueFen: c.dueFen,
    paidFen: c.paidFen,
    outstandingFen: c.dueFen - c.paidFen,
    createdAt: c.createdAt.toISOString(),
  };
}

export async function listClaimViews(
  deps: AppDeps,
  ctx: RequestContext,
  q: ClaimsQueryT,
): Promise<{ items: ClaimViewT[] }> {
  const actor = requirePermission(ctx, 'subsidy.read');
  const rows = await listClaims(deps.db, scopeRoots(actor, 'subsidy.read'), q);
  return { items: rows.map((r) => presentClaim(r.claim, r.bankName)) };
}

async function readableClaim(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  perm: 'subsidy.read' | 'subsidy.pay',
) {
  const actor = requirePermission(ctx, perm);
  const c = await findClaim(deps.db, id);
  if (!c) throw new AppError('NOT_FOUND');
  assertRegionInScope(actor, perm, c.regionCode);
  return { actor, c };
}

export async function claimDetail(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
): Promise<ClaimViewT> {
  const { c } = await readableClaim(deps, ctx, id, 'subsidy.read');
  const [row] = (
    await listClaims(deps.db, [c.regionCode], { quarter: c.quarter, bankOrgId: c.bankOrgId })
  ).filter((r) => r.claim.id === id);
  const lines = await claimLines(deps.db, id);
  const pays = await claimPayments(deps.db, id);
  return {
    ...presentClaim(c, row?.bankName ?? ''),
    lines: lines.map((l) => ({
      caseId: l.caseId,
      regionCode: l.regionCode,
      borrowerName: null,
      dueFen: l.dueFen,
      paidFen: l.paidFen,
      outstandingFen: l.dueFen - l.paidFen,
    })),
    payments: pays.map((p) => ({
      amountFen: p.amountFen,
      paidOn: p.paidOn,
      document: p.document,
      by: p.byLogin,
    })),
  };
}

/**
 * Records a payment on a claim: the claim's paid amount grows only while it stays within due
 * (a conditional update, so two payments at once cannot overpay: LOAN_CLAIM_OVERPAID), and the
 * cumulative payment is shared over the lines in proportion to what each is due.
 */
export async function payClaim(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  body: { amountFen: number; paidOn: string; document: string },
): Promise<ClaimViewT> {
  const { actor, c } = await readableClaim(deps, ctx, id, 'subsidy.pay');
  if (c.regionCode && !scopeRoots(actor, 'subsidy.pay').length) throw new AppError('FORBIDDEN');
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    if (!(await addClaimPaid(tx, id, body.amountFen))) {
      throw new AppError('LOAN_CLAIM_OVERPAID', { outstanding: c.dueFen - c.paidFen });
    }
    const fresh = (await findClaim(tx, id))!;
    const lines = await claimLines(tx, id);
    const shares = allocatePayment(
      {
        bankOrgId: fresh.bankOrgId,
        quarter: fresh.quarter as Quarter,
        dueFen: fresh.dueFen,
        lines: lines.map((l) => ({ loanId: l.caseId, regionCode: l.regionCode, dueFen: l.dueFen })),
      },
      fresh.paidFen,
    );
    for (const s of shares) await setLinePaid(tx, id, s.loanId, s.paidFen);
    await insertClaimPayment(tx, {
      claimId: id,
      amountFen: body.amountFen,
      paidOn: body.paidOn,
      document: body.document,
      byLogin: actor.login,
      createdAt: now,
    });
    await recordAudit(tx, ctx, now, {
      action: 'subsidy.pay',
      objectType: 'subsidy_claim',
      objectId: id,
      permission: 'subsidy.pay',
      details: { amountFen: body.amountFen, paidOn: body.paidOn, document: body.document },
    });
  });
  return claimDetail(deps, ctx, id);
}

/** Due / paid / outstanding by bank, county or quarter, within scope. */
export async function claimSummary(
  deps: AppDeps,
  ctx: RequestContext,
  q: SummaryQueryT,
): Promise<SummaryViewT> {
  const actor = requirePermission(ctx, 'subsidy.read');
  const rows = (await listClaims(deps.db, scopeRoots(actor, 'subsidy.read'), q)).map((r) => ({
    ...presentClaim(r.claim, r.bankName),
  }));
  const key = (r: ClaimViewT) =>
    q.by === 'bank' ? r.bankOrgId : q.by === 'county' ? r.regionCode : r.quarter;
  const names = new Map(rows.map((r) => [key(r), q.by === 'bank' ? r.bankName : key(r)]));
  const by = settlementBy(rows, key);
  const total = settlementBy(rows, () => 'all').get('all') ?? {
    dueFen: 0,
    paidFen: 0,
    outstandingFen: 0,
  };
  return {
    by: q.by,
    items: [...by.entries()].map(([k, s]) => ({ key: k, name: names.get(k) ?? k, ...s })),
    total,
  };
}

// —— 担保基金 ——

export async function fundView(
  deps: AppDeps,
  ctx: RequestContext,
  regionCode: string,
): Promise<FundViewT> {
  const actor = requirePermission(ctx, 'fund.read');
  assertRegionInScope(actor, 'fund.read', regionCode);
  const f = await fundAt(deps.db, regionCode, cstDate(deps.clock()));
  return {
    regionCode,
    depositsFen: f.status.depositsFen,
    bySource: f.status.bySource,
    balanceFen: f.status.balanceFen,
    guaranteedBalanceFen: f.guaranteedBalanceFen,
    capacityFen: f.status.capacityFen,
    headroomFen: f.status.headroomFen,
    overdueRateBp: f.status.overdueRateBp,
    compensationRateBp: f.status.compensationRateBp,
    level: f.status.level,
    reasons: f.status.reasons,
    deposits: f.deposits.map((d) => ({
      id: d.id,
      source: d.source,
      amountFen: d.amountFen,
      date: d.date,
      document: d.document,
    })),
  };
}

export async function addDeposit(
  deps: AppDeps,
  ctx: RequestContext,
  body: DepositBodyT,
): Promise<FundViewT> {
  const actor = requirePermission(ctx, 'fund.manage');
  assertRegionInScope(actor, 'fund.manage', body.regionCode, 'write');
  if (depositProblem({ ...body }) === 'UI_PRECONDITIONS') {
    throw new AppError('LOAN_FUND_PRECONDITIONS');
  }
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    const id = await insertDeposit(tx, {
      regionCode: body.regionCode,
      source: body.source,
      amountFen: body.amountFen,
      date: body.date,
      document: body.document,
      preconditions: body.preconditions ?? null,
      createdBy: actor.userId,
      createdAt: now,
    });
    await recordAudit(tx, ctx, now, {
      action: 'fund.deposit',
      objectType: 'guarantee_fund',
      objectId: id,
      permission: 'fund.manage',
      details: { regionCode: body.regionCode, source: body.source, amountFen: body.amountFen },
    });
  });
  return fundView(deps, ctx, body.regionCode);
}
