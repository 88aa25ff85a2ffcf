import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../server/platform/db/client.js';
import { migrate } from '../server/platform/db/migrate.js';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database
 * on the PostgreSQL server named by TEST_DATABASE_URL (dropped again on close).
 */
export async function openTestDatabase(): Promise<Database & { url?: string }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase({ embeddedDir: 'memory://' });
    await migrate(database);
    return database;
  }
  const name = `fx_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 5 });
  await migrate(database);
  return {
    ...database,
    url: url.toString(),
    async close() {
      await database.close();
      const a = new pg.Client({ connectionString: serverUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

export const TEST_BACKEND = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

export interface AppRoleTestDatabase {
  /** The fresh database, connected as the TEST_DATABASE_URL role (its owner). */
  owner: Database & { url?: string };
  ownerUrl: string;
  /** A login role of this database's own that owns nothing (granted nothing yet). */
  role: string;
  /** The same database, logging in as `role`. */
  appUrl: string;
  close(): Promise<void>;
}

/**
 * PostgreSQL only (TEST_DATABASE_URL): a fresh, migrated database plus a login role named after
 * it, so parallel test files never share a role; the role is dropped with the database.
 */
export async function openAppRoleTestDatabase(): Promise<AppRoleTestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('openAppRoleTestDatabase needs TEST_DATABASE_URL');
  const owner = await openTestDatabase();
  const ownerUrl = owner.url ?? serverUrl;
  const role = `${new URL(ownerUrl).pathname.slice(1)}_app`;
  await owner.execRaw(`CREATE ROLE ${role} LOGIN`);
  const app = new URL(ownerUrl);
  app.username = role;
  app.password = '';
  return {
    owner,
    ownerUrl,
    role,
    appUrl: app.toString(),
    async close() {
      await owner.close();
      const a = new pg.Client({ connectionString: serverUrl });
      await a.connect();
      await a.query(`DROP ROLE IF EXISTS ${role}`);
      await a.end();
    },
  };
}
