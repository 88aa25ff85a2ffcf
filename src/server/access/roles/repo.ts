import { asc, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { roles } from './table.js';

export type RoleRow = typeof roles.$inferSelect;

/** Built-in roles first, then custom ones, each by code. */
export function listRoles(db: Executor): Promise<RoleRow[]> {
  return db.select().from(roles).orderBy(desc(roles.builtin), asc(roles.code));
}

/** A role by code. */
export async function findRole(db: Executor, code: string): Promise<RoleRow | undefined> {
  const [row] = await db.select().from(roles).where(eq(roles.code, code));
  return row;
}

/** Inserts a role; false when the code is already taken. */
export async function insertRole(db: Executor, row: typeof roles.$inferInsert): Promise<boolean> {
  const done = await db
    .insert(roles)
    .values(row)
    .onConflictDoNothing({ target: roles.code })
    .returning({ code: roles.code });
  return done.length > 0;
}
