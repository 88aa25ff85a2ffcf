import { caseType } from '../../../domain/cases/case-types.js';
import { AppError } from '../../../domain/errors/codes.js';
import { cstDate } from '../../../domain/indicators/periods.js';
import type { EntityType } from '../../../domain/ledger/entity-types.js';
import type { PersonCategory, PersonStatus } from '../../../domain/ledger/person-categories.js';
import {
  type Applicant,
  type Application,
  checkEligibility,
  type EligibilityResult,
} from '../../../domain/loans/eligibility.js';
import { compensationSplit } from '../../../domain/loans/fund.js';
import { catalogName } from '../../../domain/ledger/catalog.js';
import { COLLATERALS } from '../../../domain/loans/groups.js';
import { type ResolvedProduct, valueOf } from '../../../domain/loans/products.js';
import { isWithin } from '../../../domain/regions/region-code.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Executor } from '../../platform/db/client.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { AppDeps } from '../../platform/http/types.js';
import { requirePermission } from '../../access/scope/scope.js';
import { caseOrgIds, caseRegionRoots } from '../cases/access.js';
import type { CaseCreateBodyT } from '../cases/contract.js';
import { createCase, type FileOptions, readableCase } from '../cases/service.js';
import { productFor } from './product.js';
import type {
  ApplicationBodyT,
  ApplicationCreatedT,
  BanksViewT,
  EligibilityQueryT,
  EligibilityViewT,
  LoanViewT,
  RepaymentBodyT,
} from './contract.js';
import { loanOutstanding, presentLoan } from './presenter.js';
import {
  banksFor,
  findApplication,
  findEntityForLoan,
  findPersonForLoan,
  findRepayments,
  findSchedules,
  insertApplication,
  insertRepayment,
  isCreditPark,
} from './repo.js';

/**
 * Guarantee loans (创业担保贷款): the eligibility pre-check from the ledger and the product in
 * force at the applicant's region and date; filing an application, which files a
 * `guarantee-loan` case in the same transaction; the loan's detail; repayments by the bank.
 *
 * Who: filing and the pre-check need case.work through a region grant covering the applicant
 * (the 受理 side); the detail needs read access to the case; repayments need case.work through
 * an organisation grant on the lending bank.
 */

export interface Subject {
  kind: Applicant['kind'];
  members?: number | undefined;
  personId?: string | undefined;
  entityId?: string | undefined;
  declaredGroups: Applicant['person']['declaredGroups'];
}

export interface Assessed {
  regionCode: string;
  date: string;
  greenChannel: boolean;
  result: EligibilityResult;
  product: ResolvedProduct;
}

/** Reads the applicant from the ledger. LOAN_APPLICANT_INVALID when the pair does not fit. */
async function loadApplicant(
  db: Executor,
  s: Subject,
): Promise<{ applicant: Applicant; regionCode: string }> {
  const bad = (zh: string, en: string) =>
    new AppError('LOAN_APPLICANT_INVALID', { reason: zh, reasonEn: en });
  if (s.kind === 'enterprise' && !s.entityId) {
    throw bad('小微企业贷款须选择申请的市场主体', 'An enterprise loan needs the market entity');
  }
  if (!s.personId && !s.entityId) {
    throw bad('请选择申请人（台账人员）', 'Choose the applicant from the ledger');
  }
  const person = s.personId ? await findPersonForLoan(db, s.personId) : undefined;
  if (s.personId && !person) throw new AppError('CASE_SUBJECT_INVALID');
  const entity = s.entityId ? await findEntityForLoan(db, s.entityId) : undefined;
  if (s.entityId && (!entity || entity.mergedInto)) throw new AppError('CASE_SUBJECT_INVALID');
  const whiteListed = entity ? await isCreditPark(db, entity.parkOrgId) : false;
  const applicant: Applicant = {
    kind: s.kind,
    person: {
      categories: (person?.categories ?? []) as PersonCategory[],
      status: (person?.status ?? 'started') as PersonStatus,
      declaredGroups: s.declaredGroups,
    },
    ...(s.members !== undefined ? { members: s.members } : {}),
    ...(entity
      ? {
          enterprise: {
            entityType: entity.type as EntityType,
            staffCount: entity.employees,
            newEligibleHires: null,
          },
        }
      : {}),
    whiteListed,
  };
  const regionCode =
    (s.kind === 'enterprise' ? entity?.regionCode : person?.regionCode) ??
    entity?.regionCode ??
    person?.regionCode;
  return { applicant, regionCode: regionCode! };
}

/** The actor's 受理 grants (case.work by region): FORBIDDEN without any. */
function intakeRoots(ctx: RequestContext): string[] {
  const actor = requirePermission(ctx, 'case.work');
  const roots = caseRegionRoots(actor, ['case.work']);
  if (roots.length === 0) throw new AppError('FORBIDDEN', { permission: 'case.work' });
  return roots;
}

