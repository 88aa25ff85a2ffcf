import type { MaterialKind } from '../../../domain/loans/materials.js';
import type { Readable } from 'node:stream';
import { caseType } from '../../../domain/cases/case-types.js';
import { AppError } from '../../../domain/errors/codes.js';
import { cstDate } from '../../../domain/indicators/periods.js';
import { NATION_CODE } from '../../../domain/regions/region-code.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { AppDeps } from '../../platform/http/types.js';
import { findEntity } from '../../ledger/entities/repo.js';
import { linksOfEntity } from '../../ledger/entities/link-repo.js';
import { findPerson } from '../../ledger/people/repo.js';
import { storeAttachment } from '../../programme/cases/attachment-service.js';
import type { AttachmentViewT } from '../../programme/cases/contract.js';
import { caseAttachmentList, caseHistory } from '../../programme/cases/repo.js';
import { fileCase } from '../../programme/cases/service.js';
import type {
  ApplicationCreatedT,
  BanksViewT,
  EligibilityViewT,
} from '../../programme/loans/contract.js';
import { productFor } from '../../programme/loans/product.js';
import { banksFor, findSchedules } from '../../programme/loans/repo.js';
import {
  assess,
  loanFiling,
  presentEligibility,
  refuseIfIneligible,
  type Subject,
} from '../../programme/loans/service.js';
import { recordPortalAudit } from '../accounts/audit.js';
import { live, visibleLinks } from '../accounts/profile-service.js';
import { findAccount } from '../accounts/repo.js';
import { type Entrepreneur, type PortalState, requireEntrepreneur } from '../accounts/session.js';
import type {
  PortalApplyBodyT,
  PortalEligibilityBodyT,
  PortalLoanDetailT,
  PortalProductViewT,
} from './contract.js';
import { MATERIAL_STATES, presentDetail, presentListItem, presentProduct } from './presenter.js';
import { type Borrower, lockBorrower, myLoanCase, myLoanCases, openLoanCasesOf } from './repo.js';

/**
 * 创业担保贷款 on the portal: the entrepreneur applies for themselves and follows their own files.
 * The borrower is never chosen: it is the account's verified person (an account whose first
 * submission still waits for an officer, or that has none, is refused with PORTAL_LOAN_NOT_LINKED
 * and sees no one's data), or the enterprise the account keeps and represents as 法定代表人
 * (PORTAL_LOAN_NOT_REPRESENTATIVE otherwise). Another borrower's file does not exist (NOT_FOUND).
 * Filing reuses the console's pre-check and the case engine, with the portal account as the
 * actor in the history and the audit record.
 */

interface Applicant {
  me: Entrepreneur;
  personId: string;
  regionCode: string;
  /** The represented enterprise, if any. */
  entity: { id: string; name: string; regionCode: string } | null;
}

/** The account's verified person and represented enterprise, following merges. */
async function resolveApplicant(deps: AppDeps, me: Entrepreneur): Promise<Applicant | null> {
  const account = await findAccount(deps.db, me.accountId);
  if (!account) throw new AppError('UNAUTHENTICATED');
  const links = await visibleLinks(deps.db, account);
  const person = await live((id) => findPerson(deps.db, id), links.personId);
  if (!person) return null;
  const entityRow = await live((id) => findEntity(deps.db, id), links.entityId);
  let entity: Applicant['entity'] = null;
  if (entityRow) {
    const roles = await linksOfEntity(deps.db, entityRow.id);
    if (roles.some((l) => l.personId === person.id && l.role === 'legal_rep')) {
      entity = { id: entityRow.id, name: entityRow.name, regionCode: entityRow.regionCode };
    }
  }
  return { me, personId: person.id, regionCode: person.regionCode, entity };
}

