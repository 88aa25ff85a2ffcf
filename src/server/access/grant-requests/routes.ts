import { ERROR_RESPONSES } from '../../platform/http/error-body.js';
import type { App, AppDeps } from '../../platform/http/types.js';
import {
  GrantRequestListQuery,
  GrantRequestPage,
  GrantRequestParams,
  GrantRequestView,
  RejectGrantRequestBody,
} from './contract.js';
import * as requests from './service.js';

/**
 * Grant requests (三权分立): grants carrying personal-data permissions wait for the security
 * administrator. Listed by the security administrator (security.manage) and the system
 * administrator (user.read) within their scope; decided with security.manage only.
 */
export function registerGrantRequestsRoutes(app: App, deps: AppDeps): void {
  const tags = ['授权审批 grant requests'];
  const one = { 200: GrantRequestView, ...ERROR_RESPONSES };
  app.get('/api/grant-requests', {
    schema: {
      tags,
      summary: '授权申请列表（安全管理员审批，系统管理员查看进度）',
      querystring: GrantRequestListQuery,
      response: { 200: GrantRequestPage, ...ERROR_RESPONSES },
    },
    handler: (req) => requests.listGrantRequests(deps, req.ctx, req.query),
  });
  app.post('/api/grant-requests/:id/approve', {
    schema: {
      tags,
      summary: '批准授权申请（授权随即生效）',
      params: GrantRequestParams,
      response: one,
    },
    config: { action: 'user.grant_approve' },
    handler: (req) => requests.approveGrantRequest(deps, req.ctx, req.params.id),
  });
  app.post('/api/grant-requests/:id/reject', {
    schema: {
      tags,
      summary: '驳回授权申请（须填写理由）',
      params: GrantRequestParams,
      body: RejectGrantRequestBody,
      response: one,
    },
    config: { action: 'user.grant_reject' },
    handler: (req) => requests.rejectGrantRequest(deps, req.ctx, req.params.id, req.body.reason),
  });
}
