import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import { keysetOrder } from '../people/list-repo.js';

/**
 * Keyset paging in a list's own order: `ORDER BY key ASC|DESC NULLS LAST, id ASC|DESC`, as the people
 * and entity lists sort (people/list-repo.ts, entities/list-repo.ts). The cursor carries the last
 * row's sort value as PostgreSQL text (timestamps keep their microseconds) and is cast back to
 * the column's type, so no row is skipped or repeated between pages.
 */

/** A list's sort: the expression the list orders by, its SQL type and the direction. */
export interface ExportSort {
  expr: SQL | AnyColumn;
  type: 'text' | 'date' | 'timestamptz' | 'integer' | 'numeric';
  order: 'asc' | 'desc';
}

/** Where the previous page ended: its last row's sort value (as text, null for NULL) and id. */
export interface Cursor {
  key: string | null;
  id: string;
}

/** The sort value as the cursor keeps it. */
export function sortKeyText(s: ExportSort): SQL<string | null> {
  return sql<string | null>`(${s.expr})::text`;
}

/** The rows after `c` in the sort order (NULLs last, ties by id in the same direction). */
export function afterCursor(s: ExportSort, id: AnyColumn, c: Cursor): SQL {
  const op = sql.raw(s.order === 'desc' ? '<' : '>');
  if (c.key === null) return sql`(${s.expr} IS NULL AND ${id} ${op} ${c.id}::uuid)`;
  const v = s.type === 'text' ? sql`${c.key}` : sql`CAST(${c.key} AS ${sql.raw(s.type)})`;
  const beyond = sql`${s.expr} ${op} ${v}`;
  return sql`(${beyond} OR (${s.expr} = ${v} AND ${id} ${op} ${c.id}::uuid) OR ${s.expr} IS NULL)`;
}

/** The ORDER BY of an export page: the list's own order (keysetOrder), so both agree row by row. */
export function exportOrder(s: ExportSort, id: AnyColumn): SQL[] {
  return keysetOrder({ ...s, nullable: true }, id);
}
