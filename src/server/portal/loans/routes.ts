import { uploadBody } from '../../programme/cases/attachment-service.js';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody, ERROR_RESPONSES } from '../../platform/http/error-body.js';
import type { App, AppDeps } from '../../platform/http/types.js';
import { AttachmentQuery, AttachmentView } from '../../programme/cases/contract.js';
import { ApplicationCreated, BanksView, EligibilityView } from '../../programme/loans/contract.js';
import { portalHooks } from '../accounts/session.js';
import {
  PortalApplyBody,
  PortalEligibilityBody,
  PortalLoanDetail,
  PortalLoanList,
  PortalLoanParams,
  PortalProductView,
} from './contract.js';
import {
  portalApply,
  portalAttach,
  portalBanks,
  portalLoan,
  portalLoans,
  portalPreCheck,
  portalProduct,
} from './service.js';

/**
 * 创业担保贷款 on the portal (entrepreneur session, own files only): the product, the region's
 * banks, the pre-check, applying, my files and materials. Registered after the portal's
 * account routes, which decorate the request with the portal state.
 */
export function registerPortalLoanRoutes(app: App, deps: AppDeps): void {
  const hooks = portalHooks(deps);
  const tags = ['创业者门户：创业担保贷款 portal loans'];
  const self = { portal: 'self' as const };
  app.get('/api/portal/loans/product', {
    ...hooks,
    schema: {
      tags,
      summary: '本人所在地适用的创业担保贷款产品（额度、期限、利率与贴息、支持对象）',
      response: { 200: PortalProductView, ...ERROR_RESPONSES },
    },
    config: self,
    handler: (req) => portalProduct(deps, req.ctx, req.portal),
  });
  app.get('/api/portal/loans/banks', {
    ...hooks,
    schema: {
      tags,
      summary: '本人所在地可选的经办银行',
      response: { 200: BanksView, ...ERROR_RESPONSES },
    },
    config: self,
    handler: (req) => portalBanks(deps, req.portal),
  });
  app.post('/api/portal/loans/eligibility', {
    ...hooks,
    schema: {
      tags,
      summary: '资格预审（本人或本人任法定代表人的企业，逐条说明，不提交）',
      body: PortalEligibilityBody,
      response: { 200: EligibilityView, ...ERROR_RESPONSES },
    },
    config: { ...self, action: 'portal.loan_precheck' },
    handler: (req) => portalPreCheck(deps, req.ctx, req.portal, req.body),
  });
  app.post('/api/portal/loans', {
    ...hooks,
    schema: {
      tags,
      summary: '申请创业担保贷款（预审不通过的硬性条件不能提交；同一借款人不能重复申请）',
      body: PortalApplyBody,
      response: { 201: ApplicationCreated, ...ERROR_RESPONSES },
    },
    config: { ...self, action: 'loan.apply' },
    handler: async (req, reply) =>
      reply.code(201).send(await portalApply(deps, req.ctx, req.portal, req.body)),
  });
  app.get('/api/portal/loans', {
    ...hooks,
    schema: {
      tags,
      summary: '我的贷款申请（状态、金额、银行、当前环节、时限、下一步）',
      response: { 200: PortalLoanList, ...ERROR_RESPONSES },
    },
    config: self,
    handler: (req) => portalLoans(deps, req.ctx, req.portal),
  });
  app.get('/api/portal/loans/:caseId', {
    ...hooks,
    schema: {
      tags,
      summary: '我的一笔贷款：各环节及日期、待补材料、已放款的还款计划',
      params: PortalLoanParams,
      response: { 200: PortalLoanDetail, ...ERROR_RESPONSES },
    },
    config: self,
    handler: (req) => portalLoan(deps, req.ctx, req.portal, req.params.caseId),
  });
  void app.register((child, _opts, done) => {
    // Only this route reads a raw body: hand the request stream over untouched.
    child.addContentTypeParser('*', (_req, payload, next) => next(null, payload));
    child.withTypeProvider<ZodTypeProvider>().post('/api/portal/loans/:caseId/attachments', {
      ...hooks,
      schema: {
        tags,
        summary: '为本人的贷款申请上传材料（PDF、JPEG、PNG、.xlsx、.docx，按内容识别）',
        description: '请求体为文件原始内容，不超过 20 MB；name 为原文件名，kind 为材料类别。',
        params: PortalLoanParams,
        querystring: AttachmentQuery,
        response: { 201: AttachmentView, 413: ErrorBody, 415: ErrorBody, ...ERROR_RESPONSES },
      },
      config: { ...self, action: 'portal.loan_attach' },
      handler: async (req, reply) => {
        const length = Number(req.headers['content-length']);
        const saved = await portalAttach(
          deps,
          req.ctx,
          req.portal,
          req.params.caseId,
          uploadBody(req.body),
          {
            name: req.query.name,
            materialKind: req.query.kind,
            contentLength: Number.isFinite(length) ? length : undefined,
          },
        );
        return reply.code(201).send(saved);
      },
    });
    done();
  });
}
