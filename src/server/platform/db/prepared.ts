import { createHash } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Executor } from './client.js';

const dialect = new PgDialect();
const names = new Map<string, string>();

/** A statement's name: the same text always gets the same one (PostgreSQL keeps it per connection). */
function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `fx_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    // Hot statements are few; a text built from varying literals must not grow this forever.
    if (names.size > 2000) names.clear();
    names.set(text, name);
  }
  return name;
}

/**
 * The rows of a raw query sent as a named prepared statement: PostgreSQL parses and plans its text
 * once per connection instead of on every call (for the case engine's statements that was most of
 * the server's time per transition). For hot statements whose text repeats; the values stay
 * parameters. On the embedded database it is a plain query.
 *
 * @example
 * const [row] = await rowsOfPrepared<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM cases WHERE state = ${state}`);
 */
export async function rowsOfPrepared<T>(db: Executor, query: SQL): Promise<T[]> {
  return runQuery<T>(db, dialect.sqlToQuery(query), undefined);
}

async function runQuery<T>(
  db: Executor,
  q: ReturnType<PgDialect['sqlToQuery']>,
  values: Record<string, unknown> | undefined,
): Promise<T[]> {
  const res: unknown = await db._.session
    .prepareQuery(q, undefined, statementName(q.sql), false)
    .execute(values);
  return (res as { rows: T[] }).rows;
}

/**
 * A hot statement compiled once, its values given per call by `sql.placeholder(name)`: neither
 * Drizzle (building the text) nor PostgreSQL (parsing and planning it, per connection) repeats
 * the work. Placeholders carry raw driver values: cast them in the SQL (`::timestamptz`,
 * `::jsonb` with a JSON string).
 *
 * @example
 * const byState = preparedStatement(sql`SELECT id FROM cases WHERE state = ${sql.placeholder('state')}`);
 * const rows = await byState.rows<{ id: string }>(db, { state: 'bank_review' });
 */
export function preparedStatement(query: SQL) {
  const q = dialect.sqlToQuery(query);
  return {
    rows: <T>(db: Executor, values: Record<string, unknown>) => runQuery<T>(db, q, values),
  };
}

/**
 * Memoises a prepared query per database handle: Drizzle's `.prepare(name)` binds the query to
 * the handle it was built on, so the pool's handle keeps one for the life of the process and a
 * transaction builds its own (forgotten with it).
 *
 * @example
 * const byId = perHandle((db) => db.select().from(cases).where(eq(cases.id, sql.placeholder('id'))).prepare('fx_case_by_id'));
 * const [row] = await byId(db).execute({ id });
 */
export function perHandle<T>(build: (db: Executor) => T): (db: Executor) => T {
  const built = new WeakMap<Executor, T>();
  return (db) => {
    let q = built.get(db);
    if (q === undefined) {
      q = build(db);
      built.set(db, q);
    }
    return q;
  };
}
