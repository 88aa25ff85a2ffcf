/**
 * Case bench on PostgreSQL: the 待办 queue of a county officer and of a bank officer at
 * 1 million guarantee-loan files (first page and a deep keyset page, through the service with its
 * scope checks and presenter) next to the plain indexed `SELECT … WHERE … ORDER BY … LIMIT 20` of
 * the same rows; and transitions per second through fire-service (version check, history,
 * loan effect, counters, audit record, notices — one transaction each; and the same with the
 * file read back, as the route answers) next to a bare
 * `UPDATE cases SET state = … WHERE id = …` of the same kind of rows, both in this process.
 * The files are generated once with generate_series into their own database and kept.
 *
 *   npx tsx bench/cases.ts                     # 1,000,000 files
 *   npx tsx bench/cases.ts --cases 20000       # a small run
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/cases.ts
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { type SQL, sql } from 'drizzle-orm';
import { GUARANTEE_LOAN } from '../src/domain/cases/guarantee-loan.js';
import { stepOwner } from '../src/domain/cases/can-fire.js';
import { deriveAuditKeys, deriveKeys } from '../src/server/platform/crypto/keys.js';
import type { AppDeps } from '../src/server/platform/http/types.js';
import { hashPassword } from '../src/server/platform/auth/passwords.js';
import { importRegions } from '../src/server/platform/regions/import.js';
import { organisations } from '../src/server/access/orgs/table.js';
import { roleAssignments, users } from '../src/server/access/users/table.js';
import { cliActor, cliContext } from '../src/server/ledger/import/cli.js';
import { caseNotifier } from '../src/server/outreach/notifications/case-notices.js';
import { fireCase, fireTransition } from '../src/server/programme/cases/fire-service.js';
import { caseQueue, encodeCursor } from '../src/server/programme/cases/service.js';
import { rowsOf } from '../src/server/platform/db/rows.js';
import { seedLoanProducts } from '../src/server/programme/loan-products/seed.js';
import { testConfig } from '../src/test/harness.js';
import { cpuMeter } from './cpu-meter.js';
import { openBenchDatabase } from './dashboard-setup.js';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '200' },
    transitions: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '4' },
  },
});
const N = Number(values.cases);
const runs = Number(values.runs);
const M = Number(values.transitions);
const C = Number(values.concurrency);
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const master = Buffer.alloc(32, 7).toString('base64');
const log = (line: string) => process.stderr.write(`${line}\n`);
const COUNTY = '500236000000'; // 奉节县

const database = await openBenchDatabase(serverUrl, `fx_bench_cases_${N}`);
const db = database.db;
const one = async <T>(q: SQL) => (await rowsOf<T>(db, q))[0];

if (((await one<{ n: number }>(sql`SELECT count(*)::int AS n FROM regions`))?.n ?? 0) < 1000) {
  log('importing the division tree of 重庆 and 河南…');
  await importRegions(db, { provinces: ['50', '41'] });
}
await seedLoanProducts(db).catch(() => undefined);

async function org(name: string, type: string): Promise<string> {
  const found = await one<{ id: string }>(sql`SELECT id FROM organisations WHERE name = ${name}`);
  if (found) return found.id;
  const [o] = await db
    .insert(organisations)
    .values({ name, type, regionCode: COUNTY })
    .returning({ id: organisations.id });
  return o!.id;
}
const orgs = {
  hrss: await org('奉节县人力资源和社会保障局', 'hrss'),
  guarantee: await org('奉节县融资担保有限公司', 'guarantee'),
  banks: [
    await org('重庆农村商业银行奉节支行', 'bank'),
    await org('中国邮政储蓄银行奉节县支行', 'bank'),
    await org('中国农业银行奉节县支行', 'bank'),
    await org('中国建设银行奉节县支行', 'bank'),
  ],
};

async function account(login: string, grant: Record<string, unknown>): Promise<void> {
  if (await one(sql`SELECT 1 FROM users WHERE login = ${login}`)) return;
  const [u] = await db
    .insert(users)
    .values({
      login,
      displayName: login,
      passwordHash: await hashPassword('Fanxiang#2026bench'),
      regionCode: COUNTY,
      mustChangePassword: false,
    })
    .returning({ id: users.id });
  await db.insert(roleAssignments).values({ userId: u!.id, ...grant } as never);
}
await account('bench_county', {
  roleCode: 'county_officer',
  scopeType: 'region',
  scopeRegion: COUNTY,
});
await account('bench_bank', {
  roleCode: 'bank_reviewer',
  scopeType: 'org',
  scopeOrgId: orgs.banks[0],
});

/** Every (state, bank) pair with its step owner: the files are spread evenly over them. */
function profiles() {
  const out: {
    state: string;
    bank: string;
    owner: string | null;
    region: boolean;
    terminal: boolean;
  }[] = [];
  for (const state of Object.keys(GUARANTEE_LOAN.states)) {
    for (const bank of orgs.banks) {
      const routing = {
        bankOrgId: bank,
        hrssOrgId: orgs.hrss,
        guaranteeOrgId: orgs.guarantee,
        serviceCenterOrgId: null,
      };
      const o = stepOwner(GUARANTEE_LOAN, state, routing);
      out.push({
        state,
        bank,
        owner: o.orgId,
        region: o.region,
        terminal: GUARANTEE_LOAN.states[state]?.terminal === true,
      });
    }
  }
  return out;
}

