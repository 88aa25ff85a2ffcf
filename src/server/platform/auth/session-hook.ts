import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../domain/errors/codes.js';
import { pickLocale } from '../../../domain/errors/messages.js';
import { fallbackAuditEntry } from '../audit/fallback.js';
import { appendAuditStandalone } from '../audit/repo.js';
import { isApiRequest } from '../http/api-path.js';
import type { RequestContext } from '../http/context.js';
import type { App, AppDeps } from '../http/types.js';
import { readSecuritySettings } from '../../access/security/settings.js';
import { requireSession } from '../../access/scope/scope.js';
import { toActor } from './actor.js';
import { findSessionBundle, revokeSession, updateSession } from './repo.js';
import { CSRF_HEADER, SESSION_COOKIE, safeEqual, tokenHash } from './tokens.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** lastSeenAt is written at most this often, so a busy session costs no write per request. */
const TOUCH_EVERY_MS = 60_000;

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
  }
}

/** Refuses a state-changing request whose browser says it comes from another site. */
function assertSameOrigin(req: FastifyRequest): void {
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site') throw new AppError('CSRF_INVALID');
  const origin = req.headers.origin;
  if (origin && origin !== 'null') {
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      throw new AppError('CSRF_INVALID');
    }
    if (host !== req.headers.host) throw new AppError('CSRF_INVALID');
  }
}

function cookieOptions(deps: AppDeps, req: FastifyRequest) {
  const secure =
    deps.config.secureCookies === 'always' ||
    (deps.config.secureCookies === 'auto' && req.protocol === 'https');
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure };
}

async function loadActor(deps: AppDeps, req: FastifyRequest, reply: FastifyReply): Promise<void> {
  const token = req.cookies[SESSION_COOKIE];
  if (!token) return;
  const hash = tokenHash(token);
  const read = () => findSessionBundle(deps.db, hash);
  const found = deps.sessionCache
    ? await deps.sessionCache.get(hash, read)
    : await read().then((b) => b && { bundle: b, actor: toActor(b.session, b.user, b.grants) });
  if (!found) {
    req.ctx.sessionProblem = 'SESSION_EXPIRED';
    req.ctx.clearSession = true;
    return;
  }
  const { session, user, grants } = found.bundle;
  const now = deps.clock();
  const policy = await readSecuritySettings(deps.db);
  const idleMs = policy.idleMinutes * 60_000;
  const expired =
    user.disabled ||
    now.getTime() >= session.expiresAt.getTime() ||
    now.getTime() - session.lastSeenAt.getTime() >= idleMs;
  if (expired) {
    await revokeSession(deps.db, session.id, now);
    deps.sessionCache?.notice(`s:${session.id}`);
    req.ctx.sessionProblem = 'SESSION_EXPIRED';
    req.ctx.clearSession = true;
    return;
  }
  if (!SAFE_METHODS.has(req.method) && !req.routeOptions.config.public) {
    const header = req.headers[CSRF_HEADER];
    if (typeof header !== 'string' || !safeEqual(header, session.csrfToken)) {
      throw new AppError('CSRF_INVALID');
    }
  }
  req.ctx.actor = found.actor;
  // A role needing TOTP granted after login (API, CLI) sends a session without it back to enrol.
  if (req.ctx.actor.mfaState === 'ok' && !user.totpEnabled && grants.some((g) => g.requireTotp)) {
    req.ctx.actor.mfaState = 'enrol';
  }
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await updateSession(deps.db, session.id, { lastSeenAt: now });
    // The cached copy too (the trigger raises no notice for lastSeenAt alone).
    session.lastSeenAt = now;
  }
  void reply;
}

/**
 * Session, CSRF and audit plumbing shared by every route: loads the actor from the cookie,
 * refuses forged state-changing requests, sets or clears the cookie, and makes sure every
 * state-changing request leaves exactly one audit record.
 */