/** The applicant, or the coded refusal of an unlinked or unverified account. */
async function requireApplicant(deps: AppDeps, state: PortalState): Promise<Applicant> {
  const me = requireEntrepreneur(state);
  const a = await resolveApplicant(deps, me);
  if (!a) throw new AppError('PORTAL_LOAN_NOT_LINKED');
  return a;
}

function borrowerOf(a: Applicant): Borrower {
  return { personId: a.personId, entityId: a.entity?.id ?? null };
}

/** The subject of an application of `kind`: the person, or the represented enterprise. */
function subjectOf(a: Applicant, kind: Subject['kind'], members?: number): Subject {
  if (kind === 'enterprise') {
    if (!a.entity) throw new AppError('PORTAL_LOAN_NOT_REPRESENTATIVE');
    return { kind, personId: a.personId, entityId: a.entity.id, declaredGroups: [] };
  }
  return { kind, members, personId: a.personId, declaredGroups: [] };
}

/** GET /api/portal/loans/product: the product in force at the applicant's region, explained. */
export async function portalProduct(
  deps: AppDeps,
  ctx: RequestContext,
  state: PortalState,
): Promise<PortalProductViewT> {
  const me = requireEntrepreneur(state);
  const a = await resolveApplicant(deps, me);
  const date = cstDate(deps.clock());
  const product = await productFor(deps.db, a?.regionCode ?? NATION_CODE, date);
  return presentProduct(product, ctx.locale, {
    canApply: a !== null,
    enterpriseName: a?.entity?.name ?? null,
  });
}

/** GET /api/portal/loans/banks: the lending banks of the applicant's region (county and above). */
export async function portalBanks(deps: AppDeps, state: PortalState): Promise<BanksViewT> {
  const a = await requireApplicant(deps, state);
  return { items: await banksFor(deps.db, a.regionCode) };
}

/**
 * POST /api/portal/loans/eligibility: the pre-check of the applicant's own person or enterprise,
 * condition by condition; audited as portal.loan_precheck (nothing else is written).
 */
export async function portalPreCheck(
  deps: AppDeps,
  ctx: RequestContext,
  state: PortalState,
  body: PortalEligibilityBodyT,
): Promise<EligibilityViewT> {
  const a = await requireApplicant(deps, state);
  const subject = subjectOf(a, body.kind, body.members);
  const assessed = await assess(
    deps.db,
    subject,
    {
      amountFen: body.amountFen,
      termMonths: body.termMonths,
      purpose: '',
      collateral: body.collateral,
      declarations: { confirmed: true, otherLoans: [] },
    },
    cstDate(deps.clock()),
  );
  const view = presentEligibility(assessed);
  // A POST: the edge wants its record. The applicant looked at their own eligibility.
  await recordPortalAudit(deps.db, ctx, deps.clock(), a.me, {
    action: 'portal.loan_precheck',
    objectType: subject.entityId ? 'entity' : 'person',
    objectId: subject.entityId ?? a.personId,
    details: { kind: body.kind, amountFen: body.amountFen, refused: view.refused },
  });
  return view;
}

/**
 * POST /api/portal/loans: pre-check (hard failures refused with LOAN_INELIGIBLE), the 承诺书
 * confirmed (PORTAL_LOAN_DECLARATION_REQUIRED), the bank one of the region's
 * (CASE_ROUTING_INVALID), no other open file of the same borrower (PORTAL_LOAN_OPEN_EXISTS,
 * checked under a lock on the borrower's ledger row); then the case, its application, the
 * audit record and the notice to the region's case officers commit together.
 */
