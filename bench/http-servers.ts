/**
 * Child process for bench/http.ts: starts the real Fanxiang app (on PGlite in memory, or on
 * PostgreSQL when BENCH_DATABASE_URL is set) with 重庆's regions and a synthetic ledger
 * (BENCH_PEOPLE people, default 10,000, in 重庆), logs a county officer of 奉节县 in, and starts a
 * bare Fastify server answering each measured route's very body from memory. Prints
 * `{ routes: [{ name, appUrl, bareUrl, bytes }], cookie, backend }` as one JSON line.
 */
import { randomBytes } from 'node:crypto';
import Fastify from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/server/app.js';
import { deriveAuditKeys, deriveKeys } from '../src/server/platform/crypto/keys.js';
import { openDatabase } from '../src/server/platform/db/client.js';
import { migrate } from '../src/server/platform/db/migrate.js';
import { hashPassword } from '../src/server/platform/auth/passwords.js';
import { importRegions } from '../src/server/platform/regions/import.js';
import { seedBuiltinRoles } from '../src/server/access/roles/seed.js';
import { roleAssignments, users } from '../src/server/access/users/table.js';
import { testConfig } from '../src/test/harness.js';
import { generateLedger } from '../src/server/demo/generate.js';

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
const keys = deriveKeys(randomBytes(32).toString('base64'));
const peopleCount = Number(process.env.BENCH_PEOPLE ?? 10_000);
await generateLedger(database, keys, {
  people: peopleCount,
  entities: Math.round(peopleCount / 3),
  province: '50',
  threads: 0,
  mode: 'triggers',
  today: new Date().toISOString().slice(0, 10),
});
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
  keys,
  auditKeys: deriveAuditKeys(randomBytes(32).toString('base64')),
  clock: () => new Date(),
});
const login = await app.inject({
  method: 'POST',
  url: '/api/auth/login',
  payload: { login: 'bench', password },
});
const cookie = `fx_sid=${login.cookies.find((c) => c.name === 'fx_sid')!.value}`;
const measured = [
  { name: 'region children', url: '/api/regions/500236000000/children?pageSize=50' },
  {
    name: 'people list (20, filtered)',
    url: '/api/people?region=500236000000&status=returned,started&pageSize=20&sort=updatedAt',
  },
  { name: 'county dashboard', url: '/api/dashboards/500236000000' },
];
// The bare server answers the very same bodies from memory: the ceiling for any endpoint.
const bare = Fastify({ logger: false });
const routes: Array<{ name: string; appUrl: string; bareUrl: string; bytes: number }> = [];
const appAddress = await app.listen({ port: 0, host: '127.0.0.1' });
for (const [i, m] of measured.entries()) {
  const sample = await app.inject({ method: 'GET', url: m.url, headers: { cookie } });
  if (sample.statusCode !== 200)
    throw new Error(`${m.url} answered ${sample.statusCode}: ${sample.body}`);
  const body = sample.body;
  bare.get(`/bare/${i}`, (_req, reply) =>
    reply.header('content-type', 'application/json; charset=utf-8').send(body),
  );
  routes.push({
    name: m.name,
    appUrl: `${appAddress}${m.url}`,
    bareUrl: `/bare/${i}`,
    bytes: Buffer.byteLength(body),
  });
}
const bareAddress = await bare.listen({ port: 0, host: '127.0.0.1' });
for (const r of routes) r.bareUrl = `${bareAddress}${r.bareUrl}`;

console.log(JSON.stringify({ routes, cookie, backend: database.kind, people: peopleCount }));
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
