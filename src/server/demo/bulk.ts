import { getTableColumns, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../platform/db/client.js';

/**
 * Fast writes of many ledger rows for demo data: one `INSERT … SELECT FROM unnest(…)` per batch
 * (one array parameter per column; PGlite spends most of a row-by-row insert parsing
 * parameters), or PostgreSQL COPY text for `demo generate`. Rows are the objects personRow() /
 * entityRow() build, keyed by the Drizzle table's property names.
 */

/** A column of a table with its SQL name and type, for the keys present in a sample row. */
export interface RowColumn {
  key: string;
  name: string;
  type: string;
}

/** The table columns a row object sets, in the order of the row's keys. */
export function rowColumns(table: PgTable, sample: object): RowColumn[] {
  const cols = getTableColumns(table) as Record<string, { name: string; getSQLType(): string }>;
  return Object.keys(sample).map((key) => {
    const c = cols[key];
    if (!c) throw new Error(`unknown column ${key}`);
    return { key, name: c.name, type: c.getSQLType() };
  });
}

function quote(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * A PostgreSQL array literal of text elements (NULL for null).
 *
 * @example
 * arrayLiteral(['a', null, 'b"c']) // '{"a",NULL,"b\\"c"}'
 */
export function arrayLiteral(values: readonly (string | null)[]): string {
  return `{${values.map((v) => (v === null ? 'NULL' : quote(v))).join(',')}}`;
}

/** A value as the text PostgreSQL reads for its column, or null. */
export function asText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return arrayLiteral(v.map((x) => asText(x)));
  return JSON.stringify(v);
}

/**
 * Inserts rows (all with the same keys) in one statement, skipping those that clash with a
 * unique key; returns the ids inserted.
 */
export async function insertRows(
  db: Executor,
  table: PgTable,
  tableName: string,
  rows: object[],
): Promise<string[]> {
  const [first] = rows;
  if (!first) return [];
  const columns = rowColumns(table, first);
  const names = columns.map((c) => `"${c.name}"`).join(', ');
  const arrays = columns.map(
    (c) =>
      sql`${arrayLiteral(rows.map((r) => asText((r as Record<string, unknown>)[c.key])))}::text[]`,
  );
  const casts = columns.map((c) => `u."${c.name}"::${c.type}`).join(', ');
  const res: unknown = await db.execute(
    sql`INSERT INTO ${sql.raw(`"${tableName}"`)} (${sql.raw(names)}) SELECT ${sql.raw(casts)} FROM unnest(${sql.join(arrays, sql`, `)}) AS u(${sql.raw(names)}) ON CONFLICT DO NOTHING RETURNING id`,
  );
  return (res as { rows: { id: string }[] }).rows.map((r) => r.id);
}

const COPY_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/** One row in COPY text format (tab-separated, `\N` for null). */
export function copyLine(columns: readonly RowColumn[], row: Record<string, unknown>): string {
  return `${columns
    .map((c) => {
      const t = asText(row[c.key]);
      return t === null ? '\\N' : t.replace(/[\\\n\r\t]/g, (ch) => COPY_ESCAPES[ch] ?? ch);
    })
    .join('\t')}\n`;
}
