import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { pageOffset, type PageRequest } from '../../platform/http/paging.js';
import { recordHistory } from './table.js';

export type HistoryRow = typeof recordHistory.$inferSelect;
export type HistoryInsert = typeof recordHistory.$inferInsert;

/** Appends history rows (inside the change's own transaction). */
export async function appendHistory(db: Executor, rows: HistoryInsert[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(recordHistory).values(rows);
}

/**
 * One page of the history of the given records of one type, newest first (ties by insertion
 * order, newest first), with the total.
 */
export async function listHistory(
  db: Executor,
  objectType: string,
  objectIds: string[],
  p: PageRequest,
): Promise<{ rows: HistoryRow[]; total: number }> {
  const where = and(
    eq(recordHistory.objectType, objectType),
    inArray(recordHistory.objectId, objectIds),
  );
  const rows = await db
    .select()
    .from(recordHistory)
    .where(where)
    .orderBy(desc(recordHistory.at), desc(recordHistory.id))
    .limit(p.pageSize)
    .offset(pageOffset(p));
  const total = await db.$count(recordHistory, where);
  return { rows, total };
}
