import { and, asc, eq, ilike, inArray, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { pageOffset, type PageRequest } from '../../platform/http/paging.js';
import { likeContains } from '../orgs/repo.js';
import { organisations } from '../orgs/table.js';
import { regions } from '../../platform/regions/table.js';
import { roles } from '../roles/table.js';
import { roleAssignments, users } from './table.js';

/** A user with the names of its region and organisation; never carries the password hash. */
export interface UserRecord {
  id: string;
  login: string;
  displayName: string;
  regionCode: string;
  regionName: string;
  orgId: string | null;
  orgName: string | null;
  disabled: boolean;
  lockedUntil: Date | null;
  mustChangePassword: boolean;
  totpEnabled: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  /** The masked mobile number of the user's own, or null when none is on record. */
  mobileMask: string | null;
  createdBy: string | null;
}

const record = {
  id: users.id,
  login: users.login,
  displayName: users.displayName,
  regionCode: users.regionCode,
  regionName: regions.pathName,
  orgId: users.orgId,
  orgName: organisations.name,
  disabled: users.disabled,
  lockedUntil: users.lockedUntil,
  mustChangePassword: users.mustChangePassword,
  totpEnabled: users.totpEnabled,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
  version: users.version,
  mobileMask: users.mobileMask,
  createdBy: users.createdBy,
};

function selectRecords(db: Executor) {
  return db
    .select(record)
    .from(users)
    .innerJoin(regions, eq(regions.code, users.regionCode))
    .leftJoin(organisations, eq(organisations.id, users.orgId));
}

/** A user by id, with region and organisation names. */
export async function findUserRecord(db: Executor, id: string): Promise<UserRecord | undefined> {
  const [row] = await selectRecords(db).where(eq(users.id, id));
  return row;
}

export interface UserFilter {
  /** The actor's data scope over the region column, from regionScopeWhere. */
  scope: (regionColumn: AnyColumn) => SQL;
  q?: string | undefined;
  regionPrefix?: string | undefined;
  disabled?: boolean | undefined;
}

/** One page of users by login, with the total. */
export async function listUserRecords(
  db: Executor,
  f: UserFilter,
  p: PageRequest,
): Promise<{ rows: UserRecord[]; total: number }> {
  const c: SQL[] = [f.scope(users.regionCode)];
  if (f.regionPrefix) c.push(sql`${users.regionCode} LIKE ${`${f.regionPrefix}%`}`);
  if (f.disabled !== undefined) c.push(eq(users.disabled, f.disabled));
  if (f.q) {
    const like = likeContains(f.q);
    c.push(or(ilike(users.login, like), ilike(users.displayName, like)) as SQL);
  }
  const where = and(...c);
  const rows = await selectRecords(db)
    .where(where)
    .orderBy(asc(users.login))
    .limit(p.pageSize)
    .offset(pageOffset(p));
  const total = await db.$count(users, where);
  return { rows, total };
}

/** Role codes held by each of the given users. */
export async function roleCodesOf(db: Executor, userIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (userIds.length === 0) return out;
  const rows = await db
    .selectDistinct({ userId: roleAssignments.userId, roleCode: roleAssignments.roleCode })
    .from(roleAssignments)
    .where(inArray(roleAssignments.userId, userIds))
    .orderBy(asc(roleAssignments.roleCode));
  for (const r of rows) out.set(r.userId, [...(out.get(r.userId) ?? []), r.roleCode]);
  return out;
}

/** A role assignment with its role and the region it reaches. */
export interface AssignmentRecord {
  id: string;
  userId: string;
  roleCode: string;
  roleNameZh: string;
  roleNameEn: string;
  permissions: string[];
  scopeType: string;
  scopeRegion: string | null;
  orgId: string | null;
  orgName: string | null;
  orgRegion: string | null;
  grantedBy: string | null;
  grantedAt: Date;
}

/** A user's role assignments, oldest first. */
export function listAssignments(db: Executor, userId: string): Promise<AssignmentRecord[]> {
  return db
    .select({
      id: roleAssignments.id,
      userId: roleAssignments.userId,
      roleCode: roleAssignments.roleCode,
      roleNameZh: roles.nameZh,
      roleNameEn: roles.nameEn,
      permissions: roles.permissions,
      scopeType: roleAssignments.scopeType,
      scopeRegion: roleAssignments.scopeRegion,
      orgId: roleAssignments.scopeOrgId,
      orgName: organisations.name,
      orgRegion: organisations.regionCode,
      grantedBy: roleAssignments.grantedBy,
      grantedAt: roleAssignments.grantedAt,
    })
    .from(roleAssignments)
    .innerJoin(roles, eq(roles.code, roleAssignments.roleCode))
    .leftJoin(organisations, eq(organisations.id, roleAssignments.scopeOrgId))
    .where(eq(roleAssignments.userId, userId))
    .orderBy(asc(roleAssignments.grantedAt), asc(roleAssignments.id));
}

/** Inserts a user unless the login is taken; the new id, or undefined when taken. */
export async function insertUser(
  db: Executor,
  row: typeof users.$inferInsert,
): Promise<string | undefined> {
  const [created] = await db
    .insert(users)
    .values(row)
    .onConflictDoNothing({ target: users.login })
    .returning({ id: users.id });
  return created?.id;
}

/** Updates a user only if it still has `version`, bumping it; false when it changed first. */
export async function updateUserAtVersion(
  db: Executor,
  id: string,
  version: number,
  set: Partial<typeof users.$inferInsert>,
): Promise<boolean> {
  const done = await db
    .update(users)
    .set({ ...set, version: version + 1 })
    .where(and(eq(users.id, id), eq(users.version, version)))
    .returning({ id: users.id });
  return done.length > 0;
}

/** The encrypted mobile number a reset is sent to, or null. */
export async function findUserMobileEnc(db: Executor, id: string): Promise<string | null> {
  const [row] = await db.select({ mobileEnc: users.mobileEnc }).from(users).where(eq(users.id, id));
  return row?.mobileEnc ?? null;
}

/** Updates a user's account state (disable, password reset), bumping its version. */
export async function updateUserState(
  db: Executor,
  id: string,
  set: Partial<typeof users.$inferInsert>,
): Promise<void> {
  await db
    .update(users)
    .set({ ...set, version: sql`${users.version} + 1` })
    .where(eq(users.id, id));
}

/** Inserts a role assignment, returning its id. */
export async function insertAssignment(
  db: Executor,
  row: typeof roleAssignments.$inferInsert,
): Promise<string> {
  const [created] = await db
    .insert(roleAssignments)
    .values(row)
    .returning({ id: roleAssignments.id });
  if (!created) throw new Error('role assignment insert returned nothing');
  return created.id;
}

/** Deletes one role assignment. */
export async function deleteAssignment(db: Executor, id: string): Promise<void> {
  await db.delete(roleAssignments).where(eq(roleAssignments.id, id));
}
