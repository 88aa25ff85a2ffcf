import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from './client.js';
import { rowsOfPrepared } from './prepared.js';

/**
 * Sends several writes (INSERT, UPDATE or DELETE, each without RETURNING) as one statement of
 * data-modifying WITH queries: one round trip instead of one per write, in the caller's
 * transaction. Answers how many rows each write touched, in order, and the one row of `then`
 * (a SELECT run in the same statement, for example one that locks a row FOR UPDATE), or null.
 *
 * The writes run on one snapshot and cannot see each other's rows, so none may depend on
 * another's effect; triggers fire at the end of the statement and see them all. No two writes
 * may change the same row.
 *
 * @example
 * const { counts } = await writeTogether(tx, [update, insertHistory]);
 * if (counts[0] !== 1) throw new AppError('CASE_CONFLICT');
 */
export async function writeTogether(
  tx: Executor,
  writes: SQL[],
  then?: SQL,
): Promise<{ counts: number[]; then: Record<string, unknown> | null }> {
  if (writes.length === 0 && !then) return { counts: [], then: null };
  const ctes = writes.map((w, i) => sql`${sql.raw(`w${i}`)} AS (${w} RETURNING 1)`);
  const counts = writes.map(
    (_, i) => sql`(SELECT count(*) FROM ${sql.raw(`w${i}`)})::int AS ${sql.raw(`c${i}`)}`,
  );
  const last = then
    ? sql`(SELECT to_jsonb(t) FROM (${then}) AS t LIMIT 1) AS then_row`
    : sql`NULL AS then_row`;
  const query = sql.join(
    [
      ...(ctes.length > 0 ? [sql`WITH ${sql.join(ctes, sql`, `)}`] : []),
      sql`SELECT ${sql.join([...counts, last], sql`, `)}`,
    ],
    sql` `,
  );
  const [row] = await rowsOfPrepared<Record<string, unknown>>(tx, query);
  return {
    counts: writes.map((_, i) => Number(row?.[`c${i}`] ?? 0)),
    then: (row?.['then_row'] as Record<string, unknown> | null | undefined) ?? null,
  };
}
