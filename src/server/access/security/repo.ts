import { and, desc, eq, gt, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { pageOffset, type PageRequest } from '../../platform/http/paging.js';
import { users } from '../users/table.js';

export interface LockedUserRow {
  userId: string;
  login: string;
  regionCode: string;
  lockedUntil: Date;
}

/** Accounts locked out at `now`, latest lock first, within `scope`. */
export async function listLockedUsers(
  db: Executor,
  scope: (regionColumn: AnyColumn) => SQL,
  now: Date,
  p: PageRequest,
): Promise<{ rows: LockedUserRow[]; total: number }> {
  const where = and(scope(users.regionCode), gt(users.lockedUntil, now));
  const rows = await db
    .select({
      userId: users.id,
      login: users.login,
      regionCode: users.regionCode,
      lockedUntil: users.lockedUntil,
    })
    .from(users)
    .where(where)
    .orderBy(desc(users.lockedUntil), users.login)
    .limit(p.pageSize)
    .offset(pageOffset(p));
  const total = await db.$count(users, where);
  return {
    rows: rows.map((r) => ({ ...r, lockedUntil: r.lockedUntil ?? now })),
    total,
  };
}

/** The account's login and region, for scope checks. */
export async function findUserForUnlock(
  db: Executor,
  id: string,
): Promise<{ id: string; login: string; regionCode: string } | undefined> {
  const [row] = await db
    .select({ id: users.id, login: users.login, regionCode: users.regionCode })
    .from(users)
    .where(eq(users.id, id));
  return row;
}

/** Clears the failed-login count and any lock-out. */
export async function clearLockout(db: Executor, id: string): Promise<void> {
  await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, id));
}
