import { ERROR_RESPONSES } from '../../platform/http/error-body.js';
import type { App, AppDeps } from '../../platform/http/types.js';
import {
  ApplicationBody,
  ApplicationCreated,
  BanksQuery,
  BanksView,
  EligibilityQuery,
  EligibilityView,
  LoanParams,
  LoanView,
  RepaymentBody,
} from './contract.js';
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
