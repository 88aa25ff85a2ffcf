/**
 * Load run against several Fanxiang instances on one PostgreSQL: `fanxiang serve` processes (from
 * the sources, through tsx) on loopback, driven by a realistic mix — officers listing, searching,
 * opening and editing people and entities, dashboards, region lookups, imports in the background,
 * entrepreneurs logging in to the portal and submitting their profiles — for a bounded time. It
 * prints throughput and p50 / p99 per route and the errors (anything but the expected 4xx), then
 * checks that nothing was lost: every acknowledged write is in the database, the counts add up,
 * and `fanxiang stats verify` and `fanxiang audit verify` pass. Exits 1 when a check fails.
 *
 *   npx tsx bench/load.ts                          # 60 s, 2 instances, 12 virtual users
 *   npx tsx bench/load.ts --seconds 120 --instances 3 --users 16
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/load.ts
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { count, inArray, sql } from 'drizzle-orm';
import { auditLog } from '../src/server/platform/audit/table.js';
import { hashPassword } from '../src/server/platform/auth/passwords.js';
import { deriveKeys, encrypt } from '../src/server/platform/crypto/keys.js';
import { entities } from '../src/server/ledger/entities/table.js';
import { jobs } from '../src/server/platform/jobs/table.js';
import { phoneIndex } from '../src/server/ledger/people/sealed.js';
import { people } from '../src/server/ledger/people/table.js';
import { portalAccounts } from '../src/server/portal/accounts/table.js';
import { maskMobile } from '../src/domain/identity/phone.js';
import { peopleCsv, serialIdNumber } from '../src/test/import-csv.js';
import {
  type Answer,
  Client,
  CLUSTER_PASSWORD,
  type Cluster,
  startCluster,
  within,
} from '../src/test/instances.js';
import { entityBody, personBody } from '../src/test/ledger-factories.js';
import { Recorder } from './load-recorder.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    instances: { type: 'string', default: '2' },
    users: { type: 'string', default: '12' },
    'import-every': { type: 'string', default: '10' },
    'import-rows': { type: 'string', default: '1000' },
  },
});
const SECONDS = Number(values.seconds);
const INSTANCES = Number(values.instances);
const USERS = Number(values.users);
const IMPORT_EVERY_MS = Number(values['import-every']) * 1000;
const IMPORT_ROWS = Number(values['import-rows']);
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const FENGJIE = '500236000000';
const XINGLONG = '500236128000';
const OFFICERS = 6;
const PORTAL_ACCOUNTS = 60;
const SEED_PEOPLE = 2000;
const SEED_ENTITIES = 60;
/** Serial ranges of the files (see src/test/import-csv.ts): seed, background imports, portal. */
const IMPORT_SERIAL_BASE = 100_000;
const PORTAL_SERIAL_BASE = 900_000;
/** People created through the API get ID numbers of their own range too. */
const API_SERIAL_BASE = 500_000;

