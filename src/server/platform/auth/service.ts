import { type z } from 'zod';
import { AppError } from '../../../domain/errors/codes.js';
import type { Actor, Grant, RequestContext } from '../http/context.js';
import { toGrants } from './actor.js';
import type { AppDeps } from '../http/types.js';
import type { Executor } from '../db/client.js';
import { recordAudit } from '../audit/record.js';
import { decrypt, encrypt } from '../crypto/keys.js';
import { requireSession } from '../../access/scope/scope.js';
import { readSecuritySettings } from '../../access/security/settings.js';
import type { ChangePasswordBody, LoginBody, NextStep, SessionView } from './contract.js';
import { hashPassword, verifyDummy, verifyPassword } from './passwords.js';
import { assertPasswordPolicy } from './password-check.js';
import {
  addFailedLogin,
  claimTotpStepRow,
  findGrants,
  findUserById,
  findUserByLogin,
  insertSession,
  revokeOtherSessions,
  revokeSession,
  revokeUserSessions,
  sessionCsrfToken,
  updateSession,
  updateUser,
  type UserRow,
} from './repo.js';
import { newToken, tokenHash } from './tokens.js';
import { matchTotpStep, newTotpSecret, totpUrl } from './totp.js';

type View = z.infer<typeof SessionView>;

function grantView(g: Grant) {
  return {
    roleCode: g.roleCode,
    scopeType: g.scopeType,
    regionCode: g.regionCode,
    orgId: g.orgId,
    permissions: [...g.permissions].sort(),
  };
}

function nextStep(actor: Pick<Actor, 'mfaState' | 'mustChangePassword'>): z.infer<typeof NextStep> {
  if (actor.mfaState === 'totp') return 'totp';
  if (actor.mfaState === 'enrol') return 'enrol';
  return actor.mustChangePassword ? 'change_password' : 'ok';
}

/**
 * Counts a failed password or code: at the threshold the account locks. Committed on its own,
 * because the request itself fails. The count is incremented in the database, never from the row
 * read at the start of the request, so concurrent failures on several instances all count.
 */
async function countFailure(deps: AppDeps, user: UserRow, now: Date): Promise<AppError> {
  const policy = await readSecuritySettings(deps.db);
  const failures = await addFailedLogin(deps.db, user.id);
  if (failures >= policy.lockoutThreshold) {
    const until = new Date(now.getTime() + policy.lockoutMinutes * 60_000);
    await updateUser(deps.db, user.id, { failedLogins: 0, lockedUntil: until });
    await revokeUserSessions(deps.db, user.id, now);
    return new AppError('ACCOUNT_LOCKED', { until: until.toISOString() });
  }
  return new AppError('LOGIN_FAILED');
}

function assertNotLocked(user: UserRow, now: Date): void {
  if (user.lockedUntil && user.lockedUntil.getTime() > now.getTime()) {
    throw new AppError('ACCOUNT_LOCKED', { until: user.lockedUntil.toISOString() });
  }
}

/**
 * Password login. Always mints a new session (rotation), ending any session the request came
 * with. Administrators continue to a TOTP step; everybody with a reset password to a change.
 */
