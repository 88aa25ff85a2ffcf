/**
 * Lists bench on PostgreSQL: the people and entity lists through the API (session, contract,
 * query, total, presenter) for a national, a provincial (河南) and a county (南召县) officer,
 * each beside the plain query — the same SELECT of one page (LIMIT 20), no total — in the same
 * process; and page 2,000 by keyset (walked there through `next`) beside the old OFFSET.
 * p50 / p95 over `--runs` runs (default 40) after one warm-up. The ledger is generated once
 * into the database it shares with bench/dashboard.ts (`fx_bench_ledger_<N>`) and kept.
 *
 *   npx tsx bench/lists.ts                           # 1 million people
 *   npx tsx bench/lists.ts --people 12000000         # generated once (slow: ~1,000 rows/s)
 *   npx tsx bench/lists.ts --explain                 # also prints EXPLAIN ANALYZE of each plain query
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/lists.ts
 */
import { parseArgs } from 'node:util';
import { type SQL, sql } from 'drizzle-orm';
import { hashPassword } from '../src/server/platform/auth/passwords.js';
import { roleAssignments, users } from '../src/server/access/users/table.js';
import { regionPrefix } from '../src/domain/regions/region-code.js';
import type { PageWindow } from '../src/server/platform/http/list-paging.js';
import {
  listPeople,
  personKeysetSort,
  type PersonFilter,
} from '../src/server/ledger/people/list-repo.js';
import { personTextFilter } from '../src/server/ledger/people/service.js';
import { entityKeysetSort, listEntities } from '../src/server/ledger/entities/list-repo.js';
import { entities } from '../src/server/ledger/entities/table.js';
import { rowsOf } from '../src/server/platform/db/rows.js';
import { benchApp } from './dashboard-setup.js';
import { BENCH_KEYS, openListsBench } from './lists-setup.js';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '40' },
    explain: { type: 'boolean', default: false },
  },
});
const runs = Math.max(30, Number(values.runs));
const log = (line: string) => process.stderr.write(`${line}\n`);
const { database, ledger } = await openListsBench(Number(values.people));
const db = database.db;
const NATION = '000000000000';
const HENAN = '410000000000';
const NANZHAO = '411321000000';

const { app, cookie: nationCookie } = await benchApp(database, BENCH_KEYS, NATION);

/** Logs in an officer of `region` (created once) on the bench app; its session cookie. */
async function officer(region: string): Promise<string> {
  const login = `bench_${region}`;
  const password = 'Fanxiang#2026bench';
  const [existing] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`login = ${login}`);
  if (!existing) {
    const [u] = await db
      .insert(users)
      .values({
        login,
        displayName: login,
        passwordHash: await hashPassword(password),
        regionCode: region,
        mustChangePassword: false,
      })
      .returning({ id: users.id });
    await db.insert(roleAssignments).values({
      userId: u!.id,
      roleCode: 'county_officer',
      scopeType: 'region',
      scopeRegion: region,
    });
  }
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { login, password },
  });
  return `fx_sid=${res.cookies.find((c) => c.name === 'fx_sid')?.value ?? ''}`;
}
const cookies: Record<string, string> = {
  [NATION]: nationCookie,
  [HENAN]: await officer(HENAN),
  [NANZHAO]: await officer(NANZHAO),
};

interface ListAnswer {
  items: unknown[];
  total: { value: number; exact: boolean };
  next: string | null;
}
async function get(scope: string, url: string): Promise<ListAnswer> {
  const res = await app.inject({ method: 'GET', url, headers: { cookie: cookies[scope]! } });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json<ListAnswer>();
}

function quantile(ms: number[], q: number): number {
  const sorted = [...ms].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}
async function time(f: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  await f();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f();
    ms.push(performance.now() - t);
  }
  return { p50: quantile(ms, 0.5), p95: quantile(ms, 0.95) };
}
const fmt = (ms: number) => (ms < 10 ? ms.toFixed(1) : Math.round(ms).toLocaleString('en-US'));

const scopeOf = (region: string) => (column: unknown) =>
  region === NATION ? sql`true` : sql`${column} LIKE ${`${regionPrefix(region)}%`}`;
