/**
 * Child process for bench/http.ts: starts a bare Fastify route and the real Fanxiang app (on
 * PGlite in memory, or on PostgreSQL when BENCH_DATABASE_URL is set), logs an officer in, and
 * prints `{ barePort, appPort, cookie, childrenUrl, body }` as one JSON line.
 */
import { randomBytes } from 'node:crypto';
import Fastify from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/server/app.js';
import { deriveAuditKeys, deriveKeys } from '../src/server/crypto/keys.js';
import { openDatabase } from '../src/server/db/client.js';
import { migrate } from '../src/server/db/migrate.js';
import { hashPassword } from '../src/server/auth/passwords.js';
import { importRegions } from '../src/server/regions/import.js';
import { seedBuiltinRoles } from '../src/server/roles/seed.js';
import { roleAssignments, users } from '../src/server/users/table.js';
import { testConfig } from '../src/test/harness.js';

const url = process.env.BENCH_DATABASE_URL;
let dbName: string | null = null;
let dbUrl: string | undefined;
if (url) {
  dbName = `fx_bench_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${dbName}`;
  dbUrl = u.toString();
}
const database = await openDatabase({ url: dbUrl, embeddedDir: 'memory://', poolSize: 10 });
await migrate(database);
await seedBuiltinRoles(database.db);
await importRegions(database.db, { provinces: ['50'] });
const password = 'Kuimen@2026';
const [u] = await database.db
  .insert(users)
  .values({
    login: 'bench',
    displayName: 'bench',
    passwordHash: await hashPassword(password),
    regionCode: '500236000000',
    mustChangePassword: false,
  })
  .returning({ id: users.id });
await database.db.insert(roleAssignments).values({
  userId: u!.id,
  roleCode: 'county_officer',
  scopeType: 'region',
  scopeRegion: '500236000000',
});

const { app } = await buildApp({
  config: testConfig({ logLevel: 'silent' }),
  database,
  db: database.db,
  keys: deriveKeys(randomBytes(32).toString('base64')),
  auditKeys: deriveAuditKeys(randomBytes(32).toString('base64')),
  clock: () => new Date(),
});
const appAddress = await app.listen({ port: 0, host: '127.0.0.1' });
const login = await app.inject({
  method: 'POST',
  url: '/api/auth/login',
  payload: { login: 'bench', password },
});
const cookie = `fx_sid=${login.cookies.find((c) => c.name === 'fx_sid')!.value}`;
const childrenUrl = '/api/regions/500236000000/children?pageSize=50';
const sample = await app.inject({ method: 'GET', url: childrenUrl, headers: { cookie } });
if (sample.statusCode !== 200)
  throw new Error(`children answered ${sample.statusCode}: ${sample.body}`);

// The bare route serves the very same body from memory: the ceiling for any endpoint.
const bare = Fastify({ logger: false });
const body = sample.body;
bare.get('/bare', (_req, reply) =>
  reply.header('content-type', 'application/json; charset=utf-8').send(body),
);
const bareAddress = await bare.listen({ port: 0, host: '127.0.0.1' });

console.log(
  JSON.stringify({
    bareUrl: `${bareAddress}/bare`,
    appUrl: `${appAddress}${childrenUrl}`,
    cookie,
    bytes: Buffer.byteLength(body),
    backend: database.kind,
  }),
);
process.stdin.resume();
process.stdin.on('end', () => {
  void (async () => {
    await app.close();
    await bare.close();
    await database.close();
    if (dbName && url) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin.end();
    }
    process.exit(0);
  })();
});
