import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { organisations } from '../orgs/table.js';
import { roles } from '../roles/table.js';
import { roleAssignments, users } from '../users/table.js';
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
}

/** A user's role assignments with their roles' permissions and the scoped organisation's region. */
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