const FIRST: PageWindow = { kind: 'offset', offset: 0, limit: 21 };
const personSort = personKeysetSort('updatedAt', 'desc');

/** The plain people query of a list: the same SELECT, one page, no total. */
const plainPeople =
  (scope: string, f: Omit<PersonFilter, 'scope'>, w: PageWindow = FIRST) =>
  () =>
    listPeople({ db }, { scope: scopeOf(scope), ...f }, w, personSort);
const plainEntities = (scope: string, tokens: string[] | undefined, types?: string[]) => () =>
  listEntities(
    { db },
    { scope: scopeOf(scope)(entities.regionCode), tokens, types },
    FIRST,
    entityKeysetSort('updatedAt', 'desc'),
  );

interface Case {
  label: string;
  scope: string;
  url: string;
  plain: () => Promise<unknown>;
  /** The plain query's SQL for --explain. */
  explain?: () => SQL;
}
const zhang = personTextFilter(BENCH_KEYS, '张');
const cases: Case[] = [
  {
    label: 'people, nation, first page',
    scope: NATION,
    url: '/api/people?pageSize=20',
    plain: plainPeople(NATION, {}),
  },
  {
    label: 'people, 河南 (41), first page',
    scope: HENAN,
    url: '/api/people?pageSize=20',
    plain: plainPeople(HENAN, {}),
  },
  {
    label: 'people, 南召县 (county), first page',
    scope: NANZHAO,
    url: '/api/people?pageSize=20',
    plain: plainPeople(NANZHAO, {}),
  },
  {
    label: 'people, nation, search 张',
    scope: NATION,
    url: `/api/people?pageSize=20&q=${encodeURIComponent('张')}`,
    plain: plainPeople(NATION, zhang),
  },
  {
    label: 'people, 河南, search 张',
    scope: HENAN,
    url: `/api/people?pageSize=20&q=${encodeURIComponent('张')}`,
    plain: plainPeople(HENAN, zhang),
  },
  {
    label: 'people, nation, category graduate',
    scope: NATION,
    url: '/api/people?pageSize=20&category=graduate',
    plain: plainPeople(NATION, { categories: ['graduate'] }),
  },
  {
    label: 'people, nation, status returned',
    scope: NATION,
    url: '/api/people?pageSize=20&status=returned',
    plain: plainPeople(NATION, { statuses: ['returned'] }),
  },
  {
    label: 'people, 河南, status started + category',
    scope: HENAN,
    url: '/api/people?pageSize=20&status=started&category=migrant_worker',
    plain: plainPeople(HENAN, { statuses: ['started'], categories: ['migrant_worker'] }),
  },
  {
    label: 'people, nation, status abroad (counted, bounded)',
    scope: NATION,
    url: '/api/people?pageSize=20&status=abroad',
    plain: plainPeople(NATION, { statuses: ['abroad'] }),
  },
  {
    label: 'people, nation, sort by name',
    scope: NATION,
    url: '/api/people?pageSize=20&sort=name',
    plain: () =>
      listPeople({ db }, { scope: scopeOf(NATION) }, FIRST, personKeysetSort('name', 'asc')),
  },
  {
    label: 'entities, nation, first page',
    scope: NATION,
    url: '/api/entities?pageSize=20',
    plain: plainEntities(NATION, undefined),
  },
  {
    label: 'entities, nation, search 种植',
    scope: NATION,
    url: `/api/entities?pageSize=20&q=${encodeURIComponent('种植')}`,
    plain: plainEntities(NATION, ['种植']),
  },
  {
    label: 'entities, 南召县, type cooperative',
    scope: NANZHAO,
    url: '/api/entities?pageSize=20&type=cooperative',
    plain: plainEntities(NANZHAO, undefined, ['cooperative']),
  },
];

const out: string[] = [
  `| list | total answered | API p50 ms | API p95 ms | plain p50 ms | plain p95 ms |`,
  `| --- | --- | ---: | ---: | ---: | ---: |`,
];
for (const c of cases) {
  const first = await get(c.scope, c.url);
  const api = await time(() => get(c.scope, c.url));
  const plain = await time(c.plain);
  const total = `${first.total.value.toLocaleString('en-US')}${first.total.exact ? '' : '+'}`;
  out.push(
    `| ${c.label} | ${total} | ${fmt(api.p50)} | ${fmt(api.p95)} | ${fmt(plain.p50)} | ${fmt(plain.p95)} |`,
  );
  log(`${c.label} done`);
}