/** The actor's 受理 grants must cover the region (SCOPE_OUTSIDE_OWN otherwise). */
function requireIntake(ctx: RequestContext, regionCode: string): void {
  if (!intakeRoots(ctx).some((r) => isWithin(regionCode, r))) {
    throw new AppError('SCOPE_OUTSIDE_OWN');
  }
}

/** The pre-check (no I/O beyond reading the ledger and the product). */
export async function assess(
  db: Executor,
  s: Subject,
  app: Application,
  date: string,
): Promise<Assessed> {
  const { applicant, regionCode } = await loadApplicant(db, s);
  const product = await productFor(db, regionCode, date);
  const result = checkEligibility(applicant, app, product);
  const greenChannel = applicant.whiteListed && result.counterGuarantee.ground === 'green_channel';
  return { regionCode, date, greenChannel, result, product };
}

export function presentEligibility(a: Assessed): EligibilityViewT {
  return {
    eligible: a.result.eligible,
    refused: a.result.conditions.some((c) => c.met === false),
    conditions: a.result.conditions,
    counterGuarantee: a.result.counterGuarantee,
    greenChannel: a.greenChannel,
    regionCode: a.regionCode,
    date: a.date,
  };
}

/** Refuses a file with any hard failure, listing the conditions not met (zh-CN and English). */
export function refuseIfIneligible(a: Assessed): void {
  const failed = a.result.conditions.filter((c) => c.met === false);
  if (failed.length === 0) return;
  throw new AppError('LOAN_INELIGIBLE', {
    conditions: failed.map((c) => c.zh).join('；'),
    conditionsEn: failed.map((c) => c.en).join('; '),
    failed: failed.map((c) => c.code),
  });
}

/** GET /api/loans/eligibility: the pre-check without filing. */
export async function preCheck(
  deps: AppDeps,
  ctx: RequestContext,
  q: EligibilityQueryT,
): Promise<EligibilityViewT> {
  intakeRoots(ctx);
  const date = q.date ?? cstDate(deps.clock());
  const subject: Subject = {
    kind: q.kind,
    members: q.members,
    personId: q.personId,
    entityId: q.entityId,
    declaredGroups: [],
  };
  const { regionCode } = await loadApplicant(deps.db, subject);
  requireIntake(ctx, regionCode);
  const a = await assess(
    deps.db,
    subject,
    {
      amountFen: q.amountFen,
      termMonths: q.termMonths,
      purpose: '',
      collateral: q.collateral,
      declarations: { confirmed: true, otherLoans: [] },
    },
    date,
  );
  return presentEligibility(a);
}

/** GET /api/loans/banks: the banks a file in the region may choose. */
export async function listBanks(
  deps: AppDeps,
  ctx: RequestContext,
  region: string,
): Promise<BanksViewT> {
  requireIntake(ctx, region);
  return { items: await banksFor(deps.db, region) };
}

/**
 * POST /api/loans/applications: pre-check, refuse hard failures (LOAN_INELIGIBLE with the
 * conditions), else file a guarantee-loan case with the application in the same transaction.
 */
export async function fileApplication(
  deps: AppDeps,
  ctx: RequestContext,
  body: ApplicationBodyT,
): Promise<ApplicationCreatedT> {
  intakeRoots(ctx);
  const date = cstDate(deps.clock());
  const subject: Subject = {
    kind: body.kind,
    members: body.members,
    personId: body.personId,
    entityId: body.entityId,
    declaredGroups: body.declarations.declaredGroups,
  };
  const a = await assess(deps.db, subject, body, date);
  requireIntake(ctx, a.regionCode);
  refuseIfIneligible(a);
  const actor = ctx.actor!;
  const filing = loanFiling(body, subject, a, date, { createdBy: actor.userId });
  const detail = await createCase(deps, ctx, filing.body, filing.opts);
  return { caseId: detail.id, eligibility: presentEligibility(a) };
}

/**
 * What filing an application hands the case engine: the guarantee-loan case (region, subject,
 * data routed to the chosen bank) and, inside the same transaction, the application row with
 * its pre-check. `extra.within` runs first in that transaction (the portal's open-file check).
 */
