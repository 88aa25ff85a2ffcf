import { existsSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { AppError } from '../../../domain/errors/codes.js';
import type { Keys } from '../crypto/keys.js';
import type { Database, Executor } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { canonicalSession, checksumsIn, TableHasher } from './canonical.js';
import { ident, queryRows, readCatalog, type TableInfo } from './catalog.js';
import {
  BackupHeader,
  keyCheck,
  parseLine,
  TableStart,
  Trailer,
  type BackupProgress,
  type Checksums,
} from './format.js';
import { gzipLines } from './lines.js';
import { appliedMigrations, knownMigrations, migrateTo } from './migrations.js';

export interface RestoreOptions {
  /** The target's keys; refused when the backup was made under another master key. */
  keys?: Keys;
  onProgress?: (p: BackupProgress) => void;
}

export interface RestoreSummary {
  tables: number;
  rows: number;
  checksums: Checksums;
  /** Migrations newer than the backup, applied after its data was loaded and verified. */
  migratedAfter: number;
}

/**
 * Rows a fresh database already holds after migrations and start-up (the audit chain's
 * genesis head, the built-in roles, the seeded calendar and loan products). Restore replaces them; any other row means the target
 * is in use and the restore is refused.
 */
const SEED_ROWS: Record<string, string> = {
  audit_head: 'seq = 0',
  roles: 'builtin',
  // The pinyin re-index cursor a fresh target's migrations set: the backup's own state replaces it.
  search_reindex: 'true',
  // The official calendar and loan-product values shipped with the code (seeded at start-up,
  // no author); the backup's own rows replace them.
  calendar_days: 'created_by IS NULL',
  loan_product_values: 'created_by IS NULL',
  loan_products: "code = 'startup_guarantee'",
};

/** Rows per INSERT: up to this many, or fewer when their lines pass BATCH_CHARS. */
const BATCH_ROWS = 5000;
const BATCH_CHARS = 4_000_000;

function isPrefix(prefix: string[], of: string[]): boolean {
  return prefix.length <= of.length && prefix.every((h, i) => of[i] === h);
}

async function assertEmpty(db: Executor, tables: TableInfo[]): Promise<void> {
  const used: string[] = [];
  for (const t of tables) {
    const [row] = await queryRows<{ used: boolean }>(
      db,
      sql.raw(
        `SELECT EXISTS (SELECT 1 FROM ${ident(t.name)} WHERE NOT (${SEED_ROWS[t.name] ?? 'false'})) AS used`,
      ),
    );
    if (row?.used) used.push(t.name);
  }
  if (used.length > 0) throw new AppError('RESTORE_TARGET_NOT_EMPTY', { table: used.join(', ') });
}

/**
 * Inserts one batch through jsonb_to_recordset: the server converts every value by type. Data
 * the table refuses (a bad value, a broken reference) makes the backup invalid.
 */
async function insertBatch(tx: Executor, t: TableInfo, names: string[], rows: object[]) {
  const types = new Map(t.columns.map((c) => [c.name, c.type]));
  const list = names.map(ident).join(', ');
  const defs = names.map((n) => `${ident(n)} ${types.get(n)}`).join(', ');
  try {
    await tx.execute(
      sql`${sql.raw(`INSERT INTO ${ident(t.name)} (${list}) OVERRIDING SYSTEM VALUE SELECT ${list} FROM jsonb_to_recordset(`)}${JSON.stringify(rows)}${sql.raw(`::text::jsonb) AS x(${defs})`)}`,
    );
  } catch (err) {
    const cause = ((err as { cause?: unknown }).cause ?? err) as {
      code?: unknown;
      message?: unknown;
    };
    if (typeof cause.code === 'string' && /^2[23]/.test(cause.code)) {
      throw new AppError('BACKUP_INVALID', { reason: `${t.name}: ${String(cause.message)}` });
    }
    throw err;
  }
}

async function resetSequences(tx: Executor, tables: TableInfo[]): Promise<void> {
  for (const t of tables) {
    for (const s of t.sequences) {
      await tx.execute(
        sql.raw(
          `SELECT setval('public.${ident(s.sequence).replace(/'/g, "''")}', ` +
            `COALESCE((SELECT max(${ident(s.column)}) FROM ${ident(t.name)}), 0) + 1, false)`,
        ),
      );
    }
  }
}

function compare(expected: Checksums, actual: Checksums, tables: string[]): void {
  for (const name of tables) {
    const e = expected[name];
    const a = actual[name];
    if (!e || !a || e.rows !== a.rows || e.sha256 !== a.sha256) {
      throw new AppError('BACKUP_CHECKSUM_MISMATCH', {
        table: name,
        expected: e ?? null,
        actual: a ?? null,
      });
    }
  }
}

function parseRow(line: string): unknown[] | null {
  try {
    const v: unknown = JSON.parse(line);
    return Array.isArray(v) ? v : null;
  } catch {
    return null;
  }
}

/** A line reader that can look one line ahead. */
class LineReader {
  private ahead: string | undefined;
  private peeked = false;
  constructor(private readonly source: AsyncGenerator<string>) {}

  async peek(): Promise<string | undefined> {
    if (!this.peeked) {
      const r = await this.source.next();
      this.ahead = r.done ? undefined : r.value;
      this.peeked = true;
    }
    return this.ahead;
  }

  async take(): Promise<string | undefined> {
    const line = await this.peek();
    this.peeked = false;
    return line;
  }

  async close(): Promise<void> {
    await this.source.return(undefined);
  }
}

interface Loaded {
  trailer: Trailer;
  fromFile: Checksums;
  restored: TableInfo[];
  rows: number;
}

/** Reads the table sections and inserts their rows, hashing the lines as they come. */
async function loadTables(
  tx: Executor,
  lines: LineReader,
  catalog: TableInfo[],
  total: number,
  onProgress: RestoreOptions['onProgress'],
): Promise<Loaded> {
  const byName = new Map(catalog.map((t) => [t.name, t]));
  const fromFile: Checksums = {};
  const restored: TableInfo[] = [];
  let done = 0;
  for (;;) {
    const line = await lines.take();
    if (line === undefined) throw new AppError('BACKUP_INVALID', { reason: 'file truncated' });
    if (line.startsWith('{"end"')) {
      return { trailer: parseLine(Trailer, line, 'trailer'), fromFile, restored, rows: done };
    }
    const start = parseLine(TableStart, line, 'table');
    const t = byName.get(start.table);
    if (!t) throw new AppError('BACKUP_INVALID', { reason: `unknown table ${start.table}` });
    const names = start.columns.map((c) => c.name);
    const missing = names.filter((n) => !t.columns.some((c) => c.name === n));
    if (missing.length > 0) {
      throw new AppError('BACKUP_INVALID', { reason: `${t.name}: unknown ${missing.join()}` });
    }
    const hasher = new TableHasher();
    let batch: object[] = [];
    let chars = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      await insertBatch(tx, t, names, batch);
      done += batch.length;
      batch = [];
      chars = 0;
      onProgress?.({ phase: 'rows', table: t.name, done, total: Math.max(total, done) });
    };
    while ((await lines.peek())?.startsWith('[')) {
      const row = (await lines.take()) as string;
      hasher.add(row);
      const values = parseRow(row);
      if (!values || values.length !== names.length) {
        throw new AppError('BACKUP_INVALID', { reason: `${t.name}: row ${hasher.rows}` });
      }
      batch.push(Object.fromEntries(names.map((n, i) => [n, values[i]])));
      chars += row.length;
      if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS) await flush();
    }
    await flush();
    fromFile[t.name] = hasher.digest();
    restored.push(t);
  }
}

