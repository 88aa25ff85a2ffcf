import { z } from 'zod';
import { FUND_SOURCE_CODES } from '../../../domain/loans/fund.js';
import {
  COLLATERAL_CODES,
  LOAN_GROUP_CODES,
  OTHER_LOAN_CODES,
} from '../../../domain/loans/groups.js';
import { IsoDate, RegionCode12 } from '../../../domain/ledger/fields.js';
import { plainText } from '../../../domain/text/plain-text.js';

/**
 * Contracts of the guarantee-loan routes (创业担保贷款): applications with the eligibility
 * pre-check, repayment schedules and repayments, 贴息 claims, the guarantee fund.
 * Amounts are whole fen, rates basis points (345 = 3.45 %), dates `YYYY-MM-DD`.
 *
 * Routes (console, officer session):
 * - `GET  /api/loans/eligibility?…`              pre-check without filing (permission loan.apply)
 * - `GET  /api/loans/banks?region=`               banks a file in that region may choose (loan.apply)
 * - `POST /api/loans/applications`                file an application → a guarantee-loan case (loan.apply)
 * - `GET  /api/loans/:caseId`                     the loan: application, pre-check, schedules, repayments (case.read)
 * - `POST /api/loans/:caseId/repayments`          record a repayment (loan.repay, the lending bank only)
 * - `GET  /api/subsidy-claims?quarter=&bankOrgId=` claims (subsidy.read)
 * - `POST /api/subsidy-claims/build`              build the quarter's claims per bank (subsidy.pay)
 * - `GET  /api/subsidy-claims/:id`                one claim with its lines (subsidy.read)
 * - `POST /api/subsidy-claims/:id/pay`            record a (part) payment (subsidy.pay)
 * - `GET  /api/subsidy-claims/summary?by=bank|county|quarter` due / paid / outstanding (subsidy.read)
 * - `GET  /api/guarantee-fund?region=`            fund status (fund.read)
 * - `POST /api/guarantee-fund/deposits`           record a deposit (fund.manage)
 *
 * Portal (entrepreneur session, own person / enterprise only):
 * - `POST /api/portal/loans`                      apply (same body as the console, minus personId/entityId choice)
 * - `GET  /api/portal/loans`                      my applications
 * - `POST /api/portal/loans/:caseId/attachments?name=` upload material to my own file (raw body)
 */

export const Fen = z
  .number()
  .int()
  .positive()
  .max(100_000_000_000)
  .meta({ description: '金额（分）', example: 20_000_000 });

export const BorrowerKindField = z
  .enum(['individual', 'partnership', 'enterprise'])
  .meta({ description: 'individual 个人 / partnership 合伙创业 / enterprise 小微企业' });

export const OtherLoanDeclarationField = z.object({
  holder: z.enum(['applicant', 'spouse']).meta({ description: '申请人本人或配偶' }),
  kind: z.enum(OTHER_LOAN_CODES).meta({
    description:
      '其他贷款种类：student 助学 / poverty_relief 扶贫 / housing 住房 / car 汽车 / consumer 个人消费 / business 经营性 / other 其他',
  }),
  balanceFen: z.number().int().min(0).max(100_000_000_000).meta({ description: '余额（分）' }),
});

export const Declarations = z.object({
  confirmed: z.boolean().meta({ description: '申请人已确认承诺书内容真实完整' }),
  otherLoans: z.array(OtherLoanDeclarationField).max(20).default([]),
  declaredGroups: z
    .array(z.enum(LOAN_GROUP_CODES))
    .max(LOAN_GROUP_CODES.length)
    .default([])
    .meta({ description: '台账无法体现、由申请人声明待核实的支持对象类别（如城镇登记失业人员）' }),
});

