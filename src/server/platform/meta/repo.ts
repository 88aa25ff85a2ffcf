import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { DEMO_ACCOUNTS } from '../../demo/foundation-data.js';
import { users } from '../../access/users/table.js';

/** True when any enabled account carries one of the demo logins (password published in README). */
export async function demoAccountsExist(db: Db): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        inArray(
          users.login,
          DEMO_ACCOUNTS.map((a) => a.login),
        ),
        eq(users.disabled, false),
      ),
    )
    .limit(1);
  return row !== undefined;
}
