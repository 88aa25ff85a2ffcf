import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';

/**
 * Multi-row writes as `INSERT … SELECT … FROM unnest($1::text[], $2::text[], …)`: one text-array
 * parameter per column whatever the row count, so a 1,000-row batch is one short statement with
 * a few dozen parameters (not 30,000), parsed once; the same SQL on PostgreSQL and PGlite.
 */

/** A per-row column of a bulk insert: its name, the SQL type to cast to, how to read a row. */
export interface BulkColumn<R> {
  name: string;
  /** `text`, `date`, `integer`, `boolean`, `uuid`, `jsonb`, `text[]`, `timestamptz` … */
  type: string;
  value: (row: R) => unknown;
}

/** A column with the same value in every row (a single parameter). */
export interface ConstantColumn {
  name: string;
  type: string;
  value: unknown;
}

const NEEDS_ESCAPE = /[\\"]/;

function quote(s: string): string {
  return NEEDS_ESCAPE.test(s) ? `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"` : `"${s}"`;
}

/** A value as the text PostgreSQL reads for its column type. */
function asText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return arrayLiteral(v.map(asText));
  return JSON.stringify(v);
}

/**
 * A value as one element of a PostgreSQL array literal: quoted text, or NULL.
 *
 * @example
 * element(['a', 'b']) // '"{\\"a\\",\\"b\\"}"'
 * element(null)       // 'NULL'
 */
export function element(v: unknown): string {
  const t = asText(v);
  return t === null ? 'NULL' : quote(t);
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

function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** An array column's literal built from elements already encoded with {@link element}. */
export function literalOf(elements: readonly string[]): string {
  return `{${elements.join(',')}}`;
}

/**
 * `INSERT INTO table (…) SELECT … FROM unnest(…)` from one array literal per column and the
 * constant columns, followed by `tail` (`ON CONFLICT …`, `RETURNING …`); returns RETURNING's rows.
 */
export async function insertUnnest<T = Record<string, unknown>>(
  db: Executor,
  table: string,
  arrays: readonly { name: string; type: string; literal: string }[],
  constants: readonly ConstantColumn[] = [],
  tail: SQL = sql``,
): Promise<T[]> {
  const names = [...arrays, ...constants].map((c) => ident(c.name)).join(', ');
  const aliases = arrays.map((c) => ident(c.name)).join(', ');
  const selects = [
    ...arrays.map((c) => sql.raw(`u.${ident(c.name)}::${c.type}`)),
    ...constants.map((c) => sql`${asText(c.value)}::${sql.raw(c.type)}`),
  ];
  const params = arrays.map((c) => sql`${c.literal}::text[]`);
  const query = sql`INSERT INTO ${sql.raw(ident(table))} (${sql.raw(names)}) SELECT ${sql.join(selects, sql`, `)} FROM unnest(${sql.join(params, sql`, `)}) AS u(${sql.raw(aliases)}) ${tail}`;
  const res: unknown = await db.execute(query);
  return (res as { rows: T[] }).rows;
}

/**
 * Inserts `rows` with per-row `columns` and `constants`, followed by `tail`.
 *
 * @example
 * await bulkInsert(tx, 'job_row_errors', ERROR_COLUMNS, issues, [{ name: 'job_id', type: 'uuid', value: jobId }]);
 */
export async function bulkInsert<R, T = Record<string, unknown>>(
  db: Executor,
  table: string,
  columns: readonly BulkColumn<R>[],
  rows: readonly R[],
  constants: readonly ConstantColumn[] = [],
  tail: SQL = sql``,
): Promise<T[]> {
  if (rows.length === 0) return [];
  const arrays = columns.map((c) => ({
    name: c.name,
    type: c.type,
    literal: literalOf(rows.map((r) => element(c.value(r)))),
  }));
  return insertUnnest<T>(db, table, arrays, constants, tail);
}
