import { fileURLToPath } from 'node:url';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { Database } from './client.js';

/** Committed migrations, at the package root in both `src/` and compiled `dist/` layouts. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../../drizzle', import.meta.url));

/** An arbitrary constant: the advisory lock that keeps two instances from migrating at once. */
const MIGRATION_LOCK = 4_621_001;

/**
 * Applies every committed migration not yet applied. Safe to call from several instances at
 * once on PostgreSQL: they queue on an advisory lock.
 */
export function migrate(database: Database): Promise<void> {
  return migrateFrom(database, MIGRATIONS_DIR);
}

/**
 * Applies the migrations of `folder` (drizzle's layout) not yet applied. PGlite's driver is
 * loaded only for a PGlite database, so a server on PostgreSQL never loads its WASM.
 */
export async function migrateFrom(database: Database, folder: string): Promise<void> {
  if (database.kind === 'pglite' && database.pglite) {
    const [{ migrate: migratePglite }, { drizzle: drizzlePglite }] = await Promise.all([
      import('drizzle-orm/pglite/migrator'),
      import('drizzle-orm/pglite'),
    ]);
    await migratePglite(drizzlePglite({ client: database.pglite }), { migrationsFolder: folder });
    return;
  }
  const pool = database.pool;
  if (!pool) throw new Error('postgres database without a pool');
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migratePg(drizzlePg({ client }), { migrationsFolder: folder });
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}
