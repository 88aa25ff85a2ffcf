import { ERROR_RESPONSES } from '../../platform/http/error-body.js';
import type { App, AppDeps } from '../../platform/http/types.js';
import {
  LockedUserPage,
  LockedUsersQuery,
  SecuritySettingsBody,
  SecuritySettingsView,
  UnlockParams,
  UnlockView,
} from './contract.js';
import * as security from './service.js';

/** The security administrator's routes: settings, locked accounts, unlocking. */
export function registerSecurityRoutes(app: App, deps: AppDeps): void {
  const tags = ['安全 security'];
  app.get('/api/security/settings', {
    schema: {
      tags,
      summary: '安全设置',
      response: { 200: SecuritySettingsView, ...ERROR_RESPONSES },
    },
    handler: (req) => security.getSettings(deps, req.ctx),
  });
  app.put('/api/security/settings', {
    schema: {
      tags,
      summary: '修改安全设置',
      body: SecuritySettingsBody,
      response: { 200: SecuritySettingsView, ...ERROR_RESPONSES },
    },
    config: { action: 'security.settings_update' },
    handler: (req) => security.putSettings(deps, req.ctx, req.body),
  });
  app.get('/api/security/locked-users', {
    schema: {
      tags,
      summary: '当前被锁定的账号',
      querystring: LockedUsersQuery,
      response: { 200: LockedUserPage, ...ERROR_RESPONSES },
    },
    handler: (req) => security.lockedUsers(deps, req.ctx, req.query),
  });
  app.post('/api/users/:id/unlock', {
    schema: {
      tags,
      summary: '解除账号锁定',
      params: UnlockParams,
      response: { 200: UnlockView, ...ERROR_RESPONSES },
    },
    config: { action: 'user.unlock' },
    handler: (req) => security.unlockUser(deps, req.ctx, req.params.id),
  });
}