/** What an application carries (the console's and the portal's). */
export const ApplicationFields = z.object({
  kind: BorrowerKindField,
  members: z.number().int().min(2).max(10).optional().meta({ description: '合伙创业人数' }),
  amountFen: Fen,
  termMonths: z.number().int().min(1).max(60).meta({ description: '期限（月）' }),
  purpose: plainText({ max: 200, min: 2 }).meta({ description: '贷款用途', example: '购置设备' }),
  collateral: z.enum(COLLATERAL_CODES).meta({ description: '担保方式 / 抵质押物' }),
  declarations: Declarations,
  bankOrgId: z.uuid().meta({ description: '经办银行（GET /api/loans/banks 所列）' }),
});

/** Console: an officer files for someone in the ledger. */
export const ApplicationBody = ApplicationFields.extend({
  personId: z.uuid().optional().meta({ description: '申请人（台账人员）' }),
  entityId: z.uuid().optional().meta({ description: '申请市场主体（小微企业贷款必填）' }),
  comment: plainText({ max: 500, multiline: true }).optional(),
});

/** Portal: the entrepreneur's own person record, or one of their own enterprises. */
export const PortalApplicationBody = ApplicationFields.extend({
  entityId: z.uuid().optional().meta({ description: '本人名下的市场主体（小微企业贷款）' }),
});

/** The pre-check's query string (same fields, flat). */
export const EligibilityQuery = z.object({
  personId: z.uuid().optional(),
  entityId: z.uuid().optional(),
  kind: BorrowerKindField,
  members: z.coerce.number().int().min(2).max(10).optional(),
  amountFen: z.coerce.number().int().positive().max(100_000_000_000),
  termMonths: z.coerce.number().int().min(1).max(60),
  collateral: z.enum(COLLATERAL_CODES).default('credit'),
  date: IsoDate.optional().meta({ description: '适用日期（默认今天）' }),
});

export const ConditionView = z.object({
  code: z.string(),
  met: z
    .boolean()
    .nullable()
    .meta({ description: 'true 满足 / false 不满足 / null 无法判断（未配置）' }),
  zh: z.string(),
  en: z.string(),
});

export const EligibilityView = z.object({
  eligible: z.boolean().meta({ description: '全部条件满足' }),
  /** Hard failures refuse the filing; undecidable conditions go to the 人社 reviewer. */
  refused: z.boolean().meta({ description: '有不满足的硬性条件，不能提交' }),
  conditions: z.array(ConditionView),
  counterGuarantee: z.object({
    required: z.boolean().nullable(),
    ground: z.enum(['green_channel', 'product_rule', 'not_configured']),
    zh: z.string(),
    en: z.string(),
  }),
  greenChannel: z.boolean().meta({ description: '信用园区白名单：免反担保，跳过担保机构环节' }),
  regionCode: z.string(),
  date: z.string(),
});

export const ApplicationCreated = z.object({
  caseId: z.uuid(),
  eligibility: EligibilityView,
});

export const BanksQuery = z.object({ region: RegionCode12 });
export const BankOption = z.object({ id: z.uuid(), name: z.string(), regionCode: z.string() });
export const BanksView = z.object({ items: z.array(BankOption) });

export const LoanParams = z.object({ caseId: z.uuid() });

export const InstallmentView = z.object({
  index: z.number().int(),
  periodStart: z.string(),
  dueDate: z.string(),
  days: z.number().int(),
  outstandingFen: z.number().int(),
  principalFen: z.number().int(),
  interestFen: z.number().int(),
  borrowerFen: z.number().int(),
  subsidyFen: z.number().int(),
});

export const ScheduleView = z.object({
  id: z.uuid(),
  /** 1 at disbursement, +1 per 展期; only the highest is current. */
  revision: z.number().int(),
  current: z.boolean(),
  reason: z.enum(['disbursement', 'extension']),
  principalFen: z.number().int(),
  annualRateBp: z.number().int(),
  subsidyBp: z.number().int(),
  startDate: z.string(),
  maturityOn: z.string(),
  installments: z.array(InstallmentView),
  createdAt: z.string(),
});