// Page 2,000 of the national list: walked there through `next`, then timed with its cursor.
log('walking to page 2,000…');
let page = await get(NATION, '/api/people?pageSize=20');
for (let p = 2; p < 2000; p++) {
  page = await get(
    NATION,
    `/api/people?pageSize=20&page=${p}&after=${encodeURIComponent(page.next!)}`,
  );
}
const deepUrl = `/api/people?pageSize=20&page=2000&after=${encodeURIComponent(page.next!)}`;
const [edge] = await rowsOf<{ updated: string; id: string }>(
  db,
  sql`SELECT updated_at::text AS updated, id::text AS id FROM people WHERE merged_into IS NULL
      ORDER BY updated_at DESC NULLS LAST, id DESC NULLS LAST OFFSET ${1999 * 20 - 1} LIMIT 1`,
);
const keysetWindow: PageWindow = {
  kind: 'after',
  after: { value: edge!.updated, id: edge!.id },
  limit: 21,
};
const offsetWindow: PageWindow = { kind: 'offset', offset: 1999 * 20, limit: 21 };
const deepApi = await time(() => get(NATION, deepUrl));
const deepPlain = await time(plainPeople(NATION, {}, keysetWindow));
const deepOffset = await time(plainPeople(NATION, {}, offsetWindow));
out.push(
  `| people, nation, page 2,000 (keyset) | — | ${fmt(deepApi.p50)} | ${fmt(deepApi.p95)} | ${fmt(deepPlain.p50)} | ${fmt(deepPlain.p95)} |`,
);
out.push(
  `| (the same page by OFFSET 39,980, plain) | — | — | — | ${fmt(deepOffset.p50)} | ${fmt(deepOffset.p95)} |`,
);

if (values.explain) {
  for (const [label, q] of [
    [
      'nation first page',
      sql`SELECT id FROM people WHERE merged_into IS NULL ORDER BY updated_at DESC NULLS LAST, id DESC NULLS LAST LIMIT 21`,
    ],
    [
      '河南 first page',
      sql`SELECT id FROM people WHERE merged_into IS NULL AND region_code LIKE '41%' ORDER BY updated_at DESC NULLS LAST, id DESC NULLS LAST LIMIT 21`,
    ],
    [
      '南召县 first page',
      sql`SELECT id FROM people WHERE merged_into IS NULL AND region_code LIKE '411321%' ORDER BY updated_at DESC NULLS LAST, id DESC NULLS LAST LIMIT 21`,
    ],
    [
      'nation search 张',
      sql`SELECT id FROM people WHERE merged_into IS NULL AND search_tokens @> ARRAY['张']::text[] ORDER BY updated_at DESC NULLS LAST, id DESC NULLS LAST LIMIT 21`,
    ],
    [
      'bounded count, nation status abroad',
      sql`SELECT count(*) FROM (SELECT 1 FROM people WHERE merged_into IS NULL AND status = 'abroad' LIMIT 10001) s`,
    ],
    [
      'entities search 种植',
      sql`SELECT id FROM entities WHERE merged_into IS NULL AND search_tokens @> ARRAY['种植']::text[] ORDER BY updated_at DESC NULLS LAST, id DESC NULLS LAST LIMIT 21`,
    ],
  ] as const) {
    const plan = await rowsOf<{ 'QUERY PLAN': string }>(
      db,
      sql`EXPLAIN (ANALYZE, BUFFERS OFF, COSTS OFF) ${q}`,
    );
    process.stdout.write(`\n-- ${label}\n${plan.map((r) => r['QUERY PLAN']).join('\n')}\n`);
  }
}

process.stdout.write(
  `\nLists on PostgreSQL, ${ledger.people.toLocaleString('en-US')} people and ${ledger.entities.toLocaleString('en-US')} entities, ${runs} runs each (API = GET through the application with session, contract, total and presenter; plain = the same page SELECT, no total):\n\n${out.join('\n')}\n`,
);
await app.close();
await database.close();