const have = (await one<{ n: number }>(sql`SELECT count(*)::int AS n FROM cases`))?.n ?? 0;
if (have < N) {
  const p = profiles();
  const values = sql.join(
    p.map(
      (x, k) =>
        sql`(${k}::int, ${x.state}::text, ${x.bank}::uuid, ${x.owner}::uuid, ${x.region}::boolean, ${x.terminal}::boolean)`,
    ),
    sql`, `,
  );
  const chunk = 100_000;
  const started = performance.now();
  for (let from = have; from < N; from += chunk) {
    const to = Math.min(N, from + chunk) - 1;
    await db.execute(sql`
      WITH p(k, state, bank, owner, oreg, term) AS (VALUES ${values}),
      r AS (SELECT array_agg(code ORDER BY code) AS codes FROM regions
            WHERE code LIKE '500236%' AND level = 4),
      ins AS (
        INSERT INTO cases (type, region_code, state, version, routing, owner_org_id, owner_region,
                           terminal, state_entered_at, due_at, deadline_status, data,
                           created_at, updated_at)
        SELECT 'guarantee-loan', r.codes[1 + ((i::bigint * 7919) % array_length(r.codes, 1))::int], p.state, 1,
               jsonb_build_object('bankOrgId', p.bank, 'hrssOrgId', ${orgs.hrss}::text,
                                  'guaranteeOrgId', ${orgs.guarantee}::text, 'serviceCenterOrgId', null),
               p.owner, p.oreg, p.term,
               timestamptz '2026-12-01' - ((i::bigint * 104729) % 525600)::int * interval '1 minute',
               NULL, 'none',
               jsonb_build_object('amountFen', 10000000, 'termMonths', 24, 'purpose', '演示值',
                                  'collateral', '信用', 'greenChannel', false, 'bankOrgId', p.bank),
               timestamptz '2026-01-01', timestamptz '2026-01-01'
        FROM generate_series(${from}::int, ${to}::int) AS i
        JOIN p ON p.k = i % ${p.length}
        CROSS JOIN r
        RETURNING id, state, data)
      INSERT INTO case_transitions (case_id, version, transition, to_state, actor_login, at, fields)
      SELECT id, 1, 'create', state, 'bench', timestamptz '2026-01-01', data FROM ins`);
    log(`generated ${(to + 1).toLocaleString('en-US')} files`);
  }
  log(`generated in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  await db.execute(sql`ANALYZE`);
}

const deps: AppDeps = {
  config: testConfig(),
  database,
  db,
  keys: deriveKeys(master),
  auditKeys: deriveAuditKeys(master),
  clock: () => new Date(),
  // The notices the server sends: to the next step's organisation and to the applicant.
  caseHooks: { notify: caseNotifier(() => new Date()) },
};
const county = cliContext(await cliActor(deps, 'bench_county'), deps.auditKeys.chain);
const bank = cliContext(await cliActor(deps, 'bench_bank'), deps.auditKeys.chain);

function quantile(ms: number[], q: number): number {
  const sorted = [...ms].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}
async function time(n: number, f: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 5; i++) await f();
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await f();
    ms.push(performance.now() - t);
  }
  return { p50: quantile(ms, 0.5), p95: quantile(ms, 0.95) };
}
const fmt = (ms: number) => ms.toFixed(ms < 10 ? 2 : 1);

/** The plain selects of the same rows the service's queue returns. */
const owned: Record<'county' | 'bank', SQL> = {
  county: sql`owner_region AND NOT terminal AND region_code LIKE '500236%'`,
  bank: sql`owner_org_id = ${orgs.banks[0]}::uuid AND NOT terminal`,
};
const plain = (who: 'county' | 'bank', after?: { at: string; id: string }) =>
  rowsOf(
    db,
    sql`SELECT id, type, region_code, state, state_entered_at, due_at, deadline_status
        FROM cases WHERE ${owned[who]}
        ${after ? sql`AND (state_entered_at, id) > (${after.at}::timestamptz, ${after.id}::uuid)` : sql``}
        ORDER BY state_entered_at, id LIMIT 20`,
  );

const lines: string[] = [];
for (const who of ['county', 'bank'] as const) {
  const ctx = who === 'county' ? county : bank;
  const size =
    (await one<{ n: number }>(sql`SELECT count(*)::int AS n FROM cases WHERE ${owned[who]}`))?.n ??
    0;
  const deep = await one<{ at: Date; id: string }>(
    sql`SELECT state_entered_at AS at, id FROM cases WHERE ${owned[who]}
        ORDER BY state_entered_at, id OFFSET ${Math.floor(size * 0.8)} LIMIT 1`,
  );
  const cursor = deep ? { at: new Date(deep.at).toISOString(), id: deep.id } : undefined;
  const first = await caseQueue(deps, ctx, { tab: 'todo', limit: 20 });
  const check = (await plain(who)) as { id: string }[];
  if (first.items.map((i) => i.id).join() !== check.map((r) => r.id).join())
    throw new Error(`${who}: the queue and the plain select differ`);
  for (const [page, after] of [
    ['first page', undefined],
    ['deep page (80 %)', cursor],
  ] as const) {
    const q = { tab: 'todo' as const, limit: 20, after: after ? encodeCursor(after) : undefined };
    const service = await time(runs, () => caseQueue(deps, ctx, q));
    const base = await time(runs, () => plain(who, after));
    lines.push(
      `| ${who === 'county' ? 'county officer 县级专员' : 'bank officer 银行'} | ${size.toLocaleString('en-US')} | ${page} | ${fmt(service.p50)} | ${fmt(service.p95)} | ${fmt(base.p50)} | ${fmt(base.p95)} |`,
    );
  }
}

/** Transitions per second, and the CPU each took in this process and in PostgreSQL's backends. */
interface Rate {
  perSecond: number;
  nodeMs: number;
  dbMs: number;
}

/** Runs `f` over `ids` with C workers. */
async function rate(ids: string[], f: (id: string) => Promise<unknown>): Promise<Rate> {
  let next = 0;
  const meter = await cpuMeter(serverUrl, `fx_bench_cases_${N}`);
  const t = performance.now();
  await Promise.all(
    Array.from({ length: C }, async () => {
      while (next < ids.length) await f(ids[next++]!);
    }),
  );
  const perSecond = ids.length / ((performance.now() - t) / 1000);
  const cpu = await meter.stop();
  return {
    perSecond,
    nodeMs: (cpu.node * 1000) / ids.length,
    dbMs: (cpu.db * 1000) / ids.length,
  };
}
const ready = async (bankId: string, n: number) =>
  await rowsOf<{ id: string; version: number }>(
    db,
    sql`SELECT id, version FROM cases WHERE state = 'bank_review' AND owner_org_id = ${bankId}::uuid
          ORDER BY random() LIMIT ${n}`,
  );
// The bench's bank officer works for the first bank: the two service runs share its files.
const mine = await ready(orgs.banks[0]!, 2 * M);
const viaService = mine.slice(0, M);
const viaRoute = mine.slice(M);
const viaUpdate = await ready(orgs.banks[1]!, M);
if (mine.length < 2 * M || viaUpdate.length < M) {
  // Every run moves its files on: a kept database runs out of files at 银行审核 after a few runs.
  throw new Error(
    `only ${mine.length} and ${viaUpdate.length} files wait at bank_review (need ${2 * M} and ${M}): ` +
      `fewer --transitions, more --cases, or DROP DATABASE fx_bench_cases_${N} to generate it again`,
  );
}
const version = new Map([...viaService, ...viaRoute].map((r) => [r.id, r.version]));
const approve = (id: string) => ({
  transition: 'bank_approve',
  version: version.get(id)!,
  fields: { approvedAmountFen: 10_000_000, approvedTermMonths: 24 },
});
const fired = await rate(
  viaService.map((r) => r.id),
  (id) => fireCase(deps, bank, id, approve(id)),
);
const answered = await rate(
  viaRoute.map((r) => r.id),
  (id) => fireTransition(deps, bank, id, approve(id)),
);
const bare = await rate(
  viaUpdate.map((r) => r.id),
  (id) => db.execute(sql`UPDATE cases SET state = 'disbursement' WHERE id = ${id}::uuid`),
);

const row = (r: Rate) =>
  `${r.perSecond.toFixed(0)} | ${r.nodeMs.toFixed(2)} | ${r.dbMs.toFixed(2)}`;
const out = [
  `cases bench — ${N.toLocaleString('en-US')} files on PostgreSQL, ${runs} runs per figure, load ${loadavg()[0]!.toFixed(1)}`,
  '',
  '| queue (待办) | open files in it | page | service p50 ms | service p95 ms | plain SELECT p50 ms | plain SELECT p95 ms |',
  '|---|---:|---|---:|---:|---:|---:|',
  ...lines,
  '',
  `| transitions (${viaService.length} each, ${C} concurrent) | per second | Node CPU ms each | PostgreSQL CPU ms each |`,
  '|---|---:|---:|---:|',
  `| bank_approve: version check, history, counters, audit record, notices | ${row(fired)} |`,
  `| the same and the file read back (what the route answers) | ${row(answered)} |`,
  `| bare UPDATE cases SET state | ${row(bare)} |`,
  `| ratio (transition / bare UPDATE) | ${(fired.perSecond / bare.perSecond).toFixed(2)} | | |`,
];
process.stdout.write(`${out.join('\n')}\n`);
await database.close();
