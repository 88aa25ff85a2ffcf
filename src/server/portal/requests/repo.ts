import { and, count, desc, eq, inArray, ne, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { portalAccounts } from '../accounts/table.js';
import { portalRequests } from './table.js';

/** The only SQL of the entrepreneurs' requests (claims and change requests). */

export type PortalRequestRow = typeof portalRequests.$inferSelect;
export type PortalRequestInsert = typeof portalRequests.$inferInsert;

export async function insertRequest(db: Executor, row: PortalRequestInsert): Promise<string> {
  const [created] = await db
    .insert(portalRequests)
    .values(row)
    .returning({ id: portalRequests.id });
  if (!created) throw new Error('request insert returned nothing');
  return created.id;
}

/**
 * Kinds of a first submission: `claim` (a record already in the ledger) and `registration` (a
 * record the submission created). Both count alike, so the limits tell nothing about the ledger.
 */
export const FIRST_KINDS = ['claim', 'registration'];

/** An account's first submission on one kind of record still waiting for an officer. */
export async function pendingFirst(
  db: Executor,
  accountId: string,
  objectType: string,
): Promise<PortalRequestRow | undefined> {
  const [row] = await db
    .select()
    .from(portalRequests)
    .where(
      and(
        eq(portalRequests.accountId, accountId),
        eq(portalRequests.objectType, objectType),
        inArray(portalRequests.kind, FIRST_KINDS),
        eq(portalRequests.state, 'pending'),
      ),
    )
    .limit(1);
  return row;
}

/** An account's first submissions on one kind of record that did not succeed (pending or rejected). */
export async function countClaims(
  db: Executor,
  accountId: string,
  objectType: string,
): Promise<{ pending: number; total: number }> {
  const rows = await db
    .select({ state: portalRequests.state, n: count() })
    .from(portalRequests)
    .where(
      and(
        eq(portalRequests.accountId, accountId),
        eq(portalRequests.objectType, objectType),
        inArray(portalRequests.kind, FIRST_KINDS),
        ne(portalRequests.state, 'accepted'),
      ),
    )
    .groupBy(portalRequests.state);
  return {
    pending: rows.find((r) => r.state === 'pending')?.n ?? 0,
    total: rows.reduce((sum, r) => sum + r.n, 0),
  };
}

/** True when an officer rejected the account's registration of this record. */
export async function registrationRejected(
  db: Executor,
  accountId: string,
  objectId: string,
): Promise<boolean> {
  const [row] = await db
    .select({ id: portalRequests.id })
    .from(portalRequests)
    .where(
      and(
        eq(portalRequests.accountId, accountId),
        eq(portalRequests.objectId, objectId),
        eq(portalRequests.kind, 'registration'),
        eq(portalRequests.state, 'rejected'),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** An account's requests about one kind of record, newest first. */
export function requestsOfAccount(
  db: Executor,
  accountId: string,
  objectType: string,
  limit = 5,
): Promise<PortalRequestRow[]> {
  return db
    .select()
    .from(portalRequests)
    .where(and(eq(portalRequests.accountId, accountId), eq(portalRequests.objectType, objectType)))
    .orderBy(desc(portalRequests.createdAt), desc(portalRequests.id))
    .limit(limit);
}

/** Pending requests of an account about one record (replaced by a newer submission). */
export function openRequestsOn(
  db: Executor,
  accountId: string,
  objectType: string,
): Promise<PortalRequestRow[]> {
  return db
    .select()
    .from(portalRequests)
    .where(
      and(
        eq(portalRequests.accountId, accountId),
        eq(portalRequests.objectType, objectType),
        eq(portalRequests.state, 'pending'),
      ),
    );
}

/** A queue row: the request and the masked mobile of the account that made it. */
export function selectQueue(db: Executor) {
  return db
    .select({ request: portalRequests, mobileMask: portalAccounts.mobileMask })
    .from(portalRequests)
    .innerJoin(portalAccounts, eq(portalAccounts.id, portalRequests.accountId));
}
export type QueueRow = Awaited<ReturnType<typeof selectQueue>>[number];

/** Requests matching `where`, newest first, one page. */
export async function listQueue(
  db: Executor,
  where: SQL,
  page: { limit: number; offset: number },
): Promise<{ rows: QueueRow[]; total: number }> {
  const rows = await selectQueue(db)
    .where(where)
    .orderBy(desc(portalRequests.createdAt), desc(portalRequests.id))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await db.select({ n: count() }).from(portalRequests).where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function countQueue(db: Executor, where: SQL): Promise<number> {
  const [row] = await db.select({ n: count() }).from(portalRequests).where(where);
  return row?.n ?? 0;
}

/** One request, locked for update when it is about to be decided. */
export async function findRequest(
  db: Executor,
  id: string,
  lock = false,
): Promise<QueueRow | undefined> {
  const q = selectQueue(db).where(eq(portalRequests.id, id));
  const [row] = lock ? await q.for('update', { of: portalRequests }) : await q;
  return row;
}

export async function decideRequest(
  db: Executor,
  id: string,
  set: Pick<PortalRequestInsert, 'state' | 'reason' | 'decidedAt' | 'decidedBy' | 'decidedByLogin'>,
): Promise<void> {
  await db.update(portalRequests).set(set).where(eq(portalRequests.id, id));
}

/** Marks pending requests replaced by a newer submission of the same entrepreneur. */
export async function supersedeRequests(db: Executor, ids: string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(portalRequests)
    .set({ state: 'superseded', decidedAt: now })
    .where(and(inArray(portalRequests.id, ids), eq(portalRequests.state, 'pending')));
}
