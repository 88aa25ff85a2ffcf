import { ERROR_RESPONSES } from '../../platform/http/error-body.js';
import type { App, AppDeps } from '../../platform/http/types.js';
import type { SmsTransport } from '../../platform/sms/sms-transport.js';
import {
  CreatedUserView,
  CreateUserBody,
  GrantBody,
  GrantParams,
  PasswordResetView,
  UpdateUserBody,
  UserDetailView,
  UserIdParams,
  UserListQuery,
  UserPage,
} from './contract.js';
import * as grants from './grant-service.js';
import * as users from './service.js';

/** Accounts and their grants: read with user.read, change with user.manage, within region scope. */
export function registerUsersRoutes(app: App, deps: AppDeps, sms: SmsTransport): void {
  const tags = ['用户 users'];
  const detail = { 200: UserDetailView, ...ERROR_RESPONSES };
  app.get('/api/users', {
    schema: {
      tags,
      summary: '用户列表（按管辖范围）',
      querystring: UserListQuery,
      response: { 200: UserPage, ...ERROR_RESPONSES },
    },
    handler: (req) => users.listUsers(deps, req.ctx, req.query),
  });
  app.get('/api/users/:id', {
    schema: { tags, summary: '用户详情（含授权）', params: UserIdParams, response: detail },
    handler: (req) => users.getUser(deps, req.ctx, req.params.id),
  });
  app.post('/api/users', {
    schema: {
      tags,
      summary: '新建用户',
      body: CreateUserBody,
      response: { 201: CreatedUserView, ...ERROR_RESPONSES },
    },
    config: { action: 'user.create' },
    handler: async (req, reply) => {
      const created = await users.createUser(deps, req.ctx, req.body);
      return reply.code(201).send(created);
    },
  });
  app.patch('/api/users/:id', {
    schema: {
      tags,
      summary: '修改用户（乐观锁）',
      params: UserIdParams,
      body: UpdateUserBody,
      response: detail,
    },
    config: { action: 'user.update' },
    handler: (req) => users.updateUser(deps, req.ctx, req.params.id, req.body),
  });
  app.post('/api/users/:id/disable', {
    schema: { tags, summary: '停用用户（立即结束其会话）', params: UserIdParams, response: detail },
    config: { action: 'user.disable' },
    handler: (req) => users.setDisabled(deps, req.ctx, req.params.id, true),
  });
  app.post('/api/users/:id/enable', {
    schema: { tags, summary: '启用用户', params: UserIdParams, response: detail },
    config: { action: 'user.enable' },
    handler: (req) => users.setDisabled(deps, req.ctx, req.params.id, false),
  });
  app.post('/api/users/:id/reset-password', {
    schema: {
      tags,
      summary: '重置密码（临时密码以短信发给用户本人，不返回给管理员）',
      params: UserIdParams,
      response: { 200: PasswordResetView, ...ERROR_RESPONSES },
    },
    config: { action: 'user.reset_password' },
    handler: (req) => users.resetPassword(deps, sms, req.ctx, req.params.id),
  });
  app.post('/api/users/:id/grants', {
    schema: {
      tags,
      summary: '授予角色（含个人信息权限的角色须安全管理员批准：返回 202 与待审批申请）',
      params: UserIdParams,
      body: GrantBody,
      response: { 201: UserDetailView, 202: UserDetailView, ...ERROR_RESPONSES },
    },
    config: { action: 'user.grant' },
    handler: async (req, reply) => {
      const { user, pending } = await grants.grantRole(deps, req.ctx, req.params.id, req.body);
      return reply.code(pending ? 202 : 201).send(user);
    },
  });
  app.delete('/api/users/:id/grants/:grantId', {
    schema: { tags, summary: '收回授权', params: GrantParams, response: detail },
    config: { action: 'user.revoke' },
    handler: (req) => grants.revokeGrant(deps, req.ctx, req.params.id, req.params.grantId),
  });
}
