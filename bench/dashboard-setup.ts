/**
 * Setup for bench/dashboard.ts: its own PostgreSQL database with the division tree and a
 * generated national ledger (kept between runs: generating 12 million people takes a while),
 * and an application with a logged-in county officer for the write-to-read measurement.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/server/app.js';
import { hashPassword } from '../src/server/platform/auth/passwords.js';
import { deriveAuditKeys, type Keys } from '../src/server/platform/crypto/keys.js';
import { openDatabase, type Database } from '../src/server/platform/db/client.js';
import { migrate } from '../src/server/platform/db/migrate.js';
import { generateLedger } from '../src/server/demo/generate.js';
import type { App } from '../src/server/platform/http/types.js';
import { progressLine } from '../src/server/progress.js';
import { importRegions } from '../src/server/platform/regions/import.js';
import { seedBuiltinRoles } from '../src/server/access/roles/seed.js';
import { rowsOf } from '../src/server/platform/db/rows.js';
import { roleAssignments, users } from '../src/server/access/users/table.js';
import { testConfig } from '../src/test/harness.js';

/** Opens (creating when missing) the bench database next to the server named by `serverUrl`. */
/**
 * The database of the synthetic national ledger of `people` people that the dashboard and the
 * lists benches share (generated once, kept for later runs: 12 million take most of an hour).
 */
export const ledgerBenchName = (people: number): string => `fx_bench_ledger_${people}`;

export async function openBenchDatabase(serverUrl: string, name: string): Promise<Database> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 8 });
  await migrate(database);
  await seedBuiltinRoles(database.db);
  return database;
}

/** Fills the ledger up to `people` (generating the difference, in bulk mode) and reports timings. */
export async function ensureLedger(
  database: Database,
  keys: Keys,
  people: number,
  log: (line: string) => void,
): Promise<{ people: number; entities: number; generatedSeconds: number | null }> {
  const [regions] = await rowsOf<{ n: number }>(
    database.db,
    sql`SELECT count(*)::int AS n FROM regions`,
  );
  if ((regions?.n ?? 0) < 40_000) {
    log('importing the division tree (townships)…');
    await importRegions(database.db, {});
  }
  const count = async () => {
    const [c] = await rowsOf<{ p: number; e: number }>(
      database.db,
      sql`SELECT (SELECT count(*)::int FROM people) AS p, (SELECT count(*)::int FROM entities) AS e`,
    );
    return { people: c?.p ?? 0, entities: c?.e ?? 0 };
  };
  const have = await count();
  if (have.people >= people) return { ...have, generatedSeconds: null };
  const missing = people - have.people;
  log(`generating ${missing.toLocaleString('en-US')} people…`);
  const progress = progressLine('demo generate');
  const r = await generateLedger(database, keys, {
    people: missing,
    entities: Math.round(missing * 0.45),
    mode: 'bulk',
    seed: `bench-${have.people}`,
    today: '2026-11-21',
    onProgress: (done, total) => progress.update(done.people, total.people),
  });
  progress.done();
  log(
    `generated in ${r.seconds.toFixed(0)} s (copy ${r.copySeconds.toFixed(0)} s, counters rebuilt in ${r.rebuildSeconds.toFixed(0)} s)`,
  );
  await database.db.execute(sql`ANALYZE`);
  return { ...(await count()), generatedSeconds: r.seconds };
}

/** The application on the bench database, with a county officer of `county` logged in. */
export async function benchApp(
  database: Database,
  keys: Keys,
  county: string,
): Promise<{ app: App; cookie: string; csrf: string }> {
  const { app } = await buildApp({
    config: testConfig(),
    database,
    db: database.db,
    keys,
    auditKeys: deriveAuditKeys(randomBytes(32).toString('base64')),
    clock: () => new Date(),
  });
  const login = `bench_${county}`;
  const password = 'Fanxiang#2026bench';
  const [existing] = await database.db
    .select({ id: users.id })
    .from(users)
    .where(sql`login = ${login}`);
  if (!existing) {
    const [u] = await database.db
      .insert(users)
      .values({
        login,
        displayName: login,
        passwordHash: await hashPassword(password),
        regionCode: county,
        mustChangePassword: false,
      })
      .returning({ id: users.id });
    await database.db.insert(roleAssignments).values({
      userId: u!.id,
      roleCode: 'county_officer',
      scopeType: 'region',
      scopeRegion: county,
    });
  }
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { login, password },
  });
  const cookie = res.cookies.find((c) => c.name === 'fx_sid');
  return {
    app,
    cookie: `fx_sid=${cookie?.value ?? ''}`,
    csrf: res.json<{ csrfToken: string }>().csrfToken,
  };
}
