import { sql } from 'drizzle-orm';
import { entitySearchTokens, personSearchTokens } from '../../../domain/text/name-tokens.js';
import type { Executor } from '../../platform/db/client.js';
import { textArray } from '../people/list-repo.js';
import { rowsOf } from '../../platform/db/rows.js';

/**
 * Rewrites the search tokens of people and entities after the way they are computed changed
 * (a migration marks the tables in `search_reindex`; drizzle/0009_search_tokens_pinyin.sql).
 * Works through each table in id order, `batchSize` rows per transaction, committing the last id
 * with the batch: memory stays at one batch however large the ledger, a restart resumes from the
 * cursor, and a table is unmarked when done. Runs the same on PGlite and PostgreSQL.
 */

type TableName = 'people' | 'entities';

const SEP = '\u001f';

const TABLES: Record<TableName, { text: string; tokens: (r: Row) => string[] }> = {
  people: {
    text: 'skills',
    tokens: (r) => personSearchTokens({ name: r.name, skills: r.text }),
  },
  entities: {
    text: 'products',
    tokens: (r) => entitySearchTokens({ name: r.name, products: r.text }),
  },
};

interface Row extends Record<string, unknown> {
  id: string;
  name: string;
  text: string | null;
}

/** Rows re-indexed per table. */
export type ReindexCounts = Partial<Record<TableName, number>>;

async function pending(db: Executor): Promise<{ table: TableName; after: string | null }[]> {
  const rows = await rowsOf<{ table_name: string; after_id: string | null }>(
    db,
    sql`SELECT table_name, after_id FROM search_reindex ORDER BY table_name DESC`,
  );
  return rows
    .filter((r): r is { table_name: TableName; after_id: string | null } => r.table_name in TABLES)
    .map((r) => ({ table: r.table_name, after: r.after_id }));
}

/** Re-indexes one batch after `after`; returns the new cursor, or null when the table is done. */
async function reindexBatch(
  db: Executor,
  table: TableName,
  after: string | null,
  batchSize: number,
): Promise<{ next: string | null; count: number }> {
  return db.transaction(async (tx) => {
    const t = sql.identifier(table);
    const text = sql.identifier(TABLES[table].text);
    const from = after === null ? sql`` : sql`WHERE id > ${after}::uuid`;
    const rows = await rowsOf<Row>(
      tx,
      sql`SELECT id, name, ${text} AS text FROM ${t} ${from} ORDER BY id LIMIT ${batchSize}`,
    );
    if (rows.length > 0) {
      // One statement per batch: each row's tokens joined by U+001F (never inside a token).
      const ids = rows.map((r) => r.id);
      const tokens = rows.map((r) => TABLES[table].tokens(r).join(SEP));
      await tx.execute(
        sql`UPDATE ${t} SET search_tokens = string_to_array(v.tokens, ${SEP})
            FROM unnest(${textArray(ids)}::uuid[], ${textArray(tokens)}) AS v(id, tokens)
            WHERE ${t}.id = v.id`,
      );
    }
    const last = rows.at(-1)?.id ?? null;
    if (rows.length < batchSize) {
      await tx.execute(sql`DELETE FROM search_reindex WHERE table_name = ${table}`);
      return { next: null, count: rows.length };
    }
    await tx.execute(
      sql`UPDATE search_reindex SET after_id = ${last}::uuid WHERE table_name = ${table}`,
    );
    return { next: last, count: rows.length };
  });
}

/**
 * Re-indexes every table marked in `search_reindex`, resuming from its cursor.
 *
 * @example
 * await reindexSearchTokens(database.db); // => { people: 1200, entities: 340 } (first start after the upgrade)
 */
export async function reindexSearchTokens(
  db: Executor,
  opts: { batchSize?: number; afterBatch?: (table: TableName, count: number) => void } = {},
): Promise<ReindexCounts> {
  const batchSize = opts.batchSize ?? 1_000;
  const counts: ReindexCounts = {};
  for (const { table, after } of await pending(db)) {
    let cursor: string | null = after;
    let total = 0;
    do {
      const { next, count } = await reindexBatch(db, table, cursor, batchSize);
      total += count;
      opts.afterBatch?.(table, count);
      cursor = next;
    } while (cursor !== null);
    counts[table] = total;
  }
  return counts;
}
