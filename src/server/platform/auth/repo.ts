import { and, eq, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { organisations } from '../../access/orgs/table.js';
import { roles } from '../../access/roles/table.js';
import { roleAssignments, users } from '../../access/users/table.js';
import { sessions } from './table.js';

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;

export async function findUserByLogin(db: Executor, login: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.login, login.trim().toLowerCase()));
  return row;
}

export async function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

/** A live (not revoked) session and its user, by token hash. */
export async function findSession(
  db: Executor,
  tokenHash: string,
): Promise<{ session: SessionRow; user: UserRow } | undefined> {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt)));
  return row;
}

export interface GrantRow {
  id: string;
  roleCode: string;
  permissions: string[];
  requireTotp: boolean;
  scopeType: string;
  scopeRegion: string | null;
  scopeOrgId: string | null;
  orgRegion: string | null;
  /** The scoped organisation's type (`bank`, `guarantee` …), for the case engine's routing. */
  orgType: string | null;
}

/** A user's role assignments with their roles' permissions and the scoped organisation's region and type. */
export function findGrants(db: Executor, userId: string): Promise<GrantRow[]> {
  return db
    .select({
      id: roleAssignments.id,
      roleCode: roleAssignments.roleCode,
      permissions: roles.permissions,
      requireTotp: roles.requireTotp,
      scopeType: roleAssignments.scopeType,
      scopeRegion: roleAssignments.scopeRegion,
      scopeOrgId: roleAssignments.scopeOrgId,
      orgRegion: organisations.regionCode,
      orgType: organisations.type,
    })
    .from(roleAssignments)
    .innerJoin(roles, eq(roles.code, roleAssignments.roleCode))
    .leftJoin(organisations, eq(organisations.id, roleAssignments.scopeOrgId))
    .where(eq(roleAssignments.userId, userId));
}

export async function insertSession(
  db: Executor,
  row: typeof sessions.$inferInsert,
): Promise<string> {
  const [created] = await db.insert(sessions).values(row).returning({ id: sessions.id });
  if (!created) throw new Error('session insert returned nothing');
  return created.id;
}

export async function updateSession(
  db: Executor,
  id: string,
  set: Partial<typeof sessions.$inferInsert>,
): Promise<void> {
  await db.update(sessions).set(set).where(eq(sessions.id, id));
}

export async function revokeSession(db: Executor, id: string, now: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
}

/** Ends every live session of a user (disable, password reset). */
export async function revokeUserSessions(db: Executor, userId: string, now: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}

export async function updateUser(
  db: Executor,
  id: string,
  set: Partial<typeof users.$inferInsert>,
): Promise<void> {
  await db.update(users).set(set).where(eq(users.id, id));
}

/**
 * Counts one more failed login in the database itself (`failed_logins + 1`), so failures sent at
 * the same moment, to one instance or several, are all counted; returns the new count.
 */
export async function addFailedLogin(db: Executor, id: string): Promise<number> {
  const [row] = await db
    .update(users)
    .set({ failedLogins: sql`${users.failedLogins} + 1` })
    .where(eq(users.id, id))
    .returning({ failedLogins: users.failedLogins });
  return row?.failedLogins ?? 0;
}

/**
 * Marks TOTP time step `step` used, only if it is later than the last one used. False when another
 * request already used this step or a later one (a replay, or two requests racing with one code).
 */
export async function claimTotpStepRow(
  db: Executor,
  userId: string,
  step: number,
): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return rows.length === 1;
}

/** Ends a user's other sessions, keeping the one making the request. */
export async function revokeOtherSessions(
  db: Executor,
  userId: string,
  keepId: string,
  now: Date,
): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), ne(sessions.id, keepId), isNull(sessions.revokedAt)));
}

export async function sessionCsrfToken(db: Executor, sessionId: string): Promise<string> {
  const [row] = await db
    .select({ csrf: sessions.csrfToken })
    .from(sessions)
    .where(eq(sessions.id, sessionId));
  return row?.csrf ?? '';
}

/** A live session, its user and the user's grants, in one round trip. */
export interface SessionBundle {
  session: SessionRow;
  user: UserRow;
  grants: GrantRow[];
}

const grantsJson = sql<GrantRow[]>`coalesce((
  SELECT json_agg(json_build_object(
    'id', ra.id, 'roleCode', ra.role_code, 'permissions', r.permissions,
    'requireTotp', r.require_totp, 'scopeType', ra.scope_type, 'scopeRegion', ra.scope_region,
    'scopeOrgId', ra.scope_org_id, 'orgRegion', o.region_code, 'orgType', o.type))
  FROM role_assignments ra
  JOIN roles r ON r.code = ra.role_code
  LEFT JOIN organisations o ON o.id = ra.scope_org_id
  WHERE ra.user_id = ${users.id}), '[]'::json)`;

const prepared = new WeakMap<object, ReturnType<typeof prepareSessionQuery>>();

function prepareSessionQuery(db: Executor) {
  return db
    .select({ session: sessions, user: users, grants: grantsJson })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, sql.placeholder('tokenHash')), isNull(sessions.revokedAt)))
    .prepare('fx_session_bundle');
}

/**
 * The hot path of every authenticated request: a prepared statement (planned once per
 * connection) fetching session, user and grants together.
 */
export async function findSessionBundle(
  db: Executor,
  hash: string,
): Promise<SessionBundle | undefined> {
  let query = prepared.get(db);
  if (!query) {
    query = prepareSessionQuery(db);
    prepared.set(db, query);
  }
  const [row] = await query.execute({ tokenHash: hash });
  return row;
}
