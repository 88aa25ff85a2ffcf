import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../db/client.js';
import { ident, queryRows, readCatalog, type ColumnInfo, type TableInfo } from './catalog.js';
import { rowLine, type Checksums } from './format.js';

/**
 * Canonical rows: what a backup writes and what checksums cover. Both backends print the same
 * text for the same value once the session settings that change output are pinned, and rows
 * come in primary-key order under the "C" collation, which does not depend on the locale.
 */

const FETCH_SIZE = 2000;

/** Pins every setting that changes how values print, for the current transaction. */
export async function canonicalSession(tx: Executor): Promise<void> {
  await tx.execute(sql`SET LOCAL TIME ZONE 'UTC'`);
  await tx.execute(sql`SET LOCAL DateStyle = 'ISO, YMD'`);
  await tx.execute(sql`SET LOCAL IntervalStyle = 'postgres'`);
  await tx.execute(sql`SET LOCAL extra_float_digits = 1`);
  await tx.execute(sql`SET LOCAL bytea_output = 'hex'`);
}

function expression(c: ColumnInfo): string {
  const q = ident(c.name);
  switch (c.kind) {
    case 'native':
      return q;
    case 'json':
      return `to_jsonb(${q})::text`;
    case 'timestamptz':
      return `CASE WHEN isfinite(${q}) THEN to_char(${q} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') ELSE ${q}::text END`;
    case 'timestamp':
      return `CASE WHEN isfinite(${q}) THEN to_char(${q}, 'YYYY-MM-DD"T"HH24:MI:SS.US') ELSE ${q}::text END`;
    default:
      return `${q}::text`;
  }
}

function orderBy(t: TableInfo): string {
  if (t.primaryKey.length > 0) {
    return t.primaryKey
      .map((name) => {
        const c = t.columns.find((x) => x.name === name);
        return c?.collatable ? `${ident(name)} COLLATE "C"` : ident(name);
      })
      .join(', ');
  }
  // No primary key: order by every column's canonical text; identical rows tie harmlessly.
  return t.columns
    .map((c) => (c.kind === 'native' ? ident(c.name) : `(${expression(c)}) COLLATE "C"`))
    .join(', ');
}

/** The SELECT that yields a table's canonical rows, columns aliased c0, c1, … */
export function canonicalSelect(t: TableInfo): string {
  const list = t.columns.map((c, i) => `${expression(c)} AS c${i}`).join(', ');
  return `SELECT ${list} FROM ${ident(t.name)} ORDER BY ${orderBy(t)}`;
}

function toValues(row: Record<string, unknown>, columns: ColumnInfo[]): unknown[] {
  return columns.map((c, i) => {
    const v = row[`c${i}`] ?? null;
    return c.kind === 'json' && typeof v === 'string' ? (JSON.parse(v) as unknown) : v;
  });
}

/**
 * Streams a table's canonical rows a batch at a time through a cursor, so no table is ever
 * held in memory. Must run inside a transaction with {@link canonicalSession} applied.
 */
export async function* canonicalRows(tx: Executor, t: TableInfo): AsyncGenerator<unknown[][]> {
  await tx.execute(sql.raw(`DECLARE fx_rows NO SCROLL CURSOR FOR ${canonicalSelect(t)}`));
  try {
    for (;;) {
      const rows = await queryRows(tx, sql.raw(`FETCH ${FETCH_SIZE} FROM fx_rows`));
      if (rows.length === 0) break;
      yield rows.map((r) => toValues(r, t.columns));
    }
  } finally {
    await tx.execute(sql.raw('CLOSE fx_rows'));
  }
}

/** Accumulates one table's row count and checksum over its canonical lines. */
export class TableHasher {
  private readonly hash = createHash('sha256');
  rows = 0;

  /** Adds one row line (without its newline). */
  add(line: string): void {
    this.hash.update(line);
    this.hash.update('\n');
    this.rows++;
  }

  digest(): { rows: number; sha256: string } {
    return { rows: this.rows, sha256: this.hash.digest('hex') };
  }
}

/**
 * Counts and checksums of the given tables, read inside the caller's canonical transaction.
 * `onBatch` hears the running row count after each batch.
 */
export async function checksumsIn(
  tx: Executor,
  tables: TableInfo[],
  onBatch?: (table: string, rowsSoFar: number) => void,
): Promise<Checksums> {
  const out: Checksums = {};
  let rows = 0;
  for (const t of tables) {
    const h = new TableHasher();
    for await (const batch of canonicalRows(tx, t)) {
      for (const values of batch) h.add(rowLine(values));
      rows += batch.length;
      onBatch?.(t.name, rows);
    }
    out[t.name] = h.digest();
  }
  return out;
}

/**
 * Row count and SHA-256 of every table in the public schema, from one consistent snapshot.
 * Equal results on two databases mean equal contents, whatever the backends.
 *
 * @example
 * expect(await computeChecksums(restored)).toEqual(await computeChecksums(source));
 */
export async function computeChecksums(database: Database): Promise<Checksums> {
  return database.db.transaction(
    async (tx) => {
      await canonicalSession(tx);
      return checksumsIn(tx, await readCatalog(tx));
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
