import { asc, eq, sql } from 'drizzle-orm';
import { breaksSeparationOfDuties } from '../../../domain/access/grant-rules.js';
import { adminKindsOf } from '../../../domain/access/permissions.js';
import { roleOrgTypes, type ScopeType } from '../../../domain/access/roles.js';
import { AppError, isAppError } from '../../../domain/errors/codes.js';
import { isRegionCode } from '../../../domain/regions/region-code.js';
import { appendAudit, appendAuditStandalone, type AuditEntry } from '../../platform/audit/repo.js';
import { assertPasswordPolicy } from '../../platform/auth/password-check.js';
import { hashPassword, temporaryPassword } from '../../platform/auth/passwords.js';
import { findUserByLogin, revokeUserSessions } from '../../platform/auth/repo.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { organisations } from '../orgs/table.js';
import { regions } from '../../platform/regions/table.js';
import { roles } from '../roles/table.js';
import { readSecuritySettings } from '../security/settings.js';
import { LoginName } from './contract.js';
import { roleAssignments, users } from './table.js';

/**
 * Account operations for the operator's command line: the bootstrap path, so unlike the API it
 * may create the system, security and audit administrators. The rules the API applies to the
 * account itself still hold (login form and uniqueness, password policy, 三权分立), and every
 * operation leaves an audit record by `cli:<os user>` from ip `local`, in the change's own
 * transaction; a refused operation is recorded with its error code.
 */

/** What the operator did: the audit entry's action, object, details and result (success). */
export type OperatorEvent = Pick<AuditEntry, 'action' | 'objectType' | 'objectId' | 'details'> & {
  result?: string;
};

/**
 * The audit entry for something the operator did on the command line.
 *
 * @example
 * operatorAuditEntry('cli:root', new Date(), { action: 'db.backup', objectType: 'database', objectId: '' })
 */
export function operatorAuditEntry(operator: string, at: Date, e: OperatorEvent): AuditEntry {
  return {
    at,
    actorId: null,
    actorLogin: operator,
    actorRoles: '',
    ip: 'local',
    result: 'success',
    ...e,
  };
}

/** Who runs an account command: `cli:<os user>`, and the audit chain key that seals its records. */
export interface CliOperator {
  name: string;
  chainKey: Buffer;
}

/** Runs an operation; when it is refused, records the refusal (its error code) and rethrows. */
async function audited<T>(
  db: Db,
  op: CliOperator,
  refusal: AuditEntry,
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (isAppError(err)) {
      await appendAuditStandalone(db, op.chainKey, { ...refusal, result: err.code });
    }
    throw err;
  }
}

/** Appends the record of a successful change to a user, inside the change's transaction. */
function recordUserChange(
  tx: Executor,
  op: CliOperator,
  at: Date,
  action: string,
  userId: string,
  details: object,
) {
  const event = { action, objectType: 'user', objectId: userId, details: { ...details } };
  return appendAudit(tx, op.chainKey, operatorAuditEntry(op.name, at, event));
}

export interface CreateAccountInput {
  login: string;
  displayName: string;
  regionCode: string;
  roleCode: string;
  /** Region the role reaches; the account's region when neither scope is given. */
  scopeRegion?: string | undefined;
  /** Organisation (or park) the role is limited to. */
  scopeOrgId?: string | undefined;
  /** Chosen by the operator; when absent a temporary one is generated and must be changed. */
  password?: string | undefined;
}

async function assertRegion(db: Executor, code: string): Promise<void> {
  const found = isRegionCode(code) && (await db.$count(regions, eq(regions.code, code))) > 0;
  if (!found) throw new AppError('REGION_NOT_FOUND', { code });
}

