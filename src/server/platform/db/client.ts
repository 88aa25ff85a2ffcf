import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { makePrivateDir, restrictTree } from './private-files.js';

/** The Drizzle handle every repository receives, the same type on both backends. */
export type Db = PgDatabase<PgQueryResultHKT>;
export type Tx = PgTransaction<PgQueryResultHKT>;
/** Either the database or an open transaction: repositories accept both. */
export type Executor = Db | Tx;

export type DbKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DbKind;
  /** Human-readable location for logs, without credentials. */
  location: string;
  /** Runs raw SQL text (several statements allowed); used by migrations and maintenance. */
  execRaw(sql: string): Promise<void>;
  close(): Promise<void>;
  /** The node-postgres pool when kind is postgres (COPY and other streaming work). */
  pool?: pg.Pool;
  /** The PGlite instance when kind is pglite. */
  pglite?: PGlite;
}

export interface OpenOptions {
  /** postgres:// URL; when absent the embedded database is used. */
  url?: string | undefined;
  /** Directory for the embedded database files, or `memory://` for an in-memory one. */
  embeddedDir?: string;
  poolSize?: number;
  /** Shared buffers of the embedded database in MB (PostgreSQL's default of 128 MB when absent). */
  embeddedSharedBuffersMb?: number | undefined;
}

// int8 (bigint) values within the safe range arrive as numbers rather than strings.
pg.types.setTypeParser(20, (v) => {
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : v;
});

/**
 * Opens PostgreSQL when a URL is given, else embedded PGlite (file-backed or in memory).
 *
 * @example
 * const database = await openDatabase({ embeddedDir: 'memory://' });
 */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10 });
    pool.on('error', () => {
      /* idle client errors are reported by the next query */
    });
    // A connection that dies while checked out (PostgreSQL restarted, a backend terminated)
    // emits 'error' on its client, where the pool no longer listens: without a listener of its
    // own Node ends the process. The query in flight fails with the error and the pool drops
    // the client, so nothing more is needed here.
    pool.on('connect', (client) => {
      client.on('error', () => {});
    });
    const url = new URL(opts.url);
    return {
      db: drizzlePg({ client: pool }) as unknown as Db,
      kind: 'postgres',
      location: `postgresql://${url.host}${url.pathname}`,
      pool,
      async execRaw(sql) {
        await pool.query(sql);
      },
      close: () => pool.end(),
    };
  }
  const dir = opts.embeddedDir ?? 'memory://';
  const embedded = !dir.startsWith('memory://');
  if (embedded) makePrivateDir(path.dirname(path.resolve(dir)));
  // Loaded only here, so that a process on PostgreSQL never carries the embedded database.
  const [{ PGlite: Embedded }, { drizzle: drizzlePglite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
  ]);
  const client = await Embedded.create(
    embedded ? dir : undefined,
    opts.embeddedSharedBuffersMb
      ? { postgresqlconf: [`shared_buffers = ${opts.embeddedSharedBuffersMb}MB`] }
      : {},
  );
  // PGlite writes its files 0666: owner-only now, and again for the files it made meanwhile.
  if (embedded) restrictTree(dir);
  return {
    db: drizzlePglite({ client }) as unknown as Db,
    kind: 'pglite',
    location: dir.startsWith('memory://') ? 'PGlite (in memory)' : `PGlite ${path.resolve(dir)}`,
    pglite: client,
    async execRaw(sql) {
      await client.exec(sql);
    },
    async close() {
      await client.close();
      if (embedded) restrictTree(dir);
    },
  };
}
