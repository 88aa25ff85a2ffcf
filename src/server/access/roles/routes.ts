import { ERROR_RESPONSES } from '../../platform/http/error-body.js';
import type { App, AppDeps } from '../../platform/http/types.js';
import { CreateRoleBody, PermissionList, RoleList, RoleView } from './contract.js';
import * as roles from './service.js';

/** Roles and the permission catalog: read with user.read, create custom roles with role.manage. */
export function registerRolesRoutes(app: App, deps: AppDeps): void {
  const tags = ['角色 roles'];
  app.get('/api/roles', {
    schema: { tags, summary: '角色列表', response: { 200: RoleList, ...ERROR_RESPONSES } },
    handler: (req) => roles.listRoles(deps, req.ctx),
  });
  app.get('/api/permissions', {
    schema: { tags, summary: '权限目录', response: { 200: PermissionList, ...ERROR_RESPONSES } },
    handler: (req) => roles.listPermissions(req.ctx),
  });
  app.post('/api/roles', {
    schema: {
      tags,
      summary: '新建自定义角色',
      body: CreateRoleBody,
      response: { 201: RoleView, ...ERROR_RESPONSES },
    },
    config: { action: 'role.create' },
    handler: async (req, reply) => {
      const view = await roles.createRole(deps, req.ctx, req.body);
      return reply.code(201).send(view);
    },
  });
}
