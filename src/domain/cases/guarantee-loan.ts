import { z } from 'zod';
import { plainText } from '../text/plain-text.js';
import type { CaseType, OwnerRule } from './case-type.js';

/**
 * 创业担保贷款 as a case type: the file travels 受理 (township / service centre) → 人社 eligibility
 * → 担保机构 (skipped on the 绿色通道) → 经办银行 → 放款 → 还款中 → 结清, with 展期, 逾期 → 代偿 after
 * 90 days, and refusal or withdrawal (with a reason) at every step before the money moves.
 *
 * Time limits: the national limit for the whole approval is 15 working days (issue 10); how it
 * is shared among the steps is not in any seed, so the per-step values are 演示值 until an
 * official configures them.
 */

const INTAKE: OwnerRule[] = [
  { kind: 'region' },
  { kind: 'org', orgType: 'service_center', route: 'serviceCenterOrgId' },
];
const HRSS: OwnerRule[] = [{ kind: 'org', orgType: 'hrss', route: 'hrssOrgId' }];
const GUARANTEE: OwnerRule[] = [{ kind: 'org', orgType: 'guarantee', route: 'guaranteeOrgId' }];
const BANK: OwnerRule[] = [{ kind: 'org', orgType: 'bank', route: 'bankOrgId' }];

const DEMO_LIMIT = '演示值：全国时限合计 15 个工作日，各环节分配未见文件规定';

/** Collateral kinds named by the seeds (南阳 S1 (十一), 奉节 S2 四(七)). */
export const COLLATERAL_KINDS = [
  '设备',
  '林权',
  '集体土地使用权',
  '特种经营权',
  '应收账款',
  '股权',
  '大型农机具',
  '商标',
  '信用',
] as const;

/** Grounds on which a file skips the 反担保 step (奉节 S2: 信用园区 白名单 绿色通道). */
export const GREEN_CHANNEL_GROUNDS = ['信用园区', '白名单', '其他'] as const;

const isoDate = z.iso.date();
const fen = z.number().int().positive().max(100_000_000_000);

/** What a new guarantee-loan file carries. Amounts in integer fen. */
export const GuaranteeLoanCreate = z.object({
  amountFen: fen,
  termMonths: z.number().int().min(1).max(60),
  purpose: plainText({ max: 200, min: 2 }),
  collateral: z.enum(COLLATERAL_KINDS),
  /** Set from the product's rule and the entity's white-list flag; skips the guarantee step. */
  greenChannel: z.boolean(),
  greenChannelGround: z.enum(GREEN_CHANNEL_GROUNDS).optional(),
  /** The lending bank chosen on the file. */
  bankOrgId: z.uuid(),
});

