import { randomInt, randomUUID } from 'node:crypto';
import { AppError } from '../../../domain/errors/codes.js';
import { maskMobile } from '../../../domain/identity/phone.js';
import { REGION_LEVELS } from '../../../domain/regions/region-code.js';
import { assertPasswordPolicy } from '../../platform/auth/password-check.js';
import { hashPassword, verifyDummy, verifyPassword } from '../../platform/auth/passwords.js';
import { blindIndex, encrypt } from '../../platform/crypto/keys.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { AppDeps } from '../../platform/http/types.js';
import { phoneIndex } from '../../ledger/people/sealed.js';
import { requestsOfAccount } from '../requests/repo.js';
import { listChildren } from '../../platform/regions/repo.js';
import { readSecuritySettings } from '../../access/security/settings.js';
import { listOwn } from '../../outreach/notifications/repo.js';
import { notify } from '../../outreach/notifications/notify.js';
import { recordPortalAudit } from './audit.js';
import type { HomeViewT, PortalSessionViewT } from './contract.js';
import { presentMessage, presentPortalRequest } from './presenter.js';
import {
  type AccountRow,
  codesSince,
  findAccount,
  findAccountByMobileIndex,
  insertAccount,
  insertCode,
  latestCode,
  revokeAccountSessions,
  revokeSession,
  sessionCsrf,
  updateAccount,
  updateCode,
} from './repo.js';
import { actorLabel, type PortalState, requireEntrepreneur, startSession } from './session.js';
import type { PortalDeps } from './deps.js';
import { enterpriseSummary, profileSummary, visibleLinks } from './profile-service.js';

/** SMS codes: 6 digits, valid 5 minutes, 5 attempts, one per number per 60 s, 10 per day. */
export const CODE_TTL_MS = 5 * 60_000;
export const CODE_ATTEMPTS = 5;
export const CODE_INTERVAL_MS = 60_000;
export const CODES_PER_DAY = 10;
const BIDX_SMS_CODE = 'portal.sms_code';

/** What the portal's services need beyond the app's dependencies. */
function codeHash(deps: AppDeps, id: string, code: string): string {
  return blindIndex(deps.keys, BIDX_SMS_CODE, `${id}:${code}`);
}

/**
 * Sends a registration code. Paced per number (SMS_RATE_LIMITED with `retryAfter`); a number that
 * already has an account gets a message saying so instead of a code, and the answer is the same,
 * so the endpoint does not tell who is registered. Only the code's keyed hash is stored.
 */
export async function sendCode(
  deps: PortalDeps,
  ctx: RequestContext,
  body: { mobile: string; purpose: 'register' },
): Promise<{ mobileMasked: string; expiresInSeconds: number; retryAfterSeconds: number }> {
  const mobileMasked = maskMobile(body.mobile);
  ctx.attemptedLogin = actorLabel(mobileMasked);
  if (!deps.sms.available) throw new AppError('SMS_UNAVAILABLE');
  const now = deps.clock();
  const bidx = phoneIndex(deps.keys, body.mobile);
  const recent = await codesSince(deps.db, bidx, new Date(now.getTime() - 86_400_000));
  const last = recent[0];
  if (last && now.getTime() - last.createdAt.getTime() < CODE_INTERVAL_MS) {
    const wait = CODE_INTERVAL_MS - (now.getTime() - last.createdAt.getTime());
    throw new AppError('SMS_RATE_LIMITED', { retryAfter: Math.ceil(wait / 1000) });
  }
  if (recent.length >= CODES_PER_DAY) {
    throw new AppError('SMS_RATE_LIMITED', { retryAfter: 86_400 });
  }
  const registered = await findAccountByMobileIndex(deps.db, bidx);
  const id = randomUUID();
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await deps.db.transaction(async (tx) => {
    await insertCode(tx, {
      id,
      mobileBidx: bidx,
      purpose: body.purpose,
      codeHash: codeHash(deps, id, code),
      createdAt: now,
      expiresAt: new Date(now.getTime() + CODE_TTL_MS),
      // An existing account's number gets no usable code.
      consumedAt: registered ? now : null,
      ip: ctx.ip,
    });
    await recordPortalAudit(tx, ctx, now, null, {
      action: 'portal.sms_send',
      objectType: 'sms_code',
      objectId: id,
      details: { purpose: body.purpose },
    });
  });
  const text = registered
    ? '【返乡创业服务平台】您的手机号已注册，请直接登录；如忘记密码，请联系当地返乡创业服务中心。'
    : `【返乡创业服务平台】您的注册验证码是 ${code}，5 分钟内有效。请勿告诉他人。`;
  await deps.sms.send({ mobile: body.mobile, text }, now);
  return {
    mobileMasked,
    expiresInSeconds: CODE_TTL_MS / 1000,
    retryAfterSeconds: CODE_INTERVAL_MS / 1000,
  };
}

