import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import { keysetAfter, keysetOrder } from '../people/list-repo.js';

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

/** The rows after `c` in the list's order: the lists' own keysetAfter, NULLs last. */
export function afterCursor(s: ExportSort, id: AnyColumn, c: Cursor): SQL {
  return keysetAfter({ ...s, nullable: true }, id, { value: c.key, id: c.id });
}

/** The ORDER BY of an export page: the list's own order (keysetOrder), so both agree row by row. */
export function exportOrder(s: ExportSort, id: AnyColumn): SQL[] {
  return keysetOrder({ ...s, nullable: true }, id);
}