export async function login(
  deps: AppDeps,
  ctx: RequestContext,
  body: z.infer<typeof LoginBody>,
): Promise<View> {
  ctx.attemptedLogin = body.login.toLowerCase();
  const now = deps.clock();
  const user = await findUserByLogin(deps.db, body.login);
  if (!user) {
    await verifyDummy(body.password);
    throw new AppError('LOGIN_FAILED');
  }
  assertNotLocked(user, now);
  if (!(await verifyPassword(user.passwordHash, body.password)))
    throw await countFailure(deps, user, now);
  if (user.disabled) throw new AppError('ACCOUNT_DISABLED');

  const grants = await findGrants(deps.db, user.id);
  const mfaState = user.totpEnabled ? 'totp' : grants.some((g) => g.requireTotp) ? 'enrol' : 'ok';
  const policy = await readSecuritySettings(deps.db);
  const token = newToken();
  const csrfToken = newToken();
  await deps.db.transaction(async (tx) => {
    if (ctx.actor) await revokeSession(tx, ctx.actor.sessionId, now);
    await updateUser(tx, user.id, { failedLogins: 0, lockedUntil: null, lastLoginAt: now });
    const sessionId = await insertSession(tx, {
      tokenHash: tokenHash(token),
      userId: user.id,
      csrfToken,
      mfaState,
      ip: ctx.ip,
      userAgent: ctx.userAgent.slice(0, 300),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + policy.absoluteHours * 3_600_000),
    });
    await recordAudit(tx, ctx, now, {
      action: 'auth.login',
      objectType: 'session',
      objectId: sessionId,
      actor: { userId: user.id, login: user.login },
      details: { next: mfaState },
    });
  });
  ctx.newSessionToken = token;
  const actorLike = { mfaState, mustChangePassword: user.mustChangePassword } as const;
  return {
    userId: user.id,
    login: user.login,
    displayName: user.displayName,
    next: nextStep(actorLike),
    csrfToken,
    permissions: mfaState === 'ok' ? [...new Set(grants.flatMap((g) => g.permissions))].sort() : [],
    grants: mfaState === 'ok' ? toGrants(grants).map(grantView) : [],
    totpEnabled: user.totpEnabled,
  };
}

/** The current session as the client sees it, including the CSRF token for later requests. */
export async function currentSession(deps: AppDeps, ctx: RequestContext): Promise<View> {
  const actor = requireSession(ctx);
  const user = await findUserById(deps.db, actor.userId);
  const session = await sessionCsrfToken(deps.db, actor.sessionId);
  const complete = nextStep(actor) === 'ok';
  return {
    userId: actor.userId,
    login: actor.login,
    displayName: actor.displayName,
    next: nextStep(actor),
    csrfToken: session,
    permissions: complete ? [...actor.permissions].sort() : [],
    grants: complete ? actor.grants.map(grantView) : [],
    totpEnabled: user?.totpEnabled ?? false,
  };
}

export async function logout(deps: AppDeps, ctx: RequestContext): Promise<void> {
  const actor = requireSession(ctx);
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    await revokeSession(tx, actor.sessionId, now);
    await recordAudit(tx, ctx, now, {
      action: 'auth.logout',
      objectType: 'session',
      objectId: actor.sessionId,
    });
  });
  ctx.clearSession = true;
}