/** The grant's scope, checked against the role's allowed scope kinds. */
async function resolveScope(
  db: Executor,
  input: CreateAccountInput,
  scopeTypes: string[],
): Promise<{ scopeType: ScopeType; scopeRegion: string | null; scopeOrgId: string | null }> {
  const refuse = (zh: string, en: string) =>
    new AppError('SCOPE_INVALID', { reason: `${zh} (${en})`, allowed: scopeTypes });
  if (input.scopeOrgId) {
    const [org] = await db
      .select({ id: organisations.id, type: organisations.type })
      .from(organisations)
      .where(sql`${organisations.id}::text = ${input.scopeOrgId}`);
    if (!org) throw new AppError('ORG_NOT_FOUND', { orgId: input.scopeOrgId });
    const kind: ScopeType | undefined =
      org.type === 'park' && scopeTypes.includes('park')
        ? 'park'
        : scopeTypes.includes('org')
          ? 'org'
          : undefined;
    if (!kind)
      throw refuse('该角色不能按机构授予', 'the role cannot be scoped to this organisation');
    const orgTypes = roleOrgTypes(input.roleCode);
    if (kind === 'org' && orgTypes && !orgTypes.some((t) => t === org.type)) {
      throw refuse(
        `该角色只能授予以下类型的机构：${orgTypes.join('、')}`,
        `the role is granted only on organisations of type ${orgTypes.join(', ')}`,
      );
    }
    return { scopeType: kind, scopeRegion: null, scopeOrgId: org.id };
  }
  if (!scopeTypes.includes('region')) {
    throw refuse('该角色须按机构授予（--scope-org）', 'the role needs --scope-org');
  }
  const region = input.scopeRegion ?? input.regionCode;
  await assertRegion(db, region);
  return { scopeType: 'region', scopeRegion: region, scopeOrgId: null };
}

/** A temporary password long enough for the configured policy. */
async function issueTemporaryPassword(db: Executor): Promise<string> {
  const { passwordMinLength } = await readSecuritySettings(db);
  let pw = temporaryPassword();
  while (pw.length < passwordMinLength) pw += temporaryPassword();
  return pw;
}

/**
 * Creates an account with one role. Refuses a taken or malformed login, an unknown region,
 * role or organisation, a scope the role does not allow, a role that would make one person
 * two kinds of administrator, and a password the policy rejects.
 *
 * @example
 * await createAccount(db, 'cli:root', { login: 'auditor', displayName: '审计员', regionCode: '000000000000', roleCode: 'audit_admin' })
 */
export async function createAccount(
  db: Db,
  operator: CliOperator,
  input: CreateAccountInput,
  now: Date = new Date(),
): Promise<{ userId: string; login: string; temporaryPassword: string | null }> {
  const event = { action: 'user.create', objectType: 'user', objectId: '' };
  const refusal = operatorAuditEntry(operator.name, now, {
    ...event,
    details: { login: input.login },
  });
  return audited(db, operator, refusal, async () => {
    const parsedLogin = LoginName.safeParse(input.login);
    if (!parsedLogin.success) {
      const message = parsedLogin.error.issues[0]?.message;
      throw new AppError('VALIDATION', { issues: [{ path: 'login', message }] });
    }
    const login = parsedLogin.data;
    const displayName = input.displayName.trim();
    if (displayName.length < 1 || displayName.length > 50) {
      throw new AppError('VALIDATION', { issues: [{ path: 'name', message: '1–50' }] });
    }
    if (await findUserByLogin(db, login)) throw new AppError('LOGIN_TAKEN', { login });
    await assertRegion(db, input.regionCode);
    const [role] = await db.select().from(roles).where(eq(roles.code, input.roleCode));
    if (!role) throw new AppError('ROLE_UNKNOWN', { role: input.roleCode });
    const scope = await resolveScope(db, input, role.scopeTypes);
    if (breaksSeparationOfDuties([], role.permissions)) {
      throw new AppError('SEPARATION_OF_DUTIES', { kinds: adminKindsOf(role.permissions) });
    }
    if (input.password !== undefined) {
      await assertPasswordPolicy(db, input.password, login, 'zh-CN');
    }
    const password = input.password ?? (await issueTemporaryPassword(db));
    const passwordHash = await hashPassword(password);
    const userId = await db.transaction(async (tx) => {
      const [created] = await tx
        .insert(users)
        .values({
          login,
          displayName,
          passwordHash,
          mustChangePassword: input.password === undefined,
          regionCode: input.regionCode,
          createdAt: now,
          updatedAt: now,
          passwordChangedAt: input.password === undefined ? null : now,
        })
        .onConflictDoNothing({ target: users.login })
        .returning({ id: users.id });
      if (!created) throw new AppError('LOGIN_TAKEN', { login });
      const [grant] = await tx
        .insert(roleAssignments)
        .values({ userId: created.id, roleCode: role.code, ...scope, grantedAt: now })
        .returning({ id: roleAssignments.id });
      await recordUserChange(tx, operator, now, 'user.create', created.id, {
        login,
        regionCode: input.regionCode,
        passwordGenerated: input.password === undefined,
      });
      await recordUserChange(tx, operator, now, 'user.grant', created.id, {
        grantId: grant?.id,
        roleCode: role.code,
        scopeType: scope.scopeType,
        regionCode: scope.scopeRegion,
        orgId: scope.scopeOrgId,
      });
      return created.id;
    });
    return { userId, login, temporaryPassword: input.password === undefined ? password : null };
  });
}

