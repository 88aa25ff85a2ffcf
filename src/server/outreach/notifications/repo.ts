import { and, count, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { ancestorCodes } from '../../../domain/regions/region-code.js';
import type { Executor } from '../../platform/db/client.js';
import { portalAccounts } from '../../portal/accounts/table.js';
import { roles } from '../../access/roles/table.js';
import { roleAssignments, users } from '../../access/users/table.js';
import { notifications } from './table.js';

export type NotificationRow = typeof notifications.$inferSelect;
export type NotificationInsert = typeof notifications.$inferInsert;

/** Whose notifications: a staff user or a portal account. */
export type Owner = { userId: string } | { accountId: string };

function ownerWhere(owner: Owner): SQL {
  return 'userId' in owner
    ? eq(notifications.userId, owner.userId)
    : eq(notifications.accountId, owner.accountId);
}

export async function insertNotifications(
  db: Executor,
  rows: NotificationInsert[],
): Promise<{ id: string }[]> {
  if (rows.length === 0) return [];
  return db.insert(notifications).values(rows).returning({ id: notifications.id });
}

/** One owner's notifications, newest first, with the total and the unread count. */
export async function listOwn(
  db: Executor,
  owner: Owner,
  opts: { unreadOnly: boolean; limit: number; offset: number },
): Promise<{ rows: NotificationRow[]; total: number; unread: number }> {
  const mine = ownerWhere(owner);
  const where = opts.unreadOnly ? and(mine, isNull(notifications.readAt)) : mine;
  const [rows, [totals]] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(opts.limit)
      .offset(opts.offset),
    db
      .select({
        total: opts.unreadOnly
          ? sql<number>`count(*) FILTER (WHERE ${notifications.readAt} IS NULL)`.mapWith(Number)
          : count(),
        unread: sql<number>`count(*) FILTER (WHERE ${notifications.readAt} IS NULL)`.mapWith(
          Number,
        ),
      })
      .from(notifications)
      .where(mine),
  ]);
  return { rows, total: totals?.total ?? 0, unread: totals?.unread ?? 0 };
}

/** Marks one of the owner's notifications read (once); undefined when it is not theirs. */
export async function markRead(
  db: Executor,
  owner: Owner,
  id: string,
  now: Date,
): Promise<NotificationRow | undefined> {
  const [row] = await db
    .select()
    .from(notifications)
    .where(and(ownerWhere(owner), eq(notifications.id, id)));
  if (!row || row.readAt) return row;
  const [updated] = await db
    .update(notifications)
    .set({ readAt: now })
    .where(eq(notifications.id, id))
    .returning();
  return updated;
}

/** Marks every unread notification of the owner read; how many changed. */
export async function markAllRead(db: Executor, owner: Owner, now: Date): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(ownerWhere(owner), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

/**
 * The enabled users holding a region-scoped role with `permission` whose scope covers
 * `regionCode`, and the scope each holds it in (the caller picks the most local ones).
 */
export async function usersCoveringRegion(
  db: Executor,
  regionCode: string,
  permission: string,
): Promise<{ userId: string; scopeRegion: string }[]> {
  const covering = [...ancestorCodes(regionCode), regionCode];
  const rows = await db
    .selectDistinct({ userId: roleAssignments.userId, scopeRegion: roleAssignments.scopeRegion })
    .from(roleAssignments)
    .innerJoin(roles, eq(roles.code, roleAssignments.roleCode))
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(
        eq(roleAssignments.scopeType, 'region'),
        inArray(roleAssignments.scopeRegion, covering),
        eq(users.disabled, false),
        sql`${permission} = ANY(${roles.permissions})`,
      ),
    );
  return rows.flatMap((r) =>
    r.scopeRegion ? [{ userId: r.userId, scopeRegion: r.scopeRegion }] : [],
  );
}

/** The enabled users of an organisation. */
export async function usersOfOrg(db: Executor, orgId: string): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.disabled, false)));
  return rows.map((r) => r.id);
}

/** Notifications whose text message is still to be sent, oldest first. */
export function pendingSms(db: Executor, ids: string[]): Promise<NotificationRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(notifications)
    .where(and(inArray(notifications.id, ids), eq(notifications.smsState, 'pending')))
    .orderBy(notifications.createdAt);
}

export async function setSmsState(db: Executor, id: string, state: string): Promise<void> {
  await db.update(notifications).set({ smsState: state }).where(eq(notifications.id, id));
}

/** The encrypted mobile of a portal account or a user, if it has one. */
export async function recipientMobileEnc(
  db: Executor,
  row: Pick<NotificationRow, 'userId' | 'accountId'>,
): Promise<string | null> {
  if (row.accountId) {
    const [a] = await db
      .select({ enc: portalAccounts.mobileEnc })
      .from(portalAccounts)
      .where(eq(portalAccounts.id, row.accountId));
    return a?.enc ?? null;
  }
  if (!row.userId) return null;
  const [u] = await db.select({ enc: users.mobileEnc }).from(users).where(eq(users.id, row.userId));
  return u?.enc ?? null;
}
