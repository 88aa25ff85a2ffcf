import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZOD_ERROR_CONFIG } from '../domain/errors/zod-messages.js';
import { AppError } from '../domain/errors/codes.js';
import { registerAuditRoutes } from './platform/audit/routes.js';
import { registerAuthRoutes } from './platform/auth/routes.js';
import { registerCaseRoutes } from './programme/cases/routes.js';
import { createAttachmentStore } from './platform/storage/attachment-store.js';
import { registerLoanFinanceRoutes, registerLoanRoutes } from './programme/loans/routes.js';
import { scheduleDeadlineSweeps } from './programme/cases/deadline-schedule.js';
import { caseNotifier } from './outreach/notifications/case-notices.js';
import { liveCalendar } from './platform/calendar/service.js';
import { installSessionHooks } from './platform/auth/session-hook.js';
import { registerGrantRequestsRoutes } from './access/grant-requests/routes.js';
import { registerHealthRoutes } from './platform/health/routes.js';
import { clientErrorHandler } from './platform/http/client-error.js';
import { BODY_LIMIT_BYTES, frameworkErrors, installErrorHandling } from './platform/http/errors.js';
import { installSecurityHeaders } from './platform/http/security-headers.js';
import { installTextGuard } from './platform/http/text-guard.js';
import type { App, AppDeps } from './platform/http/types.js';
import type { Config } from './config.js';
import { registerEntitiesRoutes } from './ledger/entities/routes.js';
import { registerJobs } from './platform/jobs/routes.js';
import { registerLedgerExportRoutes } from './ledger/export/routes.js';
import { registerLedgerImportRoutes } from './ledger/import/routes.js';
import { registerMetaRoutes } from './platform/meta/routes.js';
import { registerOrgsRoutes } from './access/orgs/routes.js';
import { registerPeopleRoutes } from './ledger/people/routes.js';
import { registerPortalRoutes } from './portal/accounts/routes.js';
import { registerPortalLoanRoutes } from './portal/loans/routes.js';
import { registerPortalRequestRoutes } from './portal/requests/routes.js';
import { registerNotificationRoutes } from './outreach/notifications/routes.js';
import { createSmsTransport } from './platform/sms/sms-transport.js';
import { registerRegionsRoutes } from './platform/regions/routes.js';
import { registerRolesRoutes } from './access/roles/routes.js';
import { registerSecurityRoutes } from './access/security/routes.js';
import { registerTargetsRoutes } from './statistics/targets/routes.js';
import { registerCalendarRoutes } from './platform/calendar/routes.js';
import { registerLoanProductsRoutes } from './programme/loan-products/routes.js';
import { registerDashboardsRoutes } from './statistics/dashboards/routes.js';
import { registerUsersRoutes } from './access/users/routes.js';
import { registerWebStatic } from './platform/web/static.js';
import { startCaches } from './caches.js';
import { installStorageGuard } from './platform/http/storage-guard.js';

/** Drops bound parameters (which may hold personal data) from failed-query messages. */
function withoutParams(text: string): string {
  return text.replace(/\nparams: [^\n]*/g, '\nparams: [redacted]');
}

function serializeError(e: Error & { code?: unknown }) {
  return {
    type: e.name,
    code: typeof e.code === 'string' ? e.code : undefined,
    message: withoutParams(e.message),
    stack: withoutParams(e.stack ?? ''),
  };
}

/** Structured logs without personal data: bodies are never logged, cookies and tokens redacted. */
function loggerOptions(deps: AppDeps): FastifyServerOptions['logger'] {
  if (deps.config.logLevel === 'silent') return false;
  return {
    level: deps.config.logLevel,
    redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
    serializers: {
      err: serializeError,
      // Query strings may carry names or numbers being searched: log the path only.
      req: (req: { method: string; url: string; ip?: string }) => ({
        method: req.method,
        path: req.url.split('?')[0],
      }),
    },
  };
}

/**
 * FANXIANG_TRUST_PROXY as Fastify wants it. A hop count becomes "the n addresses nearest to us
 * are proxies" (Fastify itself now trusts nothing for a bare number), so the client address is
 * the one the outermost proxy saw, never a client's own left-most X-Forwarded-For entry.
 */
