import { ERROR_RESPONSES } from '../../platform/http/error-body.js';
import type { App, AppDeps } from '../../platform/http/types.js';
import {
  CreateOrgBody,
  OrgIdParams,
  OrgListQuery,
  OrgPage,
  OrgTypeList,
  OrgView,
  UpdateOrgBody,
} from './contract.js';
import * as orgs from './service.js';

/** Organisations: read with org.read, write with org.manage, both within region scope. */
export function registerOrgsRoutes(app: App, deps: AppDeps): void {
  const tags = ['机构 orgs'];
  app.get('/api/org-types', {
    schema: { tags, summary: '机构类型', response: { 200: OrgTypeList, ...ERROR_RESPONSES } },
    handler: (req) => orgs.orgTypes(req.ctx),
  });
  app.get('/api/orgs', {
    schema: {
      tags,
      summary: '机构列表（按管辖范围）',
      querystring: OrgListQuery,
      response: { 200: OrgPage, ...ERROR_RESPONSES },
    },
    handler: (req) => orgs.listOrgs(deps, req.ctx, req.query),
  });
  app.get('/api/orgs/:id', {
    schema: {
      tags,
      summary: '机构详情',
      params: OrgIdParams,
      response: { 200: OrgView, ...ERROR_RESPONSES },
    },
    handler: (req) => orgs.getOrg(deps, req.ctx, req.params.id),
  });
  app.post('/api/orgs', {
    schema: {
      tags,
      summary: '新建机构',
      body: CreateOrgBody,
      response: { 201: OrgView, ...ERROR_RESPONSES },
    },
    config: { action: 'org.create' },
    handler: async (req, reply) => {
      const view = await orgs.createOrg(deps, req.ctx, req.body);
      return reply.code(201).send(view);
    },
  });
  app.patch('/api/orgs/:id', {
    schema: {
      tags,
      summary: '修改机构（乐观锁）',
      params: OrgIdParams,
      body: UpdateOrgBody,
      response: { 200: OrgView, ...ERROR_RESPONSES },
    },
    config: { action: 'org.update' },
    handler: (req) => orgs.updateOrg(deps, req.ctx, req.params.id, req.body),
  });
}
