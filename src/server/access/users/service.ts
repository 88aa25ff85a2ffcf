import { AppError } from '../../../domain/errors/codes.js';
import { regionPrefix } from '../../../domain/regions/region-code.js';
import { recordAudit } from '../../platform/audit/record.js';
import { assertPasswordPolicy } from '../../platform/auth/password-check.js';
import { hashPassword, temporaryPassword } from '../../platform/auth/passwords.js';
import { revokeUserSessions } from '../../platform/auth/repo.js';
import { decrypt } from '../../platform/crypto/keys.js';
import type { Executor } from '../../platform/db/client.js';
import { pendingRequestsOf } from '../grant-requests/repo.js';
import type { Actor, RequestContext } from '../../platform/http/context.js';
import { toPage, type Paged } from '../../platform/http/paging.js';
import type { AppDeps } from '../../platform/http/types.js';
import { findOrg, findRegionPath } from '../orgs/repo.js';
import {
  assertRegionInScope,
  regionInScope,
  regionScopeWhere,
  requirePermission,
} from '../scope/scope.js';
import type { SmsTransport } from '../../platform/sms/sms-transport.js';
import { readSecuritySettings } from '../security/settings.js';
import type {
  CreateUserBodyT,
  UpdateUserBodyT,
  UserDetailViewT,
  UserListQueryT,
  UserViewT,
  PasswordResetViewT,
} from './contract.js';
import { assertNotAdministrator, assertNotSelf, assertOutranks } from './grant-check.js';
import { presentUser, presentUserDetail } from './presenter.js';
import {
  findUserMobileEnc,
  findUserRecord,
  insertUser,
  listAssignments,
  listUserRecords,
  roleCodesOf,
  updateUserAtVersion,
  updateUserState,
  type UserRecord,
} from './repo.js';

/**
 * A user the actor may change: NOT_FOUND when the actor cannot see it at all (so existence does
 * not leak), SCOPE_OUTSIDE_OWN when it is visible but outside the actor's user.manage scope.
 */
export async function managedUser(db: Executor, actor: Actor, id: string): Promise<UserRecord> {
  const row = await findUserRecord(db, id);
  const visible =
    row &&
    (regionInScope(actor, 'user.read', row.regionCode) ||
      regionInScope(actor, 'user.manage', row.regionCode));
  if (!row || !visible) throw new AppError('NOT_FOUND');
  assertRegionInScope(actor, 'user.manage', row.regionCode, 'write');
  return row;
}