export const RepaymentBody = z.object({
  paidOn: IsoDate.meta({ description: '还款日期' }),
  dueDate: IsoDate.optional().meta({
    description: '对应的还款计划期（到期日）；省略为最早未还清一期',
  }),
  principalFen: z
    .number()
    .int()
    .min(0)
    .max(100_000_000_000)
    .meta({ description: '归还本金（分）' }),
  interestFen: z
    .number()
    .int()
    .min(0)
    .max(100_000_000_000)
    .meta({ description: '支付利息（分，借款人部分）' }),
  comment: plainText({ max: 500, multiline: true }).optional(),
});

export const RepaymentView = z.object({
  id: z.uuid(),
  paidOn: z.string(),
  dueDate: z.string().nullable(),
  principalFen: z.number().int(),
  interestFen: z.number().int(),
  recordedBy: z.string(),
  createdAt: z.string(),
});

export const LoanView = z.object({
  caseId: z.uuid(),
  state: z.string(),
  stateName: z.string(),
  regionCode: z.string(),
  bankOrgId: z.uuid().nullable(),
  application: ApplicationFields.omit({ declarations: true }).extend({
    declarations: Declarations,
  }),
  eligibility: EligibilityView,
  schedules: z.array(ScheduleView),
  repayments: z.array(RepaymentView),
  outstandingPrincipalFen: z.number().int(),
  /** Fund's share of a 代偿 (担保基金承担部分) and the bank's. */
  compensation: z
    .object({ amountFen: z.number().int(), fundFen: z.number().int(), bankFen: z.number().int() })
    .nullable(),
});

/** Portal: my applications. */
export const PortalLoanItem = z.object({
  caseId: z.uuid(),
  amountFen: z.number().int(),
  termMonths: z.number().int(),
  purpose: z.string(),
  state: z.string(),
  stateName: z.string(),
  terminal: z.boolean(),
  /** The step bar's current step. */
  currentStep: z.string(),
  dueAt: z.string().nullable(),
  deadlineStatus: z.enum(['none', 'ok', 'near', 'overdue']),
  createdAt: z.string(),
  history: z.array(
    z.object({
      at: z.string(),
      stateName: z.string(),
      transitionName: z.string(),
      reason: z.string().nullable(),
    }),
  ),
});
export const PortalLoansView = z.object({ items: z.array(PortalLoanItem) });

// —— 贴息 ——

export const Quarter = z
  .string()
  .regex(/^\d{4}-Q[1-4]$/, 'QUARTER')
  .meta({ description: '季度，如 2025-Q2', example: '2025-Q2' });

export const ClaimBuildBody = z.object({
  quarter: Quarter,
  regionCode: RegionCode12.meta({ description: '县（区）；该地区内各经办银行各生成一张申领单' }),
});

export const ClaimsQuery = z.object({
  quarter: Quarter.optional(),
  bankOrgId: z.uuid().optional(),
  region: RegionCode12.optional(),
});

export const ClaimParams = z.object({ id: z.uuid() });

export const ClaimPayBody = z.object({
  amountFen: Fen.meta({ description: '本次拨付金额（分）；可部分拨付，累计不得超过应付' }),
  paidOn: IsoDate,
  document: plainText({ max: 200, min: 2 }).meta({
    description: '拨付凭证号或文件',
    example: '奉财社〔2025〕12号',
  }),
});

export const ClaimLineView = z.object({
  caseId: z.uuid(),
  regionCode: z.string(),
  borrowerName: z.string().nullable(),
  dueFen: z.number().int(),
  paidFen: z.number().int(),
  outstandingFen: z.number().int(),
});

export const ClaimView = z.object({
  id: z.uuid(),
  quarter: z.string(),
  regionCode: z.string(),
  bankOrgId: z.uuid(),
  bankName: z.string(),
  state: z.enum(['open', 'part_paid', 'paid']),
  dueFen: z.number().int(),
  paidFen: z.number().int(),
  outstandingFen: z.number().int(),
  createdAt: z.string(),
  lines: z.array(ClaimLineView).optional(),
  payments: z
    .array(
      z.object({
        amountFen: z.number().int(),
        paidOn: z.string(),
        document: z.string(),
        by: z.string(),
      }),
    )
    .optional(),
});
export const ClaimsView = z.object({ items: z.array(ClaimView) });