/** Updates one account found by login, ending its sessions when asked, with its record. */
async function changeAccount(
  db: Db,
  operator: CliOperator,
  now: Date,
  login: string,
  change: { action: string; set: Partial<typeof users.$inferInsert>; endSessions: boolean },
): Promise<void> {
  const failed = { action: change.action, objectType: 'user', objectId: '', details: { login } };
  await audited(db, operator, operatorAuditEntry(operator.name, now, failed), async () => {
    const user = await findUserByLogin(db, login);
    if (!user) throw new AppError('LOGIN_UNKNOWN', { login: login.trim().toLowerCase() });
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({ ...change.set, updatedAt: now, version: sql`${users.version} + 1` })
        .where(eq(users.id, user.id));
      if (change.endSessions) await revokeUserSessions(tx, user.id, now);
      await recordUserChange(tx, operator, now, change.action, user.id, { login: user.login });
    });
  });
}

/** Disables an account (ending its sessions at once) or enables it again. */
export function setAccountDisabled(
  db: Db,
  operator: CliOperator,
  login: string,
  disabled: boolean,
  now: Date = new Date(),
): Promise<void> {
  const action = disabled ? 'user.disable' : 'user.enable';
  return changeAccount(db, operator, now, login, {
    action,
    set: { disabled },
    endSessions: disabled,
  });
}

/**
 * Issues a temporary password (returned once): the user must change it at next login, the
 * lock-out is cleared and every session ends. The second factor is kept.
 */
export async function resetAccountPassword(
  db: Db,
  operator: CliOperator,
  login: string,
  now: Date = new Date(),
): Promise<{ temporaryPassword: string }> {
  const password = await issueTemporaryPassword(db);
  const set = {
    passwordHash: await hashPassword(password),
    mustChangePassword: true,
    failedLogins: 0,
    lockedUntil: null,
  };
  await changeAccount(db, operator, now, login, {
    action: 'user.reset_password',
    set,
    endSessions: true,
  });
  return { temporaryPassword: password };
}

/** Every account with its role codes, by login. */
export async function listAccounts(db: Executor) {
  const rows = await db
    .select({
      id: users.id,
      login: users.login,
      displayName: users.displayName,
      regionCode: users.regionCode,
      disabled: users.disabled,
      lockedUntil: users.lockedUntil,
      mustChangePassword: users.mustChangePassword,
      totpEnabled: users.totpEnabled,
      lastLoginAt: users.lastLoginAt,
    })
    .from(users)
    .orderBy(asc(users.login));
  const grants = await db
    .selectDistinct({ userId: roleAssignments.userId, roleCode: roleAssignments.roleCode })
    .from(roleAssignments)
    .orderBy(asc(roleAssignments.roleCode));
  return rows.map(({ id, ...u }) => ({
    ...u,
    roles: grants.filter((g) => g.userId === id).map((g) => g.roleCode),
  }));
}

export type AccountSummary = Awaited<ReturnType<typeof listAccounts>>[number];