/** Checks a code; a wrong one counts an attempt (committed even though the request fails). */
async function consumeCode(
  deps: AppDeps,
  bidx: string,
  purpose: string,
  code: string,
  now: Date,
): Promise<{ id: string; createdAt: Date }> {
  const outcome = await deps.db.transaction(async (tx) => {
    const row = await latestCode(tx, bidx, purpose);
    if (
      !row ||
      row.consumedAt ||
      row.attempts >= CODE_ATTEMPTS ||
      now.getTime() >= row.expiresAt.getTime()
    ) {
      return new AppError('SMS_CODE_EXPIRED');
    }
    if (codeHash(deps, row.id, code) !== row.codeHash) {
      const attempts = row.attempts + 1;
      await updateCode(tx, row.id, { attempts });
      if (attempts >= CODE_ATTEMPTS) return new AppError('SMS_CODE_EXPIRED');
      return new AppError('SMS_CODE_INVALID', { attemptsLeft: CODE_ATTEMPTS - attempts });
    }
    await updateCode(tx, row.id, { consumedAt: now });
    return row;
  });
  if (outcome instanceof AppError) throw outcome;
  return outcome;
}

function sessionView(
  account: Pick<AccountRow, 'id' | 'mobileMask' | 'personId' | 'entityId'>,
  csrfToken: string,
): PortalSessionViewT {
  return {
    accountId: account.id,
    mobileMasked: account.mobileMask,
    csrfToken,
    hasProfile: account.personId !== null,
    hasEnterprise: account.entityId !== null,
  };
}

/**
 * Registers with a verified mobile number and a password (the staff password policy, with the
 * number as the login it must not contain). Account, session, first messages and the audit
 * record commit together; the new session's cookie is set.
 */
export async function register(
  deps: PortalDeps,
  ctx: RequestContext,
  state: PortalState,
  body: { mobile: string; code: string; password: string },
): Promise<PortalSessionViewT> {
  const mobileMasked = maskMobile(body.mobile);
  ctx.attemptedLogin = actorLabel(mobileMasked);
  await assertPasswordPolicy(deps.db, body.password, body.mobile, ctx.locale);
  const now = deps.clock();
  const bidx = phoneIndex(deps.keys, body.mobile);
  await consumeCode(deps, bidx, 'register', body.code, now);
  const passwordHash = await hashPassword(body.password);
  const result = await deps.db.transaction(async (tx) => {
    if (await findAccountByMobileIndex(tx, bidx)) throw new AppError('SMS_CODE_EXPIRED');
    const accountId = await insertAccount(tx, {
      mobileEnc: encrypt(deps.keys, body.mobile),
      mobileBidx: bidx,
      mobileMask: mobileMasked,
      passwordHash,
      createdAt: now,
      updatedAt: now,
      lastLoginAt: now,
    });
    if (state.entrepreneur) await revokeSession(tx, state.entrepreneur.sessionId, now);
    const session = await startSession(tx, deps, ctx, accountId, now);
    // The SMS code itself is not a message: only the welcome is.
    await notify(tx, { kind: 'portal.welcome', to: [{ accountId }], link: '/profile', at: now });
    await recordPortalAudit(
      tx,
      ctx,
      now,
      { accountId, label: actorLabel(mobileMasked) },
      {
        action: 'portal.register',
        objectType: 'portal_account',
        objectId: accountId,
      },
    );
    return { accountId, ...session };
  });
  state.newToken = result.token;
  return sessionView(
    { id: result.accountId, mobileMask: mobileMasked, personId: null, entityId: null },
    result.csrfToken,
  );
}

