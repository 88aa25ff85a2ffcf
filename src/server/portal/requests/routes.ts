import { ERROR_RESPONSES } from '../../platform/http/error-body.js';
import type { App, AppDeps } from '../../platform/http/types.js';
import type { SmsTransport } from '../../platform/sms/sms-transport.js';
import { QueuePage, QueueQuery, RejectBody, RequestDetail, RequestParams } from './contract.js';
import { acceptRequest, getRequest, listRequests, rejectRequest } from './service.js';

/**
 * The officers' queue of entrepreneurs' claims and change requests (台账 → 待核实申请): list,
 * detail, accept, reject. Scoped by person.write / entity.write over the record's region.
 */
export function registerPortalRequestRoutes(app: App, deps: AppDeps, sms: SmsTransport): void {
  const rdeps = { ...deps, sms, log: app.log };
  const tags = ['创业者申请核实 portal requests'];
  const detail = { 200: RequestDetail, ...ERROR_RESPONSES };
  app.get('/api/portal-requests', {
    schema: {
      tags,
      summary: '待核实申请列表（认领已有记录、修改申请；按管辖范围）',
      querystring: QueueQuery,
      response: { 200: QueuePage, ...ERROR_RESPONSES },
    },
    handler: (req) => listRequests(deps, req.ctx, req.query),
  });
  app.get('/api/portal-requests/:id', {
    schema: {
      tags,
      summary: '申请详情：台账现值与申请值对照（脱敏）',
      params: RequestParams,
      response: detail,
    },
    handler: (req) => getRequest(deps, req.ctx, req.params.id),
  });
  app.post('/api/portal-requests/:id/accept', {
    schema: { tags, summary: '通过申请（写入台账）', params: RequestParams, response: detail },
    config: { action: 'portal_request.accept' },
    handler: (req) => acceptRequest(rdeps, req.ctx, req.params.id),
  });
  app.post('/api/portal-requests/:id/reject', {
    schema: {
      tags,
      summary: '驳回申请（须填写理由）',
      params: RequestParams,
      body: RejectBody,
      response: detail,
    },
    config: { action: 'portal_request.reject' },
    handler: (req) => rejectRequest(rdeps, req.ctx, req.params.id, req.body),
  });
}