/** A user with their grants, as every user-changing route answers. */
export async function userDetail(deps: AppDeps, id: string): Promise<UserDetailViewT> {
  const row = await findUserRecord(deps.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  return presentUserDetail(
    row,
    await listAssignments(deps.db, id),
    await pendingRequestsOf(deps.db, id),
    deps.clock(),
  );
}

async function assertOrgUsable(db: Executor, actor: Actor, orgId: string): Promise<void> {
  const org = await findOrg(db, orgId);
  if (!org) throw new AppError('ORG_NOT_FOUND', { orgId });
  assertRegionInScope(actor, 'user.manage', org.regionCode, 'write');
}

/** A one-time password long enough for the configured policy. */
async function issueTemporaryPassword(db: Executor): Promise<string> {
  const { passwordMinLength } = await readSecuritySettings(db);
  let pw = temporaryPassword();
  while (pw.length < passwordMinLength) pw += temporaryPassword();
  return pw;
}

/** Accounts within the actor's user.read scope, filtered and paged. */
export async function listUsers(
  deps: AppDeps,
  ctx: RequestContext,
  query: UserListQueryT,
): Promise<Paged<UserViewT>> {
  const actor = requirePermission(ctx, 'user.read');
  const { rows, total } = await listUserRecords(
    deps.db,
    {
      scope: (column) => regionScopeWhere(actor, 'user.read', column),
      q: query.q,
      regionPrefix: query.region ? regionPrefix(query.region) : undefined,
      disabled: query.disabled,
    },
    query,
  );
  const codes = await roleCodesOf(
    deps.db,
    rows.map((r) => r.id),
  );
  const now = deps.clock();
  return toPage(rows, total, query, (r) => presentUser(r, codes.get(r.id) ?? [], now));
}

/** One account with its grants; NOT_FOUND when missing or outside the actor's scope. */
export async function getUser(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
): Promise<UserDetailViewT> {
  const actor = requirePermission(ctx, 'user.read');
  const row = await findUserRecord(deps.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  assertRegionInScope(actor, 'user.read', row.regionCode);
  return presentUserDetail(
    row,
    await listAssignments(deps.db, id),
    await pendingRequestsOf(deps.db, id),
    deps.clock(),
  );
}

/**
 * Creates an account in the actor's scope. Without a password a temporary one is generated and
 * returned once; either way the user must change it at first login.
 */
export async function createUser(
  deps: AppDeps,
  ctx: RequestContext,
  body: CreateUserBodyT,
): Promise<{ user: UserDetailViewT; temporaryPassword: string | null }> {
  const actor = requirePermission(ctx, 'user.manage');
  if ((await findRegionPath(deps.db, body.regionCode)) === undefined) {
    throw new AppError('REGION_UNKNOWN', { code: body.regionCode, field: 'regionCode' });
  }
  assertRegionInScope(actor, 'user.manage', body.regionCode, 'write');
  if (body.orgId) await assertOrgUsable(deps.db, actor, body.orgId);
  if (body.password !== undefined) {
    await assertPasswordPolicy(deps.db, body.password, body.login, ctx.locale);
  }
  const password = body.password ?? (await issueTemporaryPassword(deps.db));
  const passwordHash = await hashPassword(password);
  const now = deps.clock();
  const id = await deps.db.transaction(async (tx) => {
    const userId = await insertUser(tx, {
      login: body.login,
      displayName: body.displayName,
      passwordHash,
      mustChangePassword: true,
      regionCode: body.regionCode,
      orgId: body.orgId ?? null,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    if (!userId) throw new AppError('LOGIN_TAKEN', { login: body.login });
    await recordAudit(tx, ctx, now, {
      action: 'user.create',
      objectType: 'user',
      objectId: userId,
      permission: 'user.manage',
      details: {
        regionCode: body.regionCode,
        orgId: body.orgId ?? null,
        passwordGenerated: body.password === undefined,
      },
    });
    return userId;
  });
  return {
    user: await userDetail(deps, id),
    temporaryPassword: body.password === undefined ? password : null,
  };
}

/** Edits an account's name or organisation under optimistic locking. */
export async function updateUser(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  body: UpdateUserBodyT,
): Promise<UserDetailViewT> {
  const actor = requirePermission(ctx, 'user.manage');
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    const row = await managedUser(tx, actor, id);
    assertNotAdministrator(await listAssignments(tx, id));
    if (row.version !== body.version) {
      throw new AppError('VERSION_CONFLICT', { version: row.version });
    }
    if (body.orgId) await assertOrgUsable(tx, actor, body.orgId);
    const set = {
      ...(body.displayName === undefined ? {} : { displayName: body.displayName }),
      ...(body.orgId === undefined ? {} : { orgId: body.orgId }),
    };
    if (!(await updateUserAtVersion(tx, id, body.version, { ...set, updatedAt: now }))) {
      throw new AppError('VERSION_CONFLICT');
    }
    await recordAudit(tx, ctx, now, {
      action: 'user.update',
      objectType: 'user',
      objectId: id,
      permission: 'user.manage',
      details: { fields: Object.keys(set), version: body.version + 1 },
    });
  });
  return userDetail(deps, id);
}

/**
 * Disables or re-enables an account. Disabling ends every live session at once. Nobody changes
 * their own account this way, nor an account holding rights they could not have granted, nor an
 * administrator's account (ADMIN_ACCOUNT_CLI_ONLY: only the operator's CLI changes those).
 */
export async function setDisabled(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  disabled: boolean,
): Promise<UserDetailViewT> {
  const actor = requirePermission(ctx, 'user.manage');
  assertNotSelf(actor, id);
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    await managedUser(tx, actor, id);
    const assignments = await listAssignments(tx, id);
    assertNotAdministrator(assignments);
    assertOutranks(actor, assignments);
    await updateUserState(tx, id, { disabled, updatedAt: now });
    if (disabled) await revokeUserSessions(tx, id, now);
    await recordAudit(tx, ctx, now, {
      action: disabled ? 'user.disable' : 'user.enable',
      objectType: 'user',
      objectId: id,
      permission: 'user.manage',
    });
  });
  return userDetail(deps, id);
}

/**
 * Issues a new temporary password and sends it by text message to the user's own mobile number on
 * record — never to the administrator, whose answer only says where it went. The user must change
 * it at next login; every session ends and any lock-out is cleared; the second factor is kept.
 * Only the user (or the operator's CLI) records that number, so the administrator cannot redirect
 * the message. Refused for administrators' accounts (ADMIN_ACCOUNT_CLI_ONLY), without a number
 * on record (RESET_NO_MOBILE) and without an SMS transport (SMS_UNAVAILABLE). The operator's CLI
 * `user reset-password` still prints a temporary password.
 */
export async function resetPassword(
  deps: AppDeps,
  sms: SmsTransport,
  ctx: RequestContext,
  id: string,
): Promise<PasswordResetViewT> {
  const actor = requirePermission(ctx, 'user.manage');
  assertNotSelf(actor, id);
  const password = await issueTemporaryPassword(deps.db);
  const passwordHash = await hashPassword(password);
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const row = await managedUser(tx, actor, id);
    const assignments = await listAssignments(tx, id);
    assertNotAdministrator(assignments);
    assertOutranks(actor, assignments);
    const mobileEnc = await findUserMobileEnc(tx, id);
    if (!mobileEnc || !row.mobileMask) throw new AppError('RESET_NO_MOBILE');
    if (!sms.available) throw new AppError('SMS_UNAVAILABLE');
    await updateUserState(tx, id, {
      passwordHash,
      mustChangePassword: true,
      failedLogins: 0,
      lockedUntil: null,
      updatedAt: now,
    });
    await revokeUserSessions(tx, id, now);
    await recordAudit(tx, ctx, now, {
      action: 'user.reset_password',
      objectType: 'user',
      objectId: id,
      permission: 'user.manage',
      details: { deliveredTo: 'sms', mobileMasked: row.mobileMask },
    });
    // Sent last, inside the transaction: a failed send undoes the reset.
    await sms.send(
      { mobile: decrypt(deps.keys, mobileEnc), text: resetText(row.login, password) },
      now,
    );
    return { deliveredTo: 'sms' as const, mobileMasked: row.mobileMask };
  });
}

/** The text message carrying a temporary password. */
function resetText(login: string, password: string): string {
  return `【返乡创业服务平台】账号 ${login} 的密码已被管理员重置，临时密码：${password}。请尽快登录并修改密码；如非本人申请，请联系安全管理员。`;
}