export async function portalApply(
  deps: AppDeps,
  ctx: RequestContext,
  state: PortalState,
  body: PortalApplyBodyT,
): Promise<ApplicationCreatedT> {
  const a = await requireApplicant(deps, state);
  if (!body.declarations.confirmed) throw new AppError('PORTAL_LOAN_DECLARATION_REQUIRED');
  const subject: Subject = {
    ...subjectOf(a, body.kind, body.members),
    declaredGroups: body.declarations.declaredGroups,
  };
  const date = cstDate(deps.clock());
  const assessed = await assess(deps.db, subject, body, date);
  refuseIfIneligible(assessed);
  const banks = await banksFor(deps.db, assessed.regionCode);
  if (!banks.some((b) => b.id === body.bankOrgId)) {
    throw new AppError('CASE_ROUTING_INVALID', { field: 'bankOrgId', orgType: '经办银行' });
  }
  const borrower = subject.entityId
    ? { entityId: subject.entityId }
    : { personId: subject.personId! };
  const filing = loanFiling(
    { ...body, personId: subject.personId, entityId: subject.entityId },
    subject,
    assessed,
    date,
    { createdByAccount: a.me.accountId },
    {
      via: 'portal',
      within: async (tx, caseId) => {
        await lockBorrower(tx, borrower);
        const open = await openLoanCasesOf(tx, borrower, caseId);
        if (open.length > 0) throw new AppError('PORTAL_LOAN_OPEN_EXISTS');
      },
    },
  );
  const caseId = await fileCase(
    deps,
    ctx,
    filing.body,
    { kind: 'applicant', accountId: a.me.accountId, label: a.me.label },
    filing.opts,
  );
  return { caseId, eligibility: presentEligibility(assessed) };
}

/** GET /api/portal/loans: my files, newest first, each with its history. */
export async function portalLoans(deps: AppDeps, ctx: RequestContext, state: PortalState) {
  const a = await requireApplicant(deps, state);
  const rows = await myLoanCases(deps.db, borrowerOf(a));
  const items = await Promise.all(
    rows.map(async (r) =>
      presentListItem(r, caseType(r.row.type), await caseHistory(deps.db, r.row.id), ctx.locale),
    ),
  );
  return { items };
}

/** GET /api/portal/loans/:caseId: one of my files; anyone else's is NOT_FOUND. */
export async function portalLoan(
  deps: AppDeps,
  ctx: RequestContext,
  state: PortalState,
  caseId: string,
): Promise<PortalLoanDetailT> {
  const a = await requireApplicant(deps, state);
  const r = await myLoanCase(deps.db, borrowerOf(a), caseId);
  if (!r) throw new AppError('NOT_FOUND');
  const [history, attachments, schedules] = await Promise.all([
    caseHistory(deps.db, caseId),
    caseAttachmentList(deps.db, caseId),
    findSchedules(deps.db, caseId),
  ]);
  return presentDetail(r, caseType(r.row.type), history, attachments, schedules.at(-1), ctx.locale);
}

/**
 * POST /api/portal/loans/:caseId/attachments: a material to one of my files while it accepts
 * them (before the bank's decision; PORTAL_LOAN_MATERIALS_CLOSED after), with the console's
 * limits and content sniffing; audited with the applicant as the actor.
 */
export async function portalAttach(
  deps: AppDeps,
  ctx: RequestContext,
  state: PortalState,
  caseId: string,
  body: Readable,
  upload: { name: string; materialKind: MaterialKind; contentLength?: number | undefined },
): Promise<AttachmentViewT> {
  let a: Applicant;
  try {
    a = await requireApplicant(deps, state);
  } catch (e) {
    body.resume();
    throw e;
  }
  const r = await myLoanCase(deps.db, borrowerOf(a), caseId);
  if (!r) {
    body.resume();
    throw new AppError('NOT_FOUND');
  }
  if (!MATERIAL_STATES.has(r.row.state)) {
    body.resume();
    throw new AppError('PORTAL_LOAN_MATERIALS_CLOSED');
  }
  return storeAttachment(deps, caseId, body, upload, {
    uploadedBy: null,
    audit: (tx, now, details) =>
      recordPortalAudit(tx, ctx, now, a.me, {
        action: 'portal.loan_attach',
        objectType: 'case',
        objectId: caseId,
        details,
      }),
  });
}