/** Counts a failed password: at the security settings' threshold the account locks. */
async function countFailure(deps: AppDeps, account: AccountRow, now: Date): Promise<AppError> {
  const policy = await readSecuritySettings(deps.db);
  const failures = account.failedLogins + 1;
  if (failures >= policy.lockoutThreshold) {
    const until = new Date(now.getTime() + policy.lockoutMinutes * 60_000);
    await updateAccount(deps.db, account.id, { failedLogins: 0, lockedUntil: until });
    await revokeAccountSessions(deps.db, account.id, now);
    return new AppError('ACCOUNT_LOCKED', { until: until.toISOString() });
  }
  await updateAccount(deps.db, account.id, { failedLogins: failures });
  return new AppError('LOGIN_FAILED');
}

/**
 * Mobile and password login, with the staff accounts' lock-out (threshold and duration from the
 * security settings). Always a new session (rotation); an unknown number costs the same time
 * and gives the same answer as a wrong password.
 */
export async function login(
  deps: PortalDeps,
  ctx: RequestContext,
  state: PortalState,
  body: { mobile: string; password: string },
): Promise<PortalSessionViewT> {
  ctx.attemptedLogin = actorLabel(maskMobile(body.mobile));
  const now = deps.clock();
  const account = await findAccountByMobileIndex(deps.db, phoneIndex(deps.keys, body.mobile));
  if (!account) {
    await verifyDummy(body.password);
    throw new AppError('LOGIN_FAILED');
  }
  if (account.lockedUntil && account.lockedUntil.getTime() > now.getTime()) {
    throw new AppError('ACCOUNT_LOCKED', { until: account.lockedUntil.toISOString() });
  }
  if (!(await verifyPassword(account.passwordHash, body.password))) {
    throw await countFailure(deps, account, now);
  }
  if (account.disabled) throw new AppError('ACCOUNT_DISABLED');
  const session = await deps.db.transaction(async (tx) => {
    if (state.entrepreneur) await revokeSession(tx, state.entrepreneur.sessionId, now);
    await updateAccount(tx, account.id, { failedLogins: 0, lockedUntil: null, lastLoginAt: now });
    const s = await startSession(tx, deps, ctx, account.id, now);
    await recordPortalAudit(
      tx,
      ctx,
      now,
      { accountId: account.id, label: actorLabel(account.mobileMask) },
      {
        action: 'portal.login',
        objectType: 'portal_session',
        objectId: s.sessionId,
      },
    );
    return s;
  });
  state.newToken = session.token;
  return sessionView({ ...account, ...(await visibleLinks(deps.db, account)) }, session.csrfToken);
}

export async function logout(
  deps: PortalDeps,
  ctx: RequestContext,
  state: PortalState,
): Promise<void> {
  const me = requireEntrepreneur(state);
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    await revokeSession(tx, me.sessionId, now);
    await recordPortalAudit(tx, ctx, now, me, {
      action: 'portal.logout',
      objectType: 'portal_session',
      objectId: me.sessionId,
    });
  });
  state.clear = true;
}

/** The current portal session, with its CSRF token for later requests. */
export async function currentSession(
  deps: PortalDeps,
  state: PortalState,
): Promise<PortalSessionViewT> {
  const me = requireEntrepreneur(state);
  const account = await findAccount(deps.db, me.accountId);
  if (!account) throw new AppError('UNAUTHENTICATED');
  return sessionView(
    { ...account, ...(await visibleLinks(deps.db, account)) },
    await sessionCsrf(deps.db, me.sessionId),
  );
}