export function installSessionHooks(app: App, deps: AppDeps): void {
  app.decorateRequest('ctx', null as unknown as RequestContext);

  app.addHook('onRequest', async (req, reply) => {
    req.ctx = {
      actor: null,
      ip: req.ip,
      userAgent: req.headers['user-agent'] ?? '',
      locale: pickLocale(req.headers['accept-language']),
      auditKey: deps.auditKeys.chain,
      audited: false,
      sessionProblem: null,
      errorCode: null,
      attemptedLogin: null,
      newSessionToken: null,
      clearSession: false,
    };
    // Decided on the path the router uses, not the raw URL (`/%61pi/…`, `//api/…`).
    if (!isApiRequest(req)) return;
    if (!SAFE_METHODS.has(req.method)) assertSameOrigin(req);
    // The portal's routes have their own principal (src/server/portal/accounts/session.ts): no staff actor.
    if (req.routeOptions.config.portal) return;
    await loadActor(deps, req, reply);
  });

  // Deny by default, before any body or query is validated: every non-public API route needs a
  // session, so the unauthenticated get 401 rather than a description of the contract.
  app.addHook('preValidation', (req, _reply, done) => {
    const url = req.routeOptions.url;
    try {
      if (
        url?.startsWith('/api/') &&
        !url.startsWith('/api/docs') &&
        !req.routeOptions.config.public &&
        !req.routeOptions.config.portal
      ) {
        requireSession(req.ctx);
      }
    } catch (err) {
      done(err as Error);
      return;
    }
    done();
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const ctx = req.ctx as RequestContext | null;
    // A state change made here is visible to this instance's very next request: its notice
    // (drizzle/0012) may arrive a moment after the answer. (The portal's routes change no staff
    // session, user or grant.)
    if (!SAFE_METHODS.has(req.method) && isApiRequest(req) && !req.routeOptions.config.portal) {
      deps.sessionCache?.clear();
    }
    if (ctx?.newSessionToken) {
      void reply.setCookie(SESSION_COOKIE, ctx.newSessionToken, cookieOptions(deps, req));
    } else if (ctx?.clearSession) {
      void reply.clearCookie(SESSION_COOKIE, cookieOptions(deps, req));
    }
    // Before the answer leaves: a state-changing request whose service wrote no audit record
    // (refused, failed, or not found) gets a marked fallback now, so every such request leaves
    // exactly one. One that succeeded without its own record is a defect, recorded as such.
    if (ctx && !SAFE_METHODS.has(req.method) && isApiRequest(req) && !ctx.audited) {
      await auditFallback(deps, req, reply.statusCode);
    }
    return payload;
  });
}

/**
 * Writes the edge's marked fallback record (src/server/platform/audit/fallback.ts). For a request that
 * succeeded, a missing record is a defect in its service: it is still recorded, and logged.
 */
async function auditFallback(deps: AppDeps, req: FastifyRequest, status: number): Promise<void> {
  const ctx = req.ctx;
  const url = req.routeOptions.url;
  if (status < 400) {
    req.log.error(
      { route: `${req.method} ${url ?? 'unknown'}`, status },
      'state change succeeded without its audit record: recorded as request.unrecorded',
    );
  }
  try {
    await appendAuditStandalone(
      deps.db,
      deps.auditKeys.chain,
      fallbackAuditEntry({
        at: deps.clock(),
        actorId: ctx.actor?.userId ?? null,
        actorLogin: ctx.actor?.login ?? ctx.attemptedLogin,
        actorRoles: ctx.actor
          ? [...new Set(ctx.actor.grants.map((g) => g.roleCode))].join(',')
          : '',
        ip: ctx.ip,
        method: req.method,
        url,
        action: req.routeOptions.config.action,
        status,
        errorCode: ctx.errorCode,
      }),
    );
    ctx.audited = true;
  } catch (err) {
    req.log.error({ err }, 'audit append failed');
  }
}
