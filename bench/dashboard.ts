/**
 * Dashboard bench on PostgreSQL: a region's whole dashboard (headline figures with targets, the
 * year's monthly trend, breakdowns by category, type and industry) read from the counters, next
 * to the same dashboard computed by a plain GROUP BY over the ledger, for the nation, a
 * province, two counties and a township; and the time from a write through the API to the
 * first dashboard read that shows it; and the counters' totals as the dashboards read them
 * (slots summed by subscript) beside the same sums done as they were (unnest, GROUP BY slot), for
 * a region and for the 31 provinces of a national ranking. Dashboards are built with the division tree in
 * memory, as the route builds them. The ledger is generated once into the database it shares
 * with bench/lists.ts (`fx_bench_ledger_<N>`) and kept for later runs.
 *
 *   npx tsx bench/dashboard.ts                          # 1 million people
 *   npx tsx bench/dashboard.ts --people 12000000        # the national figure (generated once)
 *   npx tsx bench/dashboard.ts --people 12000000 --baseline-runs 1   # one GROUP BY per region
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/dashboard.ts
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { deriveKeys } from '../src/server/platform/crypto/keys.js';
import { buildDashboard } from '../src/server/statistics/dashboards/assemble.js';
import type { DashboardT } from '../src/server/statistics/dashboards/contract.js';
import { mobileOf } from '../src/server/demo/synth-person.js';
import { makeIdNumber } from '../src/domain/identity/id-number.js';
import { ledgerSource } from '../src/server/statistics/stats/ledger-source.js';
import { findReportRegion } from '../src/server/statistics/stats/regions.js';
import { counterSource, counterTotals } from '../src/server/statistics/stats/repo.js';
import { rowsOf } from '../src/server/platform/db/rows.js';
import { type TotalsQuery } from '../src/server/statistics/stats/source.js';
import { SERIES_CODES } from '../src/domain/indicators/series.js';
import { RegionTree } from '../src/server/platform/regions/region-tree.js';
import { benchApp, ensureLedger, ledgerBenchName, openBenchDatabase } from './dashboard-setup.js';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '40' },
    // GROUP BY runs per region (default 3 for the nation and provinces, 8 below): one national
    // GROUP BY over 12 million people takes minutes.
    'baseline-runs': { type: 'string' },
  },
});
const people = Number(values.people);
const runs = Number(values.runs);
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const keys = deriveKeys(Buffer.alloc(32, 9).toString('base64'));
const YEAR = 2026;
const AS_OF = '2026-11-21';

const database = await openBenchDatabase(serverUrl, ledgerBenchName(people));
const log = (line: string) => process.stderr.write(`${line}\n`);
const ledger = await ensureLedger(database, keys, people, log);
const db = database.db;
const tree = new RegionTree(db);
await tree.reload();

const [town] = await rowsOf<{ code: string }>(
  db,
  sql`SELECT region_code AS code FROM people WHERE region_code LIKE '411321%' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
);
const targets: [string, string][] = [
  ['nation 全国', '000000000000'],
  ['province 河南省', '410000000000'],
  ['county 南召县', '411321000000'],
  ['county 奉节县', '500236000000'],
  ['township (南召县, largest)', town?.code ?? '411321100000'],
];

function quantile(ms: number[], q: number): number {
  const sorted = [...ms].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

async function time(
  n: number,
  f: () => Promise<unknown>,
  warm = true,
): Promise<{ p50: number; p95: number }> {
  if (warm) await f();
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await f();
    ms.push(performance.now() - t);
  }
  return { p50: quantile(ms, 0.5), p95: quantile(ms, 0.95) };
}

const fmt = (ms: number) => (ms < 10 ? ms.toFixed(1) : Math.round(ms).toLocaleString('en-US'));
const rows: string[] = [];
for (const [label, code] of targets) {
  const region = await findReportRegion(db, code);
  if (!region) throw new Error(`no region ${code}`);
  const fast = () => buildDashboard(db, counterSource(db), region, YEAR, AS_OF, tree);
  const slow = () => buildDashboard(db, ledgerSource(db), region, YEAR, AS_OF, tree);
  const same = JSON.stringify(await fast()) === JSON.stringify(await slow());
  const c = await time(runs, fast);
  // The GROUP BY already ran once for the comparison above: that run warmed it.
  const baselineRuns =
    values['baseline-runs'] !== undefined
      ? Number(values['baseline-runs'])
      : code.endsWith('0000000000')
        ? 3
        : 8;
  const g = await time(baselineRuns, slow, false);
  const [n] = await rowsOf<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM people WHERE region_code LIKE ${`${region.code.replace(/0+$/, '')}%`}`,
  );
  rows.push(
    `| ${label} | ${(n?.n ?? 0).toLocaleString('en-US')} | ${fmt(c.p50)} | ${fmt(c.p95)} | ${fmt(g.p50)} | ${fmt(g.p95)} | ${Math.round(g.p50 / c.p50).toLocaleString('en-US')}× | ${same ? 'yes' : 'NO'} |`,
  );
  log(`${label} done`);
}

// The counters' totals: slots summed by subscript (what counterTotals does) beside the sums done
// by SQL as they were before (unnest every row's slots, GROUP BY slot); the same figures.
const sqlTotals = (q: TotalsQuery) =>
  rowsOf<{ regionCode: string; source: string; slot: number; ytd: number; cumulative: number }>(
    db,
    sql`SELECT c.region_code AS "regionCode", c.source, u.slot::int AS slot,
          coalesce(sum(u.v) FILTER (WHERE c.month BETWEEN ${`${YEAR}-01`} AND ${q.to}), 0)::float8 AS ytd,
          sum(u.v)::float8 AS cumulative
        FROM stats.counters AS c CROSS JOIN LATERAL unnest(c.value) WITH ORDINALITY AS u(v, slot)
        WHERE c.source = ANY(${'{people,entities}'}::text[])
          AND c.region_code = ANY(${`{${q.regions.join(',')}}`}::bpchar[]) AND c.month <= ${q.to}
        GROUP BY 1, 2, 3`,
  );
const provinces = (
  await rowsOf<{ code: string }>(db, sql`SELECT code FROM regions WHERE level = 1 ORDER BY code`)
).map((r) => r.code);
const totalsRows: string[] = [];
for (const [label, codes] of [
  ['nation 全国', ['000000000000']],
  ['county 南召县', ['411321000000']],
  ['31 provinces (a national ranking)', provinces],
] as const) {
  const q: TotalsQuery = {
    regions: [...codes],
    series: [...SERIES_CODES],
    withDims: true,
    period: { from: `${YEAR}-01`, to: AS_OF.slice(0, 7) },
    year: YEAR,
    to: AS_OF.slice(0, 7),
  };
  const node = await counterTotals(db, q);
  const bySql = await sqlTotals(q);
  const sum = (xs: readonly { cumulative: number; ytd: number }[]) =>
    xs.reduce((a, x) => a + x.cumulative * 3 + x.ytd, 0);
  const same = sum(node) === sum(bySql);
  const a = await time(runs, () => counterTotals(db, q));
  const b = await time(runs, () => sqlTotals(q));
  totalsRows.push(
    `| ${label} | ${fmt(a.p50)} | ${fmt(a.p95)} | ${fmt(b.p50)} | ${fmt(b.p95)} | ${same ? 'yes' : 'NO'} |`,
  );
}

// A write through the API, then dashboard reads until the figure shows it.
const county = '411321000000';
const townCode = town?.code ?? '411321100000';
const { app, cookie, csrf } = await benchApp(database, keys, county);
const headers = { cookie, 'x-csrf-token': csrf };
const newEntrepreneurs = async () => {
  const res = await app.inject({
    method: 'GET',
    url: `/api/dashboards/${townCode}?year=${YEAR}`,
    headers,
  });
  return (
    res.json<DashboardT>().headline.find((h) => h.indicator === 'new_entrepreneurs')?.inPeriod ?? -1
  );
};
const visible: number[] = [];
const writes: number[] = [];
let lateReads = 0;
for (let i = 0; i < 20; i++) {
  const before = await newEntrepreneurs();
  const serial = Math.floor(Math.random() * 1e9);
  const day = 1 + (serial % 28);
  const t0 = performance.now();
  const res = await app.inject({
    method: 'POST',
    url: '/api/people',
    headers,
    payload: {
      name: '测试写入',
      idNumber: makeIdNumber(
        `4113211979${String(1 + (serial % 12)).padStart(2, '0')}${String(day).padStart(2, '0')}${String(serial % 1000).padStart(3, '0')}`,
      ),
      mobile: mobileOf(90_000_000 + (serial % 9_000_000)),
      hukouRegionCode: townCode,
      currentRegionCode: townCode,
      categories: ['migrant_worker'],
      education: 'senior',
      status: 'started',
    },
  });
  const t1 = performance.now();
  if (res.statusCode === 409) continue; // a random ID number already taken: try another
  if (res.statusCode !== 201) throw new Error(`write failed: ${res.statusCode} ${res.body}`);
  let shown = await newEntrepreneurs();
  while (shown !== before + 1) {
    lateReads++;
    shown = await newEntrepreneurs();
  }
  visible.push(performance.now() - t0);
  writes.push(t1 - t0);
}
await app.close();

console.log(
  `\nDashboard bench — PostgreSQL, ${ledger.people.toLocaleString('en-US')} people, ${ledger.entities.toLocaleString('en-US')} entities; ` +
    `a whole dashboard (${YEAR}, as of ${AS_OF}) per read; load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
);
console.log(
  '| region | people | counters p50 ms | p95 ms | GROUP BY p50 ms | p95 ms | ratio | same figures |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|:-:|');
for (const r of rows) console.log(r);
console.log(
  `\nWrite → first read that shows it (POST /api/people, then GET /api/dashboards/<township>): ` +
    `p50 ${fmt(quantile(visible, 0.5))} ms, p95 ${fmt(quantile(visible, 0.95))} ms ` +
    `(of which the write ${fmt(quantile(writes, 0.5))} ms); reads that did not show it yet: ${lateReads}.`,
);
console.log(
  `\nCounter totals of every series and dimension (${YEAR}, as of ${AS_OF}): slots summed by subscript, beside unnest + GROUP BY slot`,
);
console.log('| regions | by subscript p50 ms | p95 ms | unnest p50 ms | p95 ms | same figures |');
console.log('|---|---:|---:|---:|---:|:-:|');
for (const r of totalsRows) console.log(r);
await tree.close();
await database.close();