export const GUARANTEE_LOAN: CaseType = {
  code: 'guarantee-loan',
  zh: '创业担保贷款',
  en: 'Start-up guarantee loan',
  initial: 'submitted',
  routing: {
    bankOrgId: { fileField: 'bankOrgId', orgType: 'bank' },
    hrssOrgId: { regionOrg: 'hrss' },
    guaranteeOrgId: { regionOrg: 'guarantee' },
    serviceCenterOrgId: { regionOrg: 'service_center' },
  },
  createFields: GuaranteeLoanCreate,
  fieldNames: {
    amountFen: { zh: '申请金额（分）', en: 'Amount applied for (fen)' },
    termMonths: { zh: '期限（月）', en: 'Term (months)' },
    purpose: { zh: '用途', en: 'Purpose' },
    collateral: { zh: '抵质押方式', en: 'Collateral' },
    greenChannel: { zh: '绿色通道（免反担保）', en: 'Green channel (no counter-guarantee)' },
    greenChannelGround: { zh: '绿色通道依据', en: 'Green channel ground' },
    bankOrgId: { zh: '经办银行', en: 'Lending bank' },
    approvedAmountFen: { zh: '审批金额（分）', en: 'Amount approved (fen)' },
    approvedTermMonths: { zh: '审批期限（月）', en: 'Term approved (months)' },
    disbursedFen: { zh: '放款金额（分）', en: 'Amount disbursed (fen)' },
    disbursedOn: { zh: '放款日期', en: 'Disbursed on' },
    annualRateBp: { zh: '年利率（基点，345 即 3.45%）', en: 'Annual rate (bp)' },
    maturityOn: { zh: '到期日', en: 'Maturity' },
    overdueSince: { zh: '逾期起始日', en: 'Overdue since' },
    compensatedFen: { zh: '代偿金额（分）', en: 'Amount compensated (fen)' },
    compensatedOn: { zh: '代偿日期', en: 'Compensated on' },
    settledOn: { zh: '结清日期', en: 'Settled on' },
  },
  stepBar: [
    'submitted',
    'eligibility',
    'guarantee_review',
    'bank_review',
    'disbursement',
    'repaying',
    'settled',
  ],
  states: {
    submitted: {
      zh: '待受理',
      en: 'Awaiting intake',
      limitDays: 2,
      limitSource: DEMO_LIMIT,
      terminal: false,
      owner: INTAKE,
    },
    eligibility: {
      zh: '人社资格审核',
      en: 'Eligibility review (HRSS)',
      limitDays: 3,
      limitSource: DEMO_LIMIT,
      terminal: false,
      owner: HRSS,
    },
    guarantee_review: {
      zh: '担保机构审核',
      en: 'Guarantee review',
      limitDays: 4,
      limitSource: DEMO_LIMIT,
      terminal: false,
      owner: GUARANTEE,
    },
    bank_review: {
      zh: '经办银行审批',
      en: 'Bank approval',
      limitDays: 4,
      limitSource: DEMO_LIMIT,
      terminal: false,
      owner: BANK,
    },
    disbursement: {
      zh: '待放款',
      en: 'Awaiting disbursement',
      limitDays: 2,
      limitSource: DEMO_LIMIT,
      terminal: false,
      owner: BANK,
    },
    repaying: { zh: '还款中', en: 'Repaying', limitDays: null, terminal: false, owner: BANK },
    overdue: { zh: '逾期', en: 'Overdue', limitDays: null, terminal: false, owner: BANK },
    settled: { zh: '已结清', en: 'Settled', limitDays: null, terminal: true, owner: [] },
    compensated: { zh: '已代偿', en: 'Compensated', limitDays: null, terminal: true, owner: [] },
    refused: { zh: '未通过', en: 'Refused', limitDays: null, terminal: true, owner: [] },
    withdrawn: { zh: '已撤回', en: 'Withdrawn', limitDays: null, terminal: true, owner: [] },
  },
  transitions: [
    {
      id: 'accept',
      from: ['submitted'],
      to: 'eligibility',
      zh: '受理',
      en: 'Accept',
      permission: 'case.work',
    },
    {
      id: 'eligible',
      from: ['eligibility'],
      to: 'guarantee_review',
      zh: '资格审核通过',
      en: 'Eligible',
      permission: 'case.work',
      when: [{ field: 'greenChannel', equals: false }],
    },
    {
      id: 'eligible_green',
      from: ['eligibility'],
      to: 'bank_review',
      zh: '资格审核通过（绿色通道，免反担保）',
      en: 'Eligible (green channel, no counter-guarantee)',
      permission: 'case.work',
      when: [{ field: 'greenChannel', equals: true }],
    },
    {
      id: 'guarantee_approve',
      from: ['guarantee_review'],
      to: 'bank_review',
      zh: '同意担保',
      en: 'Guarantee granted',
      permission: 'case.work',
    },
    {
      id: 'bank_approve',
      from: ['bank_review'],
      to: 'disbursement',
      zh: '审批通过',
      en: 'Approve',
      permission: 'case.work',
      fields: z.object({
        approvedAmountFen: fen,
        approvedTermMonths: z.number().int().min(1).max(60),
      }),
    },
    {
      id: 'disburse',
      from: ['disbursement'],
      to: 'repaying',
      zh: '放款',
      en: 'Disburse',
      permission: 'case.work',
      fields: z.object({
        disbursedFen: fen,
        disbursedOn: isoDate,
        /** Annual rate in basis points (e.g. 345 = 3.45 %). */
        annualRateBp: z.number().int().min(0).max(2_400),
        maturityOn: isoDate,
      }),
    },
    {
      id: 'extend',
      from: ['repaying'],
      to: 'repaying',
      zh: '展期',
      en: 'Extend',
      permission: 'case.work',
      fields: z.object({ maturityOn: isoDate }),
    },
    {
      id: 'mark_overdue',
      from: ['repaying'],
      to: 'overdue',
      zh: '登记逾期',
      en: 'Record overdue',
      permission: 'case.work',
      fields: z.object({ overdueSince: isoDate }),
    },
    {
      id: 'cure',
      from: ['overdue'],
      to: 'repaying',
      zh: '逾期已归还',
      en: 'Arrears repaid',
      permission: 'case.work',
    },
    {
      id: 'compensate',
      from: ['overdue'],
      to: 'compensated',
      zh: '代偿（逾期满 90 天）',
      en: 'Compensate (90 days overdue)',
      permission: 'case.work',
      by: GUARANTEE,
      when: [{ field: 'overdueSince', daysSince: 90 }],
      fields: z.object({ compensatedFen: fen, compensatedOn: isoDate }),
    },
    {
      id: 'settle',
      from: ['repaying'],
      to: 'settled',
      zh: '结清',
      en: 'Settle',
      permission: 'case.work',
      fields: z.object({ settledOn: isoDate }),
    },
    {
      id: 'refuse',
      from: ['submitted', 'eligibility', 'guarantee_review', 'bank_review'],
      to: 'refused',
      zh: '不予通过',
      en: 'Refuse',
      permission: 'case.work',
      needsReason: true,
    },
    {
      id: 'withdraw',
      from: ['submitted', 'eligibility', 'guarantee_review', 'bank_review', 'disbursement'],
      to: 'withdrawn',
      zh: '撤回申请（代申请人办理）',
      en: 'Withdraw (for the applicant)',
      permission: 'case.work',
      by: INTAKE,
      needsReason: true,
    },
  ],
};