/** Changes one's own password; required after a reset. Other sessions of the user end. */
export async function changePassword(
  deps: AppDeps,
  ctx: RequestContext,
  body: z.infer<typeof ChangePasswordBody>,
): Promise<void> {
  const actor = requireSession(ctx);
  if (actor.mfaState !== 'ok')
    throw new AppError(actor.mfaState === 'totp' ? 'TOTP_REQUIRED' : 'TOTP_ENROLMENT_REQUIRED');
  const now = deps.clock();
  const user = await findUserById(deps.db, actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (!(await verifyPassword(user.passwordHash, body.currentPassword)))
    throw new AppError('PASSWORD_WRONG');
  await assertPasswordPolicy(deps.db, body.newPassword, user.login, ctx.locale);
  if (await verifyPassword(user.passwordHash, body.newPassword)) {
    const same = ctx.locale === 'en' ? 'must not be the current one' : '不能与原密码相同';
    throw new AppError('PASSWORD_POLICY', { reasons: [same], reasonText: same });
  }
  const passwordHash = await hashPassword(body.newPassword);
  await deps.db.transaction(async (tx) => {
    await updateUser(tx, user.id, {
      passwordHash,
      mustChangePassword: false,
      passwordChangedAt: now,
      updatedAt: now,
    });
    await revokeOtherSessions(tx, user.id, actor.sessionId, now);
    await recordAudit(tx, ctx, now, {
      action: 'auth.password_change',
      objectType: 'user',
      objectId: user.id,
    });
  });
}

/**
 * Starts TOTP enrolment: a new secret, stored encrypted and not yet enabled. A full session (past
 * login and any second step) must give the current password: a stolen session cookie alone cannot
 * replace the secret.
 */
export async function totpSetup(
  deps: AppDeps,
  ctx: RequestContext,
  currentPassword: string | undefined,
): Promise<{ secret: string; otpauthUrl: string }> {
  const actor = requireSession(ctx);
  if (actor.mfaState === 'totp') throw new AppError('TOTP_REQUIRED');
  if (actor.mfaState === 'ok') {
    if (!currentPassword) throw new AppError('PASSWORD_REQUIRED');
    const user = await findUserById(deps.db, actor.userId);
    if (!user) throw new AppError('UNAUTHENTICATED');
    if (!(await verifyPassword(user.passwordHash, currentPassword)))
      throw new AppError('PASSWORD_WRONG');
  }
  const now = deps.clock();
  const secret = newTotpSecret();
  await deps.db.transaction(async (tx) => {
    await updateUser(tx, actor.userId, {
      totpSecretEnc: encrypt(deps.keys, secret),
      totpEnabled: false,
      updatedAt: now,
    });
    await recordAudit(tx, ctx, now, {
      action: 'auth.totp_setup',
      objectType: 'user',
      objectId: actor.userId,
    });
  });
  return { secret, otpauthUrl: totpUrl(secret, actor.login) };
}

/**
 * Checks a code (a wrong one counts towards the lock-out) and returns its time step. A step at or
 * before the last accepted one is a replay: TOTP_REPLAYED.
 */
async function checkCodeOrCount(deps: AppDeps, userId: string, code: string): Promise<number> {
  const now = deps.clock();
  const user = await findUserById(deps.db, userId);
  if (!user?.totpSecretEnc) throw new AppError('TOTP_INVALID');
  assertNotLocked(user, now);
  const step = matchTotpStep(decrypt(deps.keys, user.totpSecretEnc), code, now);
  if (step === null) {
    const err = await countFailure(deps, user, now);
    throw err.code === 'ACCOUNT_LOCKED' ? err : new AppError('TOTP_INVALID');
  }
  if (user.totpLastStep !== null && step <= user.totpLastStep) throw new AppError('TOTP_REPLAYED');
  return step;
}

/** Records `step` as used, in the caller's transaction; loses to a concurrent use of the same code. */
async function claimTotpStep(tx: Executor, userId: string, step: number): Promise<void> {
  if (!(await claimTotpStepRow(tx, userId, step))) throw new AppError('TOTP_REPLAYED');
}

/** Finishes enrolment with a first code; an enrolling session becomes complete and is rotated. */
export async function totpConfirm(deps: AppDeps, ctx: RequestContext, code: string): Promise<View> {
  const actor = requireSession(ctx);
  if (actor.mfaState === 'totp') throw new AppError('TOTP_REQUIRED');
  const step = await checkCodeOrCount(deps, actor.userId, code);
  const now = deps.clock();
  const token = newToken();
  await deps.db.transaction(async (tx) => {
    await claimTotpStep(tx, actor.userId, step);
    await updateUser(tx, actor.userId, { totpEnabled: true, failedLogins: 0, updatedAt: now });
    await updateSession(tx, actor.sessionId, { mfaState: 'ok', tokenHash: tokenHash(token) });
    await recordAudit(tx, ctx, now, {
      action: 'auth.totp_enable',
      objectType: 'user',
      objectId: actor.userId,
    });
  });
  ctx.newSessionToken = token;
  actor.mfaState = 'ok';
  return currentSession(deps, ctx);
}

/** The second step of login: a correct code completes the session, which is rotated. */
export async function totpVerify(deps: AppDeps, ctx: RequestContext, code: string): Promise<View> {
  const actor = requireSession(ctx);
  if (actor.mfaState !== 'totp') throw new AppError('BAD_REQUEST');
  const step = await checkCodeOrCount(deps, actor.userId, code);
  const now = deps.clock();
  const token = newToken();
  await deps.db.transaction(async (tx) => {
    await claimTotpStep(tx, actor.userId, step);
    await updateUser(tx, actor.userId, { failedLogins: 0 });
    await updateSession(tx, actor.sessionId, { mfaState: 'ok', tokenHash: tokenHash(token) });
    await recordAudit(tx, ctx, now, {
      action: 'auth.totp_verify',
      objectType: 'session',
      objectId: actor.sessionId,
    });
  });
  ctx.newSessionToken = token;
  actor.mfaState = 'ok';
  return currentSession(deps, ctx);
}