export const SummaryQuery = z.object({
  by: z.enum(['bank', 'county', 'quarter']).default('bank'),
  region: RegionCode12.optional(),
  quarter: Quarter.optional(),
});
export const SummaryView = z.object({
  by: z.enum(['bank', 'county', 'quarter']),
  items: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      dueFen: z.number().int(),
      paidFen: z.number().int(),
      outstandingFen: z.number().int(),
    }),
  ),
  total: z.object({
    dueFen: z.number().int(),
    paidFen: z.number().int(),
    outstandingFen: z.number().int(),
  }),
});

// —— 担保基金 ——

export const FundQuery = z.object({ region: RegionCode12 });

export const DepositBody = z.object({
  regionCode: RegionCode12.meta({ description: '基金所属地区（县或市）' }),
  source: z.enum(FUND_SOURCE_CODES).meta({
    description: 'fiscal 财政筹集 / unemployment_insurance 失业保险基金借用 / other 其他',
  }),
  amountFen: Fen,
  date: IsoDate,
  document: plainText({ max: 200, min: 2 }).meta({ description: '依据文件或凭证' }),
  /** Required for 失业保险基金: both preconditions confirmed. */
  preconditions: z
    .object({ fiscalMainChannelKept: z.boolean(), benefitsPaidNormally: z.boolean() })
    .optional()
    .meta({ description: '失业保险基金借用的两项前提：财政主渠道未减、失业保险待遇按时足额发放' }),
});

export const FundView = z.object({
  regionCode: z.string(),
  depositsFen: z.number().int(),
  bySource: z.record(z.string(), z.number().int()),
  balanceFen: z.number().int(),
  guaranteedBalanceFen: z.number().int(),
  capacityFen: z.number().int().nullable(),
  headroomFen: z.number().int().nullable(),
  overdueRateBp: z.number().int().nullable(),
  compensationRateBp: z.number().int().nullable(),
  level: z.enum(['normal', 'warning', 'stopped']),
  reasons: z.array(
    z.object({ code: z.string(), level: z.string(), zh: z.string(), en: z.string() }),
  ),
  deposits: z.array(
    z.object({
      id: z.uuid(),
      source: z.string(),
      amountFen: z.number().int(),
      date: z.string(),
      document: z.string(),
    }),
  ),
});

export type ApplicationBodyT = z.infer<typeof ApplicationBody>;
export type PortalApplicationBodyT = z.infer<typeof PortalApplicationBody>;
export type EligibilityQueryT = z.infer<typeof EligibilityQuery>;
export type EligibilityViewT = z.infer<typeof EligibilityView>;
export type LoanViewT = z.infer<typeof LoanView>;
export type RepaymentBodyT = z.infer<typeof RepaymentBody>;
export type PortalLoanItemT = z.infer<typeof PortalLoanItem>;
export type ClaimViewT = z.infer<typeof ClaimView>;
export type SummaryViewT = z.infer<typeof SummaryView>;
export type FundViewT = z.infer<typeof FundView>;
export type DepositBodyT = z.infer<typeof DepositBody>;
export type BankOptionT = z.infer<typeof BankOption>;
export type ApplicationCreatedT = z.infer<typeof ApplicationCreated>;
export type BanksViewT = z.infer<typeof BanksView>;
export type ClaimsQueryT = z.infer<typeof ClaimsQuery>;
export type SummaryQueryT = z.infer<typeof SummaryQuery>;
export type ClaimBuildBodyT = z.infer<typeof ClaimBuildBody>;
export type ClaimPayBodyT = z.infer<typeof ClaimPayBody>;
