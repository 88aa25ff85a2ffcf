import {
  MATERIAL_NAMES,
  materialKind,
  missingMaterials,
  requiredMaterials,
} from '../../../domain/loans/materials.js';
import type { CaseType } from '../../../domain/cases/case-type.js';
import type { Locale } from '../../../domain/errors/messages.js';
import { catalogName } from '../../../domain/ledger/catalog.js';
import { COLLATERALS, LOAN_GROUPS } from '../../../domain/loans/groups.js';
import type { ResolvedProduct } from '../../../domain/loans/products.js';
import type { CaseAttachmentRow, CaseTransitionRow } from '../../programme/cases/repo.js';
import type { LoanScheduleRow } from '../../programme/loans/repo.js';
import type { PortalLoanDetailT, PortalLoanListItemT, PortalProductViewT } from './contract.js';
import type { MyLoanRow } from './repo.js';

/** Turns the applicant's files into what the phone shows, in the request's language. */

type Text = { zh: string; en: string };
const say = (t: Text, locale: Locale) => (locale === 'en' ? t.en : t.zh);

/** States in which the applicant may still bring materials (before the bank decides). */
export const MATERIAL_STATES: ReadonlySet<string> = new Set([
  'submitted',
  'eligibility',
  'guarantee_review',
  'bank_review',
]);

const NEXT: Record<string, Text> = {
  submitted: {
    zh: '等待乡镇（街道）或服务中心受理；可先上传身份证、营业执照等材料。',
    en: 'Waiting for the township or service centre to take it in; you can upload your ID and licence now.',
  },
  eligibility: {
    zh: '人社部门正在审核您的资格，请留意站内信，按要求补充材料。',
    en: 'The human-resources office is checking your eligibility; watch your messages for requests.',
  },
  guarantee_review: {
    zh: '担保机构审核中，可能需要您提供反担保材料。',
    en: 'The guarantee agency is reviewing; it may ask for a counter-guarantee.',
  },
  bank_review: {
    zh: '经办银行审批中，银行可能联系您面谈、签订合同。',
    en: 'The bank is reviewing; it may call you in to talk and sign.',
  },
  disbursement: {
    zh: '审批已通过，等待银行放款。',
    en: 'Approved; waiting for the bank to pay out.',
  },
  repaying: {
    zh: '请按还款计划按时还款，财政按规定贴息。',
    en: 'Repay on the schedule; the interest subsidy is paid by public finance.',
  },
  overdue: {
    zh: '贷款已逾期，请尽快联系经办银行归还。',
    en: 'The loan is overdue: contact your bank and repay soon.',
  },
  settled: { zh: '贷款已结清。', en: 'The loan is settled.' },
  compensated: {
    zh: '已由担保基金代偿，请联系担保机构办理后续事宜。',
    en: 'The guarantee fund has paid the bank; contact the guarantee agency.',
  },
  refused: {
    zh: '申请未通过，可查看理由；符合条件后可重新申请。',
    en: 'Not approved; see the reason. You may apply again once you qualify.',
  },
  withdrawn: { zh: '申请已撤回。', en: 'The application was withdrawn.' },
};

function stateLabel(type: CaseType | undefined, state: string, locale: Locale): string {
  const s = type?.states[state];
  return s ? say(s, locale) : state;
}

function transitionLabel(type: CaseType | undefined, id: string, locale: Locale): string {
  if (id === 'create') return locale === 'en' ? 'Applied' : '提交申请';
  const t = type?.transitions.find((x) => x.id === id);
  return t ? say(t, locale) : id;
}

export function presentListItem(
  r: MyLoanRow,
  type: CaseType | undefined,
  history: readonly CaseTransitionRow[],
  locale: Locale,
): PortalLoanListItemT {
  const { row, app } = r;
  return {
    caseId: row.id,
    amountFen: app.amountFen,
    termMonths: app.termMonths,
    purpose: app.purpose,
    state: row.state,
    stateName: stateLabel(type, row.state, locale),
    terminal: row.terminal,
    currentStep: row.state,
    dueAt: row.dueAt ? row.dueAt.toISOString() : null,
    deadlineStatus: row.deadlineStatus as PortalLoanListItemT['deadlineStatus'],
    createdAt: row.createdAt.toISOString(),
    bankName: r.bankName,
    nextAction: NEXT[row.state] ? say(NEXT[row.state]!, locale) : '',
    history: history.map((h) => ({
      at: h.at.toISOString(),
      stateName: stateLabel(type, h.toState, locale),
      transitionName: transitionLabel(type, h.transition, locale),
      reason: h.reason,
    })),
  };
}