/** 我的: profile and enterprise at a glance (masked) and the latest messages. */
export async function home(
  deps: PortalDeps,
  ctx: RequestContext,
  state: PortalState,
): Promise<HomeViewT> {
  const me = requireEntrepreneur(state);
  const account = await findAccount(deps.db, me.accountId);
  if (!account) throw new AppError('UNAUTHENTICATED');
  const visible = await visibleLinks(deps.db, account);
  const [profile, enterprise, messages, people, enterprises] = await Promise.all([
    profileSummary(deps.db, visible.personId),
    enterpriseSummary(deps.db, visible.entityId),
    listOwn(deps.db, { accountId: account.id }, { unreadOnly: false, limit: 30, offset: 0 }),
    requestsOfAccount(deps.db, account.id, 'person'),
    requestsOfAccount(deps.db, account.id, 'entity'),
  ]);
  return {
    mobileMasked: account.mobileMask,
    profile,
    enterprise,
    messages: messages.rows.map((m) => presentMessage(m, ctx.locale)),
    requests: [...people, ...enterprises].map(presentPortalRequest),
  };
}

/** True for a loopback socket address (127.0.0.0/8, ::1, or IPv4-mapped 127.x). */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4.startsWith('127.') || address === '::1';
}

/** Headers a reverse proxy adds when it relays a request: such a request is not this machine's. */
const FORWARDING_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip'] as const;

/**
 * True for a client on this machine: a loopback socket that no proxy relayed. A proxy on the
 * same host (nginx in front of FANXIANG_HOST=127.0.0.1) makes every socket loopback, so a request
 * carrying a forwarding header counts as remote whatever FANXIANG_TRUST_PROXY says.
 */
export function isLocalClient(
  socketAddress: string | undefined,
  headers: Record<string, string | string[] | undefined>,
): boolean {
  return isLoopback(socketAddress) && FORWARDING_HEADERS.every((h) => headers[h] === undefined);
}

/**
 * The dev inbox, which holds the codes sent, so it must not be reachable by strangers. It exists
 * only in demo mode with `FANXIANG_SMS=log` (NOT_FOUND otherwise) and answers a client on this
 * machine ({@link isLocalClient}: by the socket's address, never X-Forwarded-For, and not when a
 * proxy relayed it) or a staff session holding `security.manage`; everyone else gets
 * DEV_INBOX_LOCAL_ONLY.
 */
export function devInbox(
  deps: PortalDeps,
  ctx: RequestContext,
  socketAddress: string | undefined,
  headers: Record<string, string | string[] | undefined>,
) {
  const messages = deps.sms.inbox();
  if (messages === null) throw new AppError('NOT_FOUND');
  if (!isLocalClient(socketAddress, headers)) {
    const a = ctx.actor;
    if (
      !a ||
      a.mfaState !== 'ok' ||
      a.mustChangePassword ||
      !a.permissions.has('security.manage')
    ) {
      throw new AppError('DEV_INBOX_LOCAL_ONLY');
    }
  }
  return {
    messages: messages.map((m) => ({
      id: m.id,
      mobileMasked: m.mobileMasked,
      text: m.text,
      sentAt: m.sentAt.toISOString(),
    })),
  };
}

/** Deepest level the portal's pickers go to: townships (乡镇、街道). */
const TOWNSHIP = REGION_LEVELS.indexOf('township');

/**
 * Children of a region for the portal's cascading pickers, down to townships. The division tree
 * is public data: no session needed, nothing scoped.
 */
export async function regionChildren(deps: PortalDeps, code: string) {
  const { rows } = await listChildren(deps.db, code, null, { page: 1, pageSize: 500 });
  return {
    items: rows
      .filter((r) => r.level <= TOWNSHIP)
      .map((r) => ({
        code: r.code,
        name: r.name,
        level: REGION_LEVELS[r.level] ?? 'village',
        hasChildren: r.hasChildren && r.level < TOWNSHIP,
      })),
  };
}