/**
 * Restores a backup into an empty database: migrates it to the backup's schema, loads every
 * table in dependency order in one transaction, resets sequences, and recomputes counts and
 * checksums from the database before committing; any difference rolls everything back.
 * Migrations newer than the backup are applied afterwards.
 *
 * @example
 * await restoreDatabase(runtime.database, 'county.fxbak', { keys: runtime.keys });
 */
export async function restoreDatabase(
  database: Database,
  file: string,
  opts: RestoreOptions = {},
): Promise<RestoreSummary> {
  if (!existsSync(file)) throw new AppError('BACKUP_INVALID', { reason: `${file}: not found` });
  const lines = new LineReader(gzipLines(file));
  try {
    const header = parseLine(BackupHeader, await lines.take(), 'header');
    if (opts.keys && header.keyCheck && keyCheck(opts.keys) !== header.keyCheck) {
      throw new AppError('BACKUP_KEY_MISMATCH');
    }
    const known = knownMigrations();
    if (!isPrefix(header.migrations.hashes, known)) throw new AppError('BACKUP_VERSION_NEWER');
    const applied = await appliedMigrations(database.db);
    if (!isPrefix(applied.hashes, known) || applied.count > header.migrations.count) {
      throw new AppError('RESTORE_TARGET_NEWER');
    }
    await assertEmpty(database.db, await readCatalog(database.db));
    await migrateTo(database, header.migrations.count);

    const result = await database.db.transaction(async (tx) => {
      await canonicalSession(tx);
      const catalog = await readCatalog(tx);
      for (const t of [...catalog].reverse()) {
        const seed = SEED_ROWS[t.name];
        if (seed) await tx.execute(sql.raw(`DELETE FROM ${ident(t.name)} WHERE ${seed}`));
      }
      for (const t of catalog) {
        for (const f of t.selfReferences) {
          await tx.execute(
            sql.raw(`ALTER TABLE ${ident(t.name)} DROP CONSTRAINT ${ident(f.name)}`),
          );
        }
      }
      const total = header.tables.reduce((n, t) => n + t.rows, 0);
      const loaded = await loadTables(tx, lines, catalog, total, opts.onProgress);
      for (const t of catalog) {
        for (const f of t.selfReferences) {
          await tx.execute(
            sql.raw(`ALTER TABLE ${ident(t.name)} ADD CONSTRAINT ${ident(f.name)} ${f.definition}`),
          );
        }
      }
      const names = header.tables.map((t) => t.name);
      compare(loaded.trailer.tables, loaded.fromFile, names);
      await resetSequences(tx, loaded.restored);
      const fromDb = await checksumsIn(tx, loaded.restored, (table, n) =>
        opts.onProgress?.({ phase: 'verify', table, done: n, total: loaded.rows }),
      );
      compare(loaded.trailer.tables, fromDb, names);
      return { tables: loaded.restored.length, rows: loaded.rows, checksums: fromDb };
    });
    const migratedAfter = known.length - header.migrations.count;
    if (migratedAfter > 0) await migrate(database);
    return { ...result, migratedAfter };
  } finally {
    await lines.close();
  }
}
