import { ErrorBody, ERROR_RESPONSES } from '../../platform/http/error-body.js';
import type { App, AppDeps } from '../../platform/http/types.js';
import {
  DevInboxView,
  EnterpriseAnswer,
  EnterpriseBody,
  HomeView,
  LoginBody,
  OkView,
  PortalRegionList,
  PortalSessionView,
  ProfileAnswer,
  ProfileBody,
  RegionParams,
  RegisterBody,
  SendCodeBody,
  SendCodeView,
  SubmitAnswer,
} from './contract.js';
import * as profile from './profile-service.js';
import * as portal from './service.js';
import { type PortalState, portalHooks } from './session.js';
import { createSmsTransport, type SmsTransport } from '../../platform/sms/sms-transport.js';

const ERRORS = { ...ERROR_RESPONSES, 503: ErrorBody };

/**
 * The entrepreneurs' portal API under /api/portal: registration by SMS code, login, the
 * entrepreneur's own profile and enterprise in the ledger, 我的, the region tree for pickers,
 * and the dev SMS inbox. Its own principal and session (see session.ts); staff sessions do not
 * count here and portal sessions do not count anywhere else.
 */
export function registerPortalRoutes(app: App, deps: AppDeps, sms?: SmsTransport): void {
  const pdeps = {
    ...deps,
    sms: sms ?? createSmsTransport(deps.config.sms, app.log, { demo: deps.config.demo }),
  };
  const hooks = portalHooks(deps);
  const tags = ['创业者门户 portal'];
  const open = { portal: 'public' as const };
  const self = { portal: 'self' as const };
  const limited = { rateLimit: { max: deps.config.loginRatePerMinute, timeWindow: '1 minute' } };
  app.decorateRequest('portal', null as unknown as PortalState);

  app.post('/api/portal/sms-codes', {
    ...hooks,
    schema: {
      tags,
      summary: '发送短信验证码（注册）',
      body: SendCodeBody,
      response: { 200: SendCodeView, ...ERRORS },
    },
    config: { ...open, ...limited, action: 'portal.sms_send' },
    handler: (req) => portal.sendCode(pdeps, req.ctx, req.body),
  });
  app.post('/api/portal/register', {
    ...hooks,
    schema: {
      tags,
      summary: '手机号注册',
      body: RegisterBody,
      response: { 200: PortalSessionView, ...ERRORS },
    },
    config: { ...open, ...limited, action: 'portal.register' },
    handler: (req) => portal.register(pdeps, req.ctx, req.portal, req.body),
  });
  app.post('/api/portal/login', {
    ...hooks,
    schema: {
      tags,
      summary: '创业者登录',
      body: LoginBody,
      response: { 200: PortalSessionView, ...ERRORS },
    },
    config: { ...open, ...limited, action: 'portal.login' },
    handler: (req) => portal.login(pdeps, req.ctx, req.portal, req.body),
  });
  app.post('/api/portal/logout', {
    ...hooks,
    schema: { tags, summary: '退出登录', response: { 200: OkView, ...ERRORS } },
    config: { ...self, action: 'portal.logout' },
    handler: async (req) => {
      await portal.logout(pdeps, req.ctx, req.portal);
      return { ok: true as const };
    },
  });
  app.get('/api/portal/session', {
    ...hooks,
    schema: { tags, summary: '当前会话', response: { 200: PortalSessionView, ...ERRORS } },
    config: self,
    handler: (req) => portal.currentSession(pdeps, req.portal),
  });
  app.get('/api/portal/home', {
    ...hooks,
    schema: { tags, summary: '我的：资料、企业和消息', response: { 200: HomeView, ...ERRORS } },
    config: self,
    handler: (req) => portal.home(pdeps, req.ctx, req.portal),
  });
  app.get('/api/portal/profile', {
    ...hooks,
    schema: {
      tags,
      summary: '本人资料（身份证号脱敏）',
      response: { 200: ProfileAnswer, ...ERRORS },
    },
    config: self,
    handler: (req) => profile.getProfile(pdeps, req.portal),
  });
  app.put('/api/portal/profile', {
    ...hooks,
    schema: {
      tags,
      summary: '提交本人资料（本人新建的记录直接写入台账；已在台账中的记录由服务专员核实）',
      body: ProfileBody,
      response: { 200: SubmitAnswer, ...ERRORS },
    },
    config: { ...self, action: 'portal.profile_save' },
    handler: (req) => profile.saveProfile(pdeps, req.ctx, req.portal, req.body),
  });
  app.get('/api/portal/enterprise', {
    ...hooks,
    schema: { tags, summary: '本人企业', response: { 200: EnterpriseAnswer, ...ERRORS } },
    config: self,
    handler: (req) => profile.getEnterprise(pdeps, req.portal),
  });
  app.put('/api/portal/enterprise', {
    ...hooks,
    schema: {
      tags,
      summary: '提交本人企业（已在台账中的企业由服务专员核实）',
      body: EnterpriseBody,
      response: { 200: SubmitAnswer, ...ERRORS },
    },
    config: { ...self, action: 'portal.enterprise_save' },
    handler: (req) => profile.saveEnterprise(pdeps, req.ctx, req.portal, req.body),
  });
  app.get('/api/portal/regions/:code/children', {
    ...hooks,
    schema: {
      tags,
      summary: '下级行政区划（选择户籍地、现居地用；公开的区划数据，到乡镇一级）',
      params: RegionParams,
      response: { 200: PortalRegionList, ...ERRORS },
    },
    config: open,
    handler: (req) => portal.regionChildren(pdeps, req.params.code),
  });
  // Not a portal-session route: a staff session (path /) may open it, so the staff hooks run.
  app.get('/api/portal/dev/sms', {
    schema: {
      tags,
      summary:
        '开发用短信收件箱（仅演示模式且 FANXIANG_SMS=log 时开启，否则 404；只对本机或安全管理员开放）',
      response: { 200: DevInboxView, ...ERRORS },
    },
    config: { public: true },
    handler: (req) => portal.devInbox(pdeps, req.ctx, req.raw.socket.remoteAddress, req.headers),
  });
}
