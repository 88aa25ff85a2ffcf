import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { Database, Executor } from '../db/client.js';
import { migrate, migrateFrom, MIGRATIONS_DIR } from '../db/migrate.js';
import { queryRows } from './catalog.js';
import type { MigrationState } from './format.js';

/** The committed migrations this build knows, oldest first, by their drizzle hash. */
export function knownMigrations(): string[] {
  return readMigrationFiles({ migrationsFolder: MIGRATIONS_DIR }).map((m) => m.hash);
}

/**
 * The migrations a database has applied, from drizzle's bookkeeping table
 * (`drizzle.__drizzle_migrations`); none when the table does not exist yet.
 */
export async function appliedMigrations(db: Executor): Promise<MigrationState> {
  const [exists] = await queryRows<{ present: boolean }>(
    db,
    sql`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS "present"`,
  );
  if (!exists?.present) return { count: 0, hashes: [] };
  const rows = await queryRows<{ hash: string }>(
    db,
    sql`SELECT hash FROM drizzle.__drizzle_migrations ORDER BY created_at, id`,
  );
  return { count: rows.length, hashes: rows.map((r) => r.hash) };
}

interface Journal {
  entries: { tag: string }[];
}

/**
 * Applies the first `count` committed migrations only, so an older backup can be loaded into
 * the schema it was taken from before the rest are applied. Works on a copy of the migrations
 * folder whose journal stops at `count`.
 */
export async function migrateTo(database: Database, count: number): Promise<void> {
  const journal = JSON.parse(
    readFileSync(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8'),
  ) as Journal;
  if (count >= journal.entries.length) {
    await migrate(database);
    return;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'fanxiang-migrations-'));
  try {
    mkdirSync(path.join(dir, 'meta'));
    const entries = journal.entries.slice(0, count);
    writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
    for (const e of entries) {
      copyFileSync(path.join(MIGRATIONS_DIR, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
    }
    await migrateFrom(database, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