export function loanFiling(
  body: ApplicationBodyT,
  subject: Subject,
  a: Assessed,
  date: string,
  by: { createdBy?: string; createdByAccount?: string },
  extra: { within?: (tx: Executor, caseId: string) => Promise<void>; via?: string } = {},
): { body: CaseCreateBodyT; opts: FileOptions } {
  return {
    body: {
      type: 'guarantee-loan',
      regionCode: a.regionCode,
      ...(subject.personId ? { subjectPersonId: subject.personId } : {}),
      ...(subject.entityId ? { subjectEntityId: subject.entityId } : {}),
      data: {
        amountFen: body.amountFen,
        termMonths: body.termMonths,
        purpose: body.purpose,
        collateral: catalogName(COLLATERALS, body.collateral, 'zh'),
        greenChannel: a.greenChannel,
        ...(a.greenChannel ? { greenChannelGround: '信用园区' } : {}),
        bankOrgId: body.bankOrgId,
      },
      ...(body.comment ? { comment: body.comment } : {}),
    },
    opts: {
      audit: {
        action: 'loan.apply',
        details: {
          kind: body.kind,
          amountFen: body.amountFen,
          greenChannel: a.greenChannel,
          eligible: a.result.eligible,
          ...(extra.via ? { via: extra.via } : {}),
        },
      },
      within: async (tx, caseId, now) => {
        if (extra.within) await extra.within(tx, caseId);
        await insertApplication(tx, {
          caseId,
          kind: body.kind,
          members: body.members ?? null,
          personId: subject.personId ?? null,
          entityId: subject.entityId ?? null,
          amountFen: body.amountFen,
          termMonths: body.termMonths,
          purpose: body.purpose,
          collateral: body.collateral,
          declarations: body.declarations,
          eligibility: a.result,
          greenChannel: a.greenChannel,
          bankOrgId: body.bankOrgId,
          productDate: date,
          createdBy: by.createdBy ?? null,
          createdByAccount: by.createdByAccount ?? null,
          createdAt: now,
        });
      },
    },
  };
}

/** GET /api/loans/:caseId: application, pre-check, schedules and repayments. */
export async function loanDetail(
  deps: AppDeps,
  ctx: RequestContext,
  caseId: string,
): Promise<LoanViewT> {
  const row = await readableCase(deps, ctx, caseId);
  const app = await findApplication(deps.db, caseId);
  if (!app) throw new AppError('NOT_FOUND');
  const schedules = await findSchedules(deps.db, caseId);
  const repayments = await findRepayments(deps.db, caseId);
  const type = caseType(row.type)!;
  let compensation: LoanViewT['compensation'] = null;
  const compensatedFen = row.data['compensatedFen'];
  if (row.state === 'compensated' && typeof compensatedFen === 'number') {
    const onField = row.data['compensatedOn'];
    const on = typeof onField === 'string' ? onField : cstDate(deps.clock());
    const product = await productFor(deps.db, row.regionCode, on);
    const share = valueOf(product, 'fund_compensation_share') ?? 10_000;
    compensation = { amountFen: compensatedFen, ...compensationSplit(compensatedFen, share) };
  }
  return presentLoan(row, type, app, schedules, repayments, compensation, ctx.locale);
}

/**
 * POST /api/loans/:caseId/repayments: the lending bank records a repayment while the loan is
 * repaying or overdue. Principal beyond what is outstanding is refused.
 */
export async function recordRepayment(
  deps: AppDeps,
  ctx: RequestContext,
  caseId: string,
  body: RepaymentBodyT,
): Promise<LoanViewT> {
  const actor = requirePermission(ctx, 'loan.repay');
  const row = await readableCase(deps, ctx, caseId);
  const bank = row.routing['bankOrgId'];
  if (!bank || !caseOrgIds(actor, ['loan.repay']).includes(bank)) {
    throw new AppError('CASE_NOT_YOUR_STEP');
  }
  if (row.state !== 'repaying' && row.state !== 'overdue') throw new AppError('LOAN_NOT_DISBURSED');
  const schedules = await findSchedules(deps.db, caseId);
  const repayments = await findRepayments(deps.db, caseId);
  const outstanding = loanOutstanding(schedules, repayments);
  const bad = (zh: string, en: string) =>
    new AppError('LOAN_REPAYMENT_INVALID', { reason: zh, reasonEn: en });
  if (body.principalFen === 0 && body.interestFen === 0) {
    throw bad('本金和利息不能都为 0', 'Principal and interest cannot both be 0');
  }
  if (body.principalFen > outstanding) {
    throw bad(
      `归还本金超过未还本金（${outstanding} 分）`,
      `Principal exceeds the outstanding ${outstanding} fen`,
    );
  }
  const current = schedules.at(-1);
  if (current && body.paidOn < current.startDate) {
    throw bad('还款日期早于放款日期', 'The payment predates the disbursement');
  }
  if (body.dueDate && current && !current.installments.some((i) => i.dueDate === body.dueDate)) {
    throw bad('还款计划中没有该期', 'No installment falls due on that date');
  }
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    const id = await insertRepayment(tx, {
      caseId,
      paidOn: body.paidOn,
      dueDate: body.dueDate ?? null,
      principalFen: body.principalFen,
      interestFen: body.interestFen,
      comment: body.comment ?? null,
      recordedBy: actor.userId,
      recordedByLogin: actor.login,
      createdAt: now,
    });
    await recordAudit(tx, ctx, now, {
      action: 'loan.repayment',
      objectType: 'case',
      objectId: caseId,
      permission: 'loan.repay',
      details: {
        repaymentId: id,
        paidOn: body.paidOn,
        principalFen: body.principalFen,
        interestFen: body.interestFen,
      },
    });
  });
  return loanDetail(deps, ctx, caseId);
}