const log = (s: string) => console.log(s);
log(
  `load run: ${SECONDS} s, ${INSTANCES} instances, ${USERS} virtual users, an import of ` +
    `${IMPORT_ROWS} rows every ${IMPORT_EVERY_MS / 1000} s; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
);

const c: Cluster = await startCluster({
  serverUrl,
  instances: INSTANCES,
  users: Array.from({ length: OFFICERS }, (_, i) => ({
    login: `officer${i}`,
    role: 'county_officer',
    region: FENGJIE,
  })),
  env: { FANXIANG_JOB_LEASE_SECONDS: '10', FANXIANG_LOG_LEVEL: 'error' },
});
const urls = c.instances.map((i) => i.url);
let rr = 0;
const nextUrl = () => urls[rr++ % urls.length]!;
let failed = false;

try {
  // --- Seed: a ledger to work on, the officers' sessions, the portal accounts.
  const seeder = new Client();
  await seeder.login(urls[0]!, 'officer0');
  const seedUp = await seeder.request(
    urls[0]!,
    'POST',
    '/api/ledger/imports?kind=people&fileName=seed.csv',
    peopleCsv(SEED_PEOPLE, { firstSerial: 0, region: XINGLONG }),
  );
  const seedJob = seedUp.json<{ jobId: string }>().jobId;
  const seeded = await within(300_000, async () => {
    const r = await seeder.get(urls[0]!, `/api/jobs/${seedJob}`);
    return r.json<{ status: string }>().status === 'done';
  });
  if (seeded === null) throw new Error('seed import did not finish');
  const personIds = (await c.db.db.select({ id: people.id }).from(people)).map((r) => r.id);
  const entityIds: string[] = [];
  for (let i = 0; i < SEED_ENTITIES; i++) {
    const r = await seeder.post(urls[i % urls.length]!, '/api/entities', entityBody());
    if (r.status !== 201) throw new Error(`seed entity: ${r.status} ${JSON.stringify(r.body)}`);
    entityIds.push(r.json<{ id: string }>().id);
  }
  const keys = deriveKeys(c.masterKey);
  const passwordHash = await hashPassword(CLUSTER_PASSWORD);
  const portalMobiles: string[] = [];
  const now = new Date();
  for (let i = 0; i < PORTAL_ACCOUNTS; i++) {
    const mobile = `136${String(i).padStart(8, '0')}`;
    portalMobiles.push(mobile);
    await c.db.db.insert(portalAccounts).values({
      mobileEnc: encrypt(keys, mobile),
      mobileBidx: phoneIndex(keys, mobile),
      mobileMask: maskMobile(mobile),
      passwordHash,
      createdAt: now,
      updatedAt: now,
    });
  }
  const officers = await Promise.all(
    Array.from({ length: OFFICERS }, async (_, i) => {
      const cl = new Client();
      await cl.login(urls[i % urls.length]!, `officer${i}`);
      return cl;
    }),
  );
  log(
    `seeded: ${personIds.length} people (import), ${entityIds.length} entities, ` +
      `${PORTAL_ACCOUNTS} portal accounts, ${OFFICERS} officers logged in`,
  );

  // --- What the run acknowledged, to be found in the database afterwards.
  const ack = {
    personCreates: [] as string[],
    personEdits: new Map<string, { version: number; skills: string }>(),
    entityCreates: [] as string[],
    entityEdits: new Map<string, { version: number; products: string }>(),
    portalProfiles: new Map<number, string>(), // account index → ID number submitted
    imports: [] as { jobId: string; rows: number }[],
  };
  const rec = new Recorder();
  const deadline = Date.now() + SECONDS * 1000;
  let editSerial = 0;
  let apiSerial = 0;

  const call = async (
    route: string,
    fn: () => Promise<Answer>,
    expected: number[] = [],
  ): Promise<Answer | null> => {
    const t0 = performance.now();
    let res: Answer;
    try {
      res = await fn();
    } catch (err) {
      rec.add(route, performance.now() - t0, 'error', String(err));
      return null;
    }
    const ms = performance.now() - t0;
    if (res.status < 400) rec.add(route, ms, 'ok');
    else if (expected.includes(res.status)) rec.add(route, ms, 'expected');
    else rec.add(route, ms, 'error', `${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
    return res;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;

  type Action = (officer: Client) => Promise<void>;
  const officerActions: [number, Action][] = [
    [
      18,
      async (o) => {
        await call('GET /api/people (page of 20, filters)', () =>
          o.get(
            nextUrl(),
            `/api/people?pageSize=20&page=${1 + Math.floor(Math.random() * 5)}&region=${XINGLONG}&status=returned`,
          ),
        );
      },
    ],
    [
      10,
      async (o) => {
        const q = encodeURIComponent(pick(['导入伟', '电焊', '张明', 'daoru', '导入']));
        await call('GET /api/people?q= (search)', () =>
          o.get(nextUrl(), `/api/people?pageSize=20&q=${q}`),
        );
      },
    ],
    [
      14,
      async (o) => {
        await call('GET /api/people/:id', () => o.get(nextUrl(), `/api/people/${pick(personIds)}`));
      },
    ],
    [
      4,
      async (o) => {
        await call('GET /api/people/:id/history', () =>
          o.get(nextUrl(), `/api/people/${pick(personIds)}/history`),
        );
      },
    ],
    [
      4,
      async (o) => {
        const r = await call('POST /api/people', () =>
          o.post(
            nextUrl(),
            '/api/people',
            personBody({ idNumber: serialIdNumber(API_SERIAL_BASE + ++apiSerial) }),
          ),
        );
        if (r?.status === 201) {
          const id = r.json<{ id: string }>().id;
          ack.personCreates.push(id);
          personIds.push(id);
        }
      },
    ],
    [
      10,
      async (o) => {
        // A few records are edited by many officers at once: conflicts (409) are expected there.
        const id = Math.random() < 0.3 ? pick(personIds.slice(0, 5)) : pick(personIds);
        const read = await call('GET /api/people/:id', () => o.get(nextUrl(), `/api/people/${id}`));
        if (read?.status !== 200) return;
        const skills = `负载编辑${++editSerial}`;
        const r = await call(
          'PATCH /api/people/:id',
          () =>
            o.patch(nextUrl(), `/api/people/${id}`, {
              version: read.json<{ version: number }>().version,
              skills,
            }),
          [409],
        );
        if (r?.status === 200) {
          const version = r.json<{ version: number }>().version;
          const before = ack.personEdits.get(id);
          if (!before || before.version < version) ack.personEdits.set(id, { version, skills });
        }
      },
    ],
    [
      8,
      async (o) => {
        await call('GET /api/entities (page of 20)', () =>
          o.get(nextUrl(), `/api/entities?pageSize=20&region=${FENGJIE}`),
        );
      },
    ],
    [
      6,
      async (o) => {
        await call('GET /api/entities/:id', () =>
          o.get(nextUrl(), `/api/entities/${pick(entityIds)}`),
        );
      },
    ],
    [
      4,
      async (o) => {
        const id = pick(entityIds);
        const read = await call('GET /api/entities/:id', () =>
          o.get(nextUrl(), `/api/entities/${id}`),
        );
        if (read?.status !== 200) return;
        const products = `负载产品${++editSerial}`;
        const r = await call(
          'PATCH /api/entities/:id',
          () =>
            o.patch(nextUrl(), `/api/entities/${id}`, {
              version: read.json<{ version: number }>().version,
              products,
            }),
          [409],
        );
        if (r?.status === 200) {
          const version = r.json<{ version: number }>().version;
          const before = ack.entityEdits.get(id);
          if (!before || before.version < version) ack.entityEdits.set(id, { version, products });
        }
      },
    ],
    [
      2,
      async (o) => {
        const r = await call('POST /api/entities', () =>
          o.post(nextUrl(), '/api/entities', entityBody()),
        );
        if (r?.status === 201) {
          const id = r.json<{ id: string }>().id;
          ack.entityCreates.push(id);
          entityIds.push(id);
        }
      },
    ],
    [
      6,
      async (o) => {
        const region = pick([FENGJIE, XINGLONG]);
        await call('GET /api/dashboards/:region', () =>
          o.get(nextUrl(), `/api/dashboards/${region}?year=2026`),
        );
      },
    ],
    [
      4,
      async (o) => {
        await call('GET /api/regions/:code/children', () =>
          o.get(nextUrl(), `/api/regions/${FENGJIE}/children?pageSize=50`),
        );
      },
    ],
  ];
  const totalWeight = officerActions.reduce((s, [w]) => s + w, 0);
  const officerStep = async (o: Client) => {
    let r = Math.random() * totalWeight;
    for (const [w, act] of officerActions) {
      r -= w;
      if (r <= 0) return act(o);
    }
  };

  // An entrepreneur: log in on some instance, open 我的, submit or resubmit the profile.
  const portalStep = async () => {
    const i = Math.floor(Math.random() * PORTAL_ACCOUNTS);
    const p = new Client();
    const base = nextUrl();
    const login = await call('POST /api/portal/login', () =>
      p.post(base, '/api/portal/login', { mobile: portalMobiles[i], password: CLUSTER_PASSWORD }),
    );
    if (login?.status !== 200) return;
    p.csrf = login.json<{ csrfToken: string }>().csrfToken;
    await call('GET /api/portal/home', () => p.get(nextUrl(), '/api/portal/home'));
    const idNumber = serialIdNumber(PORTAL_SERIAL_BASE + i);
    const r = await call(
      'PUT /api/portal/profile',
      () =>
        p.request(nextUrl(), 'PUT', '/api/portal/profile', {
          name: '门户用户',
          idNumber,
          hukouRegionCode: XINGLONG,
          currentRegionCode: XINGLONG,
          categories: ['migrant_worker'],
          status: 'returned',
          education: 'senior',
          skills: `门户${++editSerial}`,
        }),
      // A second submission while the first waits for an officer is refused, as designed.
      [409, 422],
    );
    if (r && r.status < 300) ack.portalProfiles.set(i, idNumber);
  };

  // Imports in the background: a new file every few seconds, to alternating instances.
  let importSerial = IMPORT_SERIAL_BASE;
  const importer = officers[0]!;
  const importLoop = async () => {
    while (Date.now() < deadline - 2000) {
      const rows = IMPORT_ROWS;
      const file = peopleCsv(rows, { firstSerial: importSerial, region: XINGLONG });
      importSerial += rows;
      const r = await call('POST /api/ledger/imports', () =>
        importer.request(
          nextUrl(),
          'POST',
          '/api/ledger/imports?kind=people&fileName=load.csv',
          file,
        ),
      );
      if (r?.status === 202) ack.imports.push({ jobId: r.json<{ jobId: string }>().jobId, rows });
      const wait = Math.min(IMPORT_EVERY_MS, deadline - Date.now());
      if (wait > 0) await new Promise((res) => setTimeout(res, wait));
    }
  };

  const officerLoop = async (o: Client, n: number) => {
    while (Date.now() < deadline) {
      if (n % 6 === 5) await portalStep();
      else await officerStep(o);
    }
  };
  const t0 = Date.now();
  await Promise.all([
    importLoop(),
    ...Array.from({ length: USERS }, (_, n) => officerLoop(officers[n % OFFICERS]!, n)),
  ]);
  const elapsed = (Date.now() - t0) / 1000;

  // --- Report.
  log('');
  log(rec.table(elapsed));
  const errors = rec.errors();
  log('');
  log(`errors (other than the expected 4xx): ${errors.total}`);
  for (const [k, n] of errors.samples) log(`  ${n} × ${k}`);
  if (errors.total > 0) failed = true;

  // --- Nothing lost.
  log('');
  log('checks after the run:');
  const check = (ok: boolean, what: string) => {
    log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`);
    if (!ok) failed = true;
  };
  const jobIds = ack.imports.map((j) => j.jobId);
  const drained = await within(300_000, async () => {
    if (jobIds.length === 0) return true;
    const [row] = await c.db.db
      .select({ n: count() })
      .from(jobs)
      .where(sql`${inArray(jobs.id, jobIds)} AND ${jobs.status} IN ('queued', 'running')`);
    return row!.n === 0;
  });
  check(drained !== null, `the ${jobIds.length} background imports finished`);
  const jobRows = jobIds.length
    ? await c.db.db.select().from(jobs).where(inArray(jobs.id, jobIds))
    : [];
  const importedRows = jobRows.reduce((s, j) => s + Number(j.result.created ?? 0), 0);
  const importRowsSent = ack.imports.reduce((s, j) => s + j.rows, 0);
  check(
    jobRows.every((j) => j.status === 'done') && importedRows === importRowsSent,
    `imports: ${importRowsSent} rows acknowledged, ${importedRows} created by ${jobRows.length} jobs`,
  );
  const [imported] = await c.db.db
    .select({ n: count() })
    .from(people)
    .where(sql`${people.name} LIKE '导入%'`);
  check(
    imported!.n === SEED_PEOPLE + importRowsSent,
    `imported people in the ledger: ${imported!.n} = seed ${SEED_PEOPLE} + ${importRowsSent}`,
  );
  const foundCreates = ack.personCreates.length
    ? await c.db.db.select({ n: count() }).from(people).where(inArray(people.id, ack.personCreates))
    : [{ n: 0 }];
  check(
    foundCreates[0]!.n === ack.personCreates.length,
    `people created through the API: ${ack.personCreates.length} acknowledged, ${foundCreates[0]!.n} stored`,
  );
  const edited = [...ack.personEdits.keys()];
  const editRows = edited.length
    ? await c.db.db
        .select({ id: people.id, version: people.version, skills: people.skills })
        .from(people)
        .where(inArray(people.id, edited))
    : [];
  const editsHeld = editRows.filter((r) => {
    const a = ack.personEdits.get(r.id)!;
    return r.version === a.version && r.skills === a.skills;
  }).length;
  check(
    editsHeld === edited.length,
    `people edited: last acknowledged edit stored for ${editsHeld} of ${edited.length}`,
  );
  const eCreates = ack.entityCreates.length
    ? await c.db.db
        .select({ n: count() })
        .from(entities)
        .where(inArray(entities.id, ack.entityCreates))
    : [{ n: 0 }];
  check(
    eCreates[0]!.n === ack.entityCreates.length,
    `entities created: ${ack.entityCreates.length} acknowledged, ${eCreates[0]!.n} stored`,
  );
  const eEdited = [...ack.entityEdits.keys()];
  const eRows = eEdited.length
    ? await c.db.db
        .select({ id: entities.id, version: entities.version, products: entities.products })
        .from(entities)
        .where(inArray(entities.id, eEdited))
    : [];
  const eHeld = eRows.filter((r) => {
    const a = ack.entityEdits.get(r.id)!;
    return r.version === a.version && r.products === a.products;
  }).length;
  check(
    eHeld === eEdited.length,
    `entities edited: last acknowledged edit stored for ${eHeld} of ${eEdited.length}`,
  );
  const portalLinked = await c.db.db
    .select({ n: count() })
    .from(portalAccounts)
    .where(sql`${portalAccounts.personId} IS NOT NULL`);
  const [portalPeople] = await c.db.db
    .select({ n: count() })
    .from(people)
    .where(sql`${people.name} = '门户用户'`);
  check(
    portalLinked[0]!.n === ack.portalProfiles.size && portalPeople!.n === ack.portalProfiles.size,
    `portal profiles: ${ack.portalProfiles.size} first submissions acknowledged, ` +
      `${portalPeople!.n} people registered, ${portalLinked[0]!.n} accounts linked`,
  );
  const [allPeople] = await c.db.db.select({ n: count() }).from(people);
  const expectedPeople =
    SEED_PEOPLE + importRowsSent + ack.personCreates.length + ack.portalProfiles.size;
  check(
    allPeople!.n === expectedPeople,
    `people in all: ${allPeople!.n} = ${SEED_PEOPLE} + ${importRowsSent} + ` +
      `${ack.personCreates.length} + ${ack.portalProfiles.size}`,
  );
  const audited = async (action: string) => {
    const [row] = await c.db.db
      .select({ n: count() })
      .from(auditLog)
      .where(sql`${auditLog.action} = ${action} AND ${auditLog.result} = 'success'`);
    return row!.n;
  };
  const okCount = (route: string) => rec.okCount(route);
  for (const [action, route] of [
    ['person.create', 'POST /api/people'],
    ['person.update', 'PATCH /api/people/:id'],
    ['entity.update', 'PATCH /api/entities/:id'],
  ] as const) {
    const n = await audited(action);
    check(n === okCount(route), `audit: ${n} ${action} records for ${okCount(route)} acknowledged`);
  }
  const unrecorded = await audited('request.unrecorded');
  check(unrecorded === 0, `no state change without its own audit record (${unrecorded})`);
  const stats = await c.cli(['stats', 'verify']);
  check(stats.code === 0, `fanxiang stats verify: exit ${stats.code}`);
  if (stats.code !== 0) log(stats.stdout + stats.stderr);
  const audit = await c.cli(['audit', 'verify']);
  check(audit.code === 0, `fanxiang audit verify: exit ${audit.code}`);
  if (audit.code !== 0) log(audit.stdout + audit.stderr);
  for (const inst of c.instances) {
    const alive = inst.child.exitCode === null && inst.child.signalCode === null;
    check(alive, `instance ${inst.name} still running`);
  }
} catch (err) {
  failed = true;
  console.error(err);
  for (const inst of c.instances) console.error(`--- ${inst.name}\n${inst.output().slice(-3000)}`);
} finally {
  await c.close();
}
log(failed ? '\nload run FAILED' : '\nload run passed');
process.exit(failed ? 1 : 0);
