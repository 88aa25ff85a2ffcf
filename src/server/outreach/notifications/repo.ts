import { and, count, desc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
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
 * Who receives a notification, resolved in SQL when it is written:
 * - `userId` / `accountId`: one staff user / one entrepreneur's portal account;
 * - `orgId`: the enabled users of an organisation;
 * - `officersOf`: the most local enabled users whose region-scoped role carries `permission` over
 *   `regionCode` — the township's officers, or the county's when nobody holds the township, and
 *   so on up the tree;
 * - `accountsOf`: the portal accounts of a person and/or an enterprise of the ledger.
 */
export type Recipient =
  | { userId: string }
  | { accountId: string }
  | { orgId: string }
  | { officersOf: { regionCode: string; permission: string } }
  | { accountsOf: { personId: string | null; entityId: string | null } };

function audience(to: Recipient): SQL | null {
  if ('userId' in to) return sql`SELECT ${to.userId}::uuid, NULL::uuid`;
  if ('accountId' in to) return sql`SELECT NULL::uuid, ${to.accountId}::uuid`;
  if ('orgId' in to) {
    return sql`SELECT ${users.id}, NULL::uuid FROM ${users}
      WHERE ${users.orgId} = ${to.orgId}::uuid AND NOT ${users.disabled}`;
  }
  if ('officersOf' in to) {
    // An ancestor's code is its descendant's with more trailing digits zeroed, so along one
    // lineage the most local scope is the greatest code.
    const covering = [...ancestorCodes(to.officersOf.regionCode), to.officersOf.regionCode];
    return sql`SELECT o.user_id, NULL::uuid FROM (
      SELECT ${roleAssignments.userId} AS user_id,
             rank() OVER (ORDER BY ${roleAssignments.scopeRegion} DESC) AS depth_rank
      FROM ${roleAssignments}
      JOIN ${roles} ON ${roles.code} = ${roleAssignments.roleCode}
      JOIN ${users} ON ${users.id} = ${roleAssignments.userId}
      WHERE ${roleAssignments.scopeType} = 'region'
        AND ${inArray(roleAssignments.scopeRegion, covering)}
        AND NOT ${users.disabled}
        AND ${to.officersOf.permission} = ANY(${roles.permissions})) AS o
      WHERE o.depth_rank = 1`;
  }
  const { personId, entityId } = to.accountsOf;
  const conds = [
    ...(personId ? [eq(portalAccounts.personId, personId)] : []),
    ...(entityId ? [eq(portalAccounts.entityId, entityId)] : []),
  ];
  if (conds.length === 0) return null;
  return sql`SELECT NULL::uuid, ${portalAccounts.id} FROM ${portalAccounts} WHERE ${or(...conds)}`;
}

/**
 * The INSERT of one notification for each recipient (each user or account once, however many
 * audiences name them), recipients resolved in the same statement; null when no audience can
 * have anyone. Without RETURNING, so that it can be sent together with other writes.
 */
export function notificationsInsert(
  to: Recipient[],
  row: Omit<NotificationInsert, 'id' | 'userId' | 'accountId' | 'readAt'>,
): SQL | null {
  const parts = to.map(audience).filter((a): a is SQL => a !== null);
  if (parts.length === 0) return null;
  return sql`INSERT INTO ${notifications} (user_id, account_id, kind, title_key, body_key, params,
      link, subject_type, subject_id, sms_state, created_at)
    SELECT r.user_id, r.account_id, ${row.kind}, ${row.titleKey}, ${row.bodyKey},
      ${JSON.stringify(row.params ?? {})}::jsonb, ${row.link ?? null}, ${row.subjectType ?? null},
      ${row.subjectId ?? null}, ${row.smsState ?? null}, ${row.createdAt.toISOString()}::timestamptz
    FROM (${sql.join(parts, sql` UNION `)}) AS r(user_id, account_id)`;
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