/** The step bar: the type's steps (without 担保机构 on a 绿色通道 file), the current one marked. */
function steps(
  r: MyLoanRow,
  type: CaseType | undefined,
  history: readonly CaseTransitionRow[],
  locale: Locale,
): PortalLoanDetailT['steps'] {
  const bar = (type?.stepBar ?? []).filter(
    (s) => !(r.app.greenChannel && s === 'guarantee_review'),
  );
  const entered = new Map<string, string>();
  for (const h of history) entered.set(h.toState, h.at.toISOString());
  const state = r.row.state;
  let current = bar.indexOf(state === 'overdue' ? 'repaying' : state);
  if (current < 0) current = Math.max(-1, ...bar.map((s, i) => (entered.has(s) ? i : -1)));
  const out: PortalLoanDetailT['steps'] = bar.map((s, i) => ({
    state: s,
    name: stateLabel(type, s, locale),
    status:
      i < current
        ? 'done'
        : i === current && !r.row.terminal
          ? 'current'
          : i === current
            ? 'done'
            : 'todo',
    at: entered.get(s) ?? null,
  }));
  if (!bar.includes(state)) {
    out.push({
      state,
      name: stateLabel(type, state, locale),
      status: 'current',
      at: entered.get(state) ?? null,
    });
  }
  return out;
}

/** What the file still lacks: the materials of its kind not yet uploaded, conditions to check. */
function missing(r: MyLoanRow, uploaded: readonly string[], locale: Locale): string[] {
  if (!MATERIAL_STATES.has(r.row.state)) return [];
  const out: Text[] = [];
  const cg = r.app.eligibility.counterGuarantee;
  const borrower = r.app.kind as 'individual' | 'partnership' | 'enterprise';
  const lacking = missingMaterials(
    requiredMaterials(borrower, cg.required === true && r.app.collateral === 'credit'),
    uploaded,
  );
  if (lacking.length > 0) {
    out.push({
      zh: `尚未上传：${lacking.map((k) => MATERIAL_NAMES[k].zh).join('、')}`,
      en: `Still to upload: ${lacking.map((k) => MATERIAL_NAMES[k].en).join(', ')}`,
    });
  }
  const undecided = r.app.eligibility.conditions.filter((c) => c.met === null);
  for (const c of undecided) out.push({ zh: `待核实：${c.zh}`, en: `To be checked: ${c.en}` });
  return out.map((t) => say(t, locale));
}

export function presentDetail(
  r: MyLoanRow,
  type: CaseType | undefined,
  history: readonly CaseTransitionRow[],
  attachments: readonly CaseAttachmentRow[],
  schedule: LoanScheduleRow | undefined,
  locale: Locale,
): PortalLoanDetailT {
  return {
    ...presentListItem(r, type, history, locale),
    kind: r.app.kind as PortalLoanDetailT['kind'],
    collateral: catalogName(COLLATERALS, r.app.collateral, locale === 'en' ? 'en' : 'zh'),
    steps: steps(r, type, history, locale),
    missing: missing(
      r,
      attachments.map((a) => a.materialKind),
      locale,
    ),
    acceptsMaterials: MATERIAL_STATES.has(r.row.state),
    attachments: attachments.map((a) => ({
      id: a.id,
      name: a.name,
      contentType: a.contentType,
      size: a.size,
      uploadedAt: a.uploadedAt.toISOString(),
      materialKind: materialKind(a.materialKind),
    })),
    schedule: schedule
      ? {
          principalFen: schedule.principalFen,
          annualRateBp: schedule.annualRateBp,
          subsidyBp: schedule.subsidyBp,
          startDate: schedule.startDate,
          maturityOn: schedule.maturityOn,
          installments: schedule.installments,
        }
      : null,
  };
}

function figure<T>(v: ResolvedProduct[keyof ResolvedProduct], pick: (x: unknown) => T | null) {
  if (!v || typeof v !== 'object' || !('value' in v)) return null;
  const value = pick(v.value);
  if (value === null) return null;
  return { value, source: v.source, validFrom: v.validFrom, illustrative: v.illustrative };
}

const num = (x: unknown) => (typeof x === 'number' ? x : null);

export function presentProduct(
  p: ResolvedProduct,
  locale: Locale,
  who: { canApply: boolean; enterpriseName: string | null },
): PortalProductViewT {
  const groups = p.eligible_groups?.value ?? [];
  return {
    regionCode: p.regionCode,
    date: p.date,
    capIndividualFen: figure(p.cap_individual, num),
    capEnterpriseFen: figure(p.cap_enterprise, num),
    partnershipUpliftBp: figure(p.partnership_uplift, num),
    termIndividualMonths: figure(p.term_individual_months, num),
    termEnterpriseMonths: figure(p.term_enterprise_months, num),
    lprBp: figure(p.lpr_1y, num),
    borrowerBelowLprBp: figure(p.borrower_below_lpr, num),
    eligibleGroups: groups.map((g) => ({
      code: g,
      name: catalogName(LOAN_GROUPS, g, locale === 'en' ? 'en' : 'zh'),
    })),
    individualCounterGuarantee: p.individual_counter_guarantee?.value ?? null,
    canApply: who.canApply,
    kinds: who.enterpriseName
      ? ['individual', 'partnership', 'enterprise']
      : ['individual', 'partnership'],
    enterpriseName: who.enterpriseName,
  };
}