export function trustProxyOption(trust: Config['trustProxy']): FastifyServerOptions['trustProxy'] {
  if (typeof trust === 'number') return (_address: string, hop: number) => hop < trust;
  return trust;
}

export interface RouteInfo {
  method: string;
  url: string;
  public: boolean;
}

/**
 * Builds the HTTP application: contracts, OpenAPI, sessions, CSRF, audit and every feature's
 * routes. `routes` lists what was registered, for the route-permission matrix test.
 */
export async function buildApp(plainDeps: AppDeps): Promise<{ app: App; routes: RouteInfo[] }> {
  const caches = await startCaches(plainDeps);
  const calendar = await liveCalendar(plainDeps.db);
  // The same object as the caller's (tests adjust deps.caseHooks and call services with it).
  const deps: AppDeps = Object.assign(plainDeps, {
    regionTree: caches.regionTree,
    sessionCache: caches.sessionCache,
    noticesDelivered: () => caches.noticesDelivered(),
    calendarReload: () => calendar.reload(),
    attachmentStore: plainDeps.attachmentStore ?? createAttachmentStore(plainDeps.config),
    caseHooks: {
      calendar: calendar.calendar,
      notify: caseNotifier(() => plainDeps.clock()),
      ...plainDeps.caseHooks,
    },
  });
  // Chinese first: zod's own messages as whole zh-CN sentences (the edge re-words them per locale).
  z.config(ZOD_ERROR_CONFIG);
  const app = Fastify({
    logger: loggerOptions(deps),
    trustProxy: trustProxyOption(deps.config.trustProxy),
    bodyLimit: BODY_LIMIT_BYTES,
    clientErrorHandler,
    frameworkErrors,
    // `//api/x` and `/api//x` reach the same route as `/api/x`, with the same checks.
    routerOptions: { ignoreDuplicateSlashes: true },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.addHook('onClose', () => caches.close());

  const routes: RouteInfo[] = [];
  app.addHook('onRoute', (r) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    for (const method of methods) {
      if (method === 'HEAD' || !r.url.startsWith('/api/') || r.url.startsWith('/api/docs'))
        continue;
      routes.push({ method, url: r.url, public: r.config?.public === true });
    }
  });

  installErrorHandling(app);
  installTextGuard(app);
  installSecurityHeaders(app);
  await app.register(fastifyCookie);
  installSessionHooks(app, deps);
  installStorageGuard(app, deps);
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: () => new AppError('RATE_LIMITED'),
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: '返乡创业服务平台 Fanxiang API',
        description: '返乡入乡创业服务与管理平台接口。错误统一返回 `{ code, message, details }`。',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'fx_sid' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
      security: [{ session: [], csrf: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  app.get('/api/openapi.json', {
    schema: { hide: true },
    config: { public: true },
    handler: () => app.swagger(),
  });
  registerHealthRoutes(app, deps);
  registerMetaRoutes(app, deps);
  registerAuthRoutes(app, deps);
  registerRegionsRoutes(app, deps);
  registerOrgsRoutes(app, deps);
  registerRolesRoutes(app, deps);
  const sms = createSmsTransport(deps.config.sms, app.log, { demo: deps.config.demo });
  registerUsersRoutes(app, deps, sms);
  registerGrantRequestsRoutes(app, deps);
  registerSecurityRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerPeopleRoutes(app, deps);
  registerEntitiesRoutes(app, deps);
  registerLedgerImportRoutes(app, deps);
  registerLedgerExportRoutes(app, deps);
  registerTargetsRoutes(app, deps);
  registerCalendarRoutes(app, deps);
  registerLoanProductsRoutes(app, deps);
  registerDashboardsRoutes(app, deps);
  registerJobs(app, deps);
  registerPortalRoutes(app, deps, sms);
  registerPortalRequestRoutes(app, deps, sms);
  registerNotificationRoutes(app, deps);
  registerCaseRoutes(app, deps);
  registerLoanRoutes(app, deps);
  registerLoanFinanceRoutes(app, deps);
  registerPortalLoanRoutes(app, deps);
  scheduleDeadlineSweeps(app, deps);
  await registerWebStatic(app);
  await app.ready();
  return { app, routes };
}
