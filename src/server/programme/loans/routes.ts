import { ERROR_RESPONSES } from '../../platform/http/error-body.js';
import type { App, AppDeps } from '../../platform/http/types.js';
import {
  ApplicationBody,
  ApplicationCreated,
  BanksQuery,
  BanksView,
  ClaimBuildBody,
  ClaimParams,
  ClaimPayBody,
  ClaimsQuery,
  ClaimsView,
  ClaimView,
  DepositBody,
  FundQuery,
  FundView,
  SummaryQuery,
  SummaryView,
  EligibilityQuery,
  EligibilityView,
  LoanParams,
  LoanView,
  RepaymentBody,
} from './contract.js';
import {
  addDeposit,
  buildClaims,
  claimDetail,
  claimSummary,
  fundView,
  listClaimViews,
  payClaim,
} from './finance-service.js';
import { fileApplication, listBanks, loanDetail, preCheck, recordRepayment } from './service.js';

/**
 * Guarantee loans (创业担保贷款): pre-check, application (files a guarantee-loan case), the loan
 * with its schedules and repayments, repayments by the lending bank.
 */
export function registerLoanRoutes(app: App, deps: AppDeps): void {
  const tags = ['创业担保贷款 loans'];
  app.get('/api/loans/eligibility', {
    schema: {
      tags,
      summary: '资格预审（按台账和当地当日适用的产品参数逐条说明，不提交）',
      querystring: EligibilityQuery,
      response: { 200: EligibilityView, ...ERROR_RESPONSES },
    },
    handler: (req) => preCheck(deps, req.ctx, req.query),
  });
  app.get('/api/loans/banks', {
    schema: {
      tags,
      summary: '可选的经办银行（该地区及上级地区的银行）',
      querystring: BanksQuery,
      response: { 200: BanksView, ...ERROR_RESPONSES },
    },
    handler: (req) => listBanks(deps, req.ctx, req.query.region),
  });
  app.post('/api/loans/applications', {
    schema: {
      tags,
      summary: '代申请人提交创业担保贷款申请（预审不通过的硬性条件不能提交）',
      body: ApplicationBody,
      response: { 201: ApplicationCreated, ...ERROR_RESPONSES },
    },
    config: { action: 'loan.apply' },
    handler: async (req, reply) =>
      reply.code(201).send(await fileApplication(deps, req.ctx, req.body)),
  });
  app.get('/api/loans/:caseId', {
    schema: {
      tags,
      summary: '贷款详情：申请、预审、还款计划（含展期历史）、还款记录',
      params: LoanParams,
      response: { 200: LoanView, ...ERROR_RESPONSES },
    },
    handler: (req) => loanDetail(deps, req.ctx, req.params.caseId),
  });
  app.post('/api/loans/:caseId/repayments', {
    schema: {
      tags,
      summary: '登记还款（仅经办银行）',
      params: LoanParams,
      body: RepaymentBody,
      response: { 200: LoanView, ...ERROR_RESPONSES },
    },
    config: { action: 'loan.repayment' },
    handler: (req) => recordRepayment(deps, req.ctx, req.params.caseId, req.body),
  });
}

/** 贴息 claims and the guarantee fund. */
export function registerLoanFinanceRoutes(app: App, deps: AppDeps): void {
  const tags = ['贴息与担保基金 subsidy & fund'];
  app.get('/api/subsidy-claims', {
    schema: {
      tags,
      summary: '贴息申领单（按季度、银行、地区筛选）',
      querystring: ClaimsQuery,
      response: { 200: ClaimsView, ...ERROR_RESPONSES },
    },
    handler: (req) => listClaimViews(deps, req.ctx, req.query),
  });
  app.get('/api/subsidy-claims/summary', {
    schema: {
      tags,
      summary: '贴息应付、已付、未付：按银行、县或季度汇总',
      querystring: SummaryQuery,
      response: { 200: SummaryView, ...ERROR_RESPONSES },
    },
    handler: (req) => claimSummary(deps, req.ctx, req.query),
  });
  app.post('/api/subsidy-claims/build', {
    schema: {
      tags,
      summary: '生成某县某季度各经办银行的贴息申领单（按还款计划和实际付息，先付后贴）',
      body: ClaimBuildBody,
      response: { 200: ClaimsView, ...ERROR_RESPONSES },
    },
    config: { action: 'subsidy.claims_build' },
    handler: (req) => buildClaims(deps, req.ctx, req.body),
  });
  app.get('/api/subsidy-claims/:id', {
    schema: {
      tags,
      summary: '贴息申领单明细（逐笔贷款、拨付记录）',
      params: ClaimParams,
      response: { 200: ClaimView, ...ERROR_RESPONSES },
    },
    handler: (req) => claimDetail(deps, req.ctx, req.params.id),
  });
  app.post('/api/subsidy-claims/:id/pay', {
    schema: {
      tags,
      summary: '登记财政拨付（可部分拨付，累计不超过应付）',
      params: ClaimParams,
      body: ClaimPayBody,
      response: { 200: ClaimView, ...ERROR_RESPONSES },
    },
    config: { action: 'subsidy.pay' },
    handler: (req) => payClaim(deps, req.ctx, req.params.id, req.body),
  });
  app.get('/api/guarantee-fund', {
    schema: {
      tags,
      summary: '担保基金状况：余额、在保余额、放大倍数、逾期率和代偿率、预警',
      querystring: FundQuery,
      response: { 200: FundView, ...ERROR_RESPONSES },
    },
    handler: (req) => fundView(deps, req.ctx, req.query.region),
  });
  app.post('/api/guarantee-fund/deposits', {
    schema: {
      tags,
      summary: '登记担保基金注入（失业保险基金借用须确认两项前提）',
      body: DepositBody,
      response: { 200: FundView, ...ERROR_RESPONSES },
    },
    config: { action: 'fund.deposit' },
    handler: (req) => addDeposit(deps, req.ctx, req.body),
  });
}
