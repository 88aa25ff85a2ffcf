import { ERROR_RESPONSES } from '../http/error-body.js';
import type { App, AppDeps } from '../http/types.js';
import { AuditListQuery, AuditPage, VerifyView } from './contract.js';
import * as audit from './service.js';

/** The audit trail: read and verified by the audit administrator (`audit.read`) only. */
export function registerAuditRoutes(app: App, deps: AppDeps): void {
  const tags = ['审计 audit'];
  app.get('/api/audit', {
    schema: {
      tags,
      summary: '审计日志（按条件筛选，最新在前）',
      querystring: AuditListQuery,
      response: { 200: AuditPage, ...ERROR_RESPONSES },
    },
    handler: (req) => audit.listAuditRecords(deps, req.ctx, req.query),
  });
  app.get('/api/audit/verify', {
    schema: {
      tags,
      summary: '校验审计哈希链（发现被修改、删除或截断的记录）',
      response: { 200: VerifyView, ...ERROR_RESPONSES },
    },
    handler: (req) => audit.verifyAuditTrail(deps, req.ctx),
  });
}
