import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../domain/errors/codes.js';
import { CSRF_HEADER, newToken, safeEqual, tokenHash } from '../../platform/auth/tokens.js';
import type { Executor } from '../../platform/db/client.js';
import type { AppDeps } from '../../platform/http/types.js';
import { readSecuritySettings } from '../../access/security/settings.js';
import { findSessionByToken, insertSession, revokeSession, touchSession } from './repo.js';

/**
 * The portal's own principal and session. An entrepreneur is not a staff user: the cookie has
 * its own name and path (/api/portal, so browsers never send it to staff APIs), the session its
 * own table, and the staff session hook skips portal routes. Same rules as staff sessions:
 * 256-bit token (only its SHA-256 stored), HttpOnly SameSite=Lax cookie, CSRF token on every
 * state-changing request, idle and absolute expiry from the security settings, rotation at login.
 */

export const PORTAL_COOKIE = 'fx_psid';
const COOKIE_PATH = '/api/portal';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const TOUCH_EVERY_MS = 60_000;

/** The logged-in entrepreneur behind a portal request. */
export interface Entrepreneur {
  accountId: string;
  sessionId: string;
  mobileMasked: string;
  /** What audit records and history call the actor, e.g. `entrepreneur:138****5678`. */
  label: string;
}

/** Per-request portal state: the principal, and cookie changes to send with the answer. */
export interface PortalState {
  entrepreneur: Entrepreneur | null;
  problem: 'SESSION_EXPIRED' | null;
  newToken: string | null;
  clear: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    portal: PortalState;
  }
}

export function actorLabel(mobileMasked: string): string {
  return `entrepreneur:${mobileMasked}`;
}

/** The entrepreneur of the request, or UNAUTHENTICATED / SESSION_EXPIRED. Call first. */
export function requireEntrepreneur(state: PortalState): Entrepreneur {
  if (!state.entrepreneur) throw new AppError(state.problem ?? 'UNAUTHENTICATED');
  return state.entrepreneur;
}

function cookieOptions(deps: AppDeps, req: FastifyRequest) {
  const secure =
    deps.config.secureCookies === 'always' ||
    (deps.config.secureCookies === 'auto' && req.protocol === 'https');
  return { path: COOKIE_PATH, httpOnly: true, sameSite: 'lax' as const, secure };
}

/** Loads the entrepreneur from the portal cookie; refuses a forged state-changing request. */
async function load(deps: AppDeps, req: FastifyRequest): Promise<void> {
  const token = req.cookies[PORTAL_COOKIE];
  if (!token) return;
  const found = await findSessionByToken(deps.db, tokenHash(token));
  const now = deps.clock();
  if (!found) {
    req.portal.problem = 'SESSION_EXPIRED';
    req.portal.clear = true;
    return;
  }
  const { session, account } = found;
  const policy = await readSecuritySettings(deps.db);
  const expired =
    account.disabled ||
    now.getTime() >= session.expiresAt.getTime() ||
    now.getTime() - session.lastSeenAt.getTime() >= policy.idleMinutes * 60_000;
  if (expired) {
    await revokeSession(deps.db, session.id, now);
    req.portal.problem = 'SESSION_EXPIRED';
    req.portal.clear = true;
    return;
  }
  // Public routes (login, registration) carry no token yet; like staff login, they need none.
  if (!SAFE_METHODS.has(req.method) && req.routeOptions.config.portal === 'self') {
    const header = req.headers[CSRF_HEADER];
    if (typeof header !== 'string' || !safeEqual(header, session.csrfToken)) {
      throw new AppError('CSRF_INVALID');
    }
  }
  req.portal.entrepreneur = {
    accountId: account.id,
    sessionId: session.id,
    mobileMasked: account.mobileMask,
    label: actorLabel(account.mobileMask),
  };
  // Failed requests are audited by the shared fallback under this name.
  req.ctx.attemptedLogin = req.portal.entrepreneur.label;
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await touchSession(deps.db, session.id, now);
  }
}

/** Starts a session for an account (login, registration): returns the token and CSRF token. */
export async function startSession(
  tx: Executor,
  deps: AppDeps,
  req: { ip: string; userAgent: string },
  accountId: string,
  now: Date,
): Promise<{ token: string; csrfToken: string; sessionId: string }> {
  const policy = await readSecuritySettings(tx);
  const token = newToken();
  const csrfToken = newToken();
  const sessionId = await insertSession(tx, {
    tokenHash: tokenHash(token),
    accountId,
    csrfToken,
    ip: req.ip,
    userAgent: req.userAgent.slice(0, 300),
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + policy.absoluteHours * 3_600_000),
  });
  return { token, csrfToken, sessionId };
}

/** Route hooks of every portal route: principal in, cookie out, `self` routes guarded. */
export function portalHooks(deps: AppDeps) {
  return {
    onRequest: async (req: FastifyRequest) => {
      req.portal = { entrepreneur: null, problem: null, newToken: null, clear: false };
      await load(deps, req);
    },
    preValidation: (req: FastifyRequest, _reply: FastifyReply, done: (e?: Error) => void) => {
      // Deny by default, before the body is looked at.
      if (req.routeOptions.config.portal === 'self' && !req.portal.entrepreneur) {
        done(new AppError(req.portal.problem ?? 'UNAUTHENTICATED'));
        return;
      }
      done();
    },
    onSend: async (req: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      const state = req.portal as PortalState | null;
      if (state?.newToken) {
        void reply.setCookie(PORTAL_COOKIE, state.newToken, cookieOptions(deps, req));
      } else if (state?.clear) {
        void reply.clearCookie(PORTAL_COOKIE, cookieOptions(deps, req));
      }
      return Promise.resolve(payload);
    },
  };
}
