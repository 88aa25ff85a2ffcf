import { ERROR_RESPONSES } from '../http/error-body.js';
import type { App, AppDeps } from '../http/types.js';
import {
  ChangePasswordBody,
  LoginBody,
  MobileView,
  OkView,
  SessionView,
  SetMobileBody,
  TotpCodeBody,
  TotpSetupBody,
  TotpSetupView,
} from './contract.js';
import { setOwnMobile } from './mobile-service.js';
import * as auth from './service.js';

export function registerAuthRoutes(app: App, deps: AppDeps): void {
  const tags = ['认证 auth'];
  app.post('/api/auth/login', {
    schema: {
      tags,
      summary: '登录',
      body: LoginBody,
      response: { 200: SessionView, ...ERROR_RESPONSES },
    },
    config: {
      public: true,
      action: 'auth.login',
      rateLimit: { max: deps.config.loginRatePerMinute, timeWindow: '1 minute' },
    },
    handler: (req) => auth.login(deps, req.ctx, req.body),
  });
  app.post('/api/auth/logout', {
    schema: { tags, summary: '退出登录', response: { 200: OkView, ...ERROR_RESPONSES } },
    config: { action: 'auth.logout' },
    handler: async (req) => {
      await auth.logout(deps, req.ctx);
      return { ok: true as const };
    },
  });
  app.get('/api/auth/session', {
    schema: { tags, summary: '当前会话', response: { 200: SessionView, ...ERROR_RESPONSES } },
    handler: (req) => auth.currentSession(deps, req.ctx),
  });
  app.post('/api/auth/password', {
    schema: {
      tags,
      summary: '修改本人密码',
      body: ChangePasswordBody,
      response: { 200: OkView, ...ERROR_RESPONSES },
    },
    config: { action: 'auth.password_change' },
    handler: async (req) => {
      await auth.changePassword(deps, req.ctx, req.body);
      return { ok: true as const };
    },
  });
  app.post('/api/auth/mobile', {
    schema: {
      tags,
      summary: '登记本人手机号（重置密码的短信发到此号码；须输入当前密码）',
      body: SetMobileBody,
      response: { 200: MobileView, ...ERROR_RESPONSES },
    },
    config: { action: 'auth.mobile_change' },
    handler: (req) => setOwnMobile(deps, req.ctx, req.body),
  });
  app.post('/api/auth/totp/setup', {
    schema: {
      tags,
      summary: '开始绑定动态验证码',
      description:
        '首次绑定（登录后待绑定状态）无需请求体；已完成登录的会话重新绑定须提交当前密码 `currentPassword`。',
      body: TotpSetupBody,
      response: { 200: TotpSetupView, ...ERROR_RESPONSES },
    },
    config: { action: 'auth.totp_setup' },
    handler: (req) => auth.totpSetup(deps, req.ctx, req.body?.currentPassword),
  });
  app.post('/api/auth/totp/confirm', {
    schema: {
      tags,
      summary: '确认绑定动态验证码',
      body: TotpCodeBody,
      response: { 200: SessionView, ...ERROR_RESPONSES },
    },
    config: { action: 'auth.totp_enable' },
    handler: (req) => auth.totpConfirm(deps, req.ctx, req.body.code),
  });
  app.post('/api/auth/totp/verify', {
    schema: {
      tags,
      summary: '输入动态验证码完成登录',
      body: TotpCodeBody,
      response: { 200: SessionView, ...ERROR_RESPONSES },
    },
    config: { action: 'auth.totp_verify' },
    handler: (req) => auth.totpVerify(deps, req.ctx, req.body.code),
  });
}
