import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCreditCode } from '../../domain/identity/credit-code.js';
import { parseIdNumber } from '../../domain/identity/id-number.js';
import { parseMobile } from '../../domain/identity/phone.js';
import {
  type Agent,
  createTestApp,
  FENGJIE,
  NANYANG,
  type TestApp,
  XINGLONG,
} from '../../test/harness.js';
import { unseal } from '../ledger/people/sealed.js';
import { rowsOf } from '../platform/db/rows.js';
import { verifyCounters } from '../statistics/stats/verify.js';
import { loadDemoStory, type StoryLoadResult } from './load-story.js';
import type { DashboardT } from '../statistics/dashboards/contract.js';
import { seedDemoFoundation } from './seed-foundation.js';

/**
 * `demo load`: the seed documents' story on real places, valid to the last check digit, counted
 * by the triggers as it goes in, and shown by the dashboards with its targets and progress.
 */

let t: TestApp;
let first: StoryLoadResult;
let ny: Agent;
let fj: Agent;

beforeAll(async () => {
  t = await createTestApp({ provinces: ['50', '41'] });
  await seedDemoFoundation(t.database.db, t.deps.keys, t.clock.read(), t.deps.auditKeys.chain);
  first = await loadDemoStory(t.database.db, t.deps.keys, t.clock.read(), t.deps.auditKeys.chain);
  await t.createUser({ login: 'ny', grants: [{ role: 'leading_office', region: NANYANG }] });
  await t.createUser({ login: 'fj', grants: [{ role: 'county_officer', region: FENGJIE }] });
  await t.createUser({ login: 'xl', grants: [{ role: 'township_officer', region: XINGLONG }] });
  ny = await t.login('ny');
  fj = await t.login('fj');
}, 600_000);
afterAll(() => t.close());

const q = <T>(query: ReturnType<typeof sql>) => rowsOf<T>(t.database.db, query);

describe('demo load', () => {
  it('loads thousands of people and entities once; a second run changes nothing', async () => {
    expect(first).toMatchObject({ loaded: true });
    expect(first.people).toBeGreaterThan(20_000);
    expect(first.entities).toBeGreaterThan(15_000);
    expect(first.links).toBeGreaterThan(15_000);
    const again = await loadDemoStory(
      t.database.db,
      t.deps.keys,
      t.clock.read(),
      t.deps.auditKeys.chain,
    );
    expect(again).toMatchObject({ loaded: false, people: 0 });
    const [n] = await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM people`);
    expect(n?.n).toBe(first.people);
    // Nothing is entered into the ledger later than the load itself.
    const at = t.clock.read().toISOString();
    const [future] = await q<{ n: number }>(
      sql`SELECT (SELECT count(*) FROM people WHERE created_at > ${at}::timestamptz)::int
        + (SELECT count(*) FROM entities WHERE created_at > ${at}::timestamptz)::int AS n`,
    );
    expect(future?.n).toBe(0);
  });

  it('gives every demo record an import entry with the fields it was created with', async () => {
    type Page = { items: { id: string }[] };
    type History = { items: { action: string; changes: { field: string; to: unknown }[] }[] };
    const person = (await fj.get('/api/people?pageSize=1')).json<Page>().items[0];
    // An entity with a founder (the demo also files workshops and shops without one).
    const entities = (await fj.get('/api/entities?pageSize=50')).json<Page>().items;
    let entity: { id: string } | undefined;
    for (const e of entities) {
      const links = (await fj.get(`/api/entities/${e.id}`)).json<{ links: unknown[] }>().links;
      if (links.length > 0) {
        entity = e;
        break;
      }
    }
    expect(person && entity).toBeTruthy();
    const ph = (await fj.get(`/api/people/${person!.id}/history`)).json<History>();
    const pe = ph.items.find((e) => e.action === 'import');
    expect(pe?.changes.map((c) => c.field)).toEqual(expect.arrayContaining(['name', 'idNumber']));
    expect(String(pe?.changes.find((c) => c.field === 'idNumber')?.to)).toMatch(/\*{8}/);
    const eh = (await fj.get(`/api/entities/${entity!.id}/history`)).json<History>();
    const ee = eh.items.find((e) => e.action === 'import');
    expect(ee?.changes.map((c) => c.field)).toEqual(
      expect.arrayContaining(['name', 'creditCode', 'links']),
    );
  });

  it('writes valid ID numbers, phones and credit codes; 奉节 natives born before 1997 carry 512226', async () => {
    const people = await q<{ enc: string; phone: string; region: string }>(
      sql`SELECT id_number_enc AS enc, phone_enc AS phone, region_code AS region FROM people ORDER BY id LIMIT 400`,
    );
    for (const p of people) {
      const id = unseal(t.deps.keys, p.enc);
      expect(parseIdNumber(id).ok, id).toBe(true);
      expect(parseMobile(unseal(t.deps.keys, p.phone)).ok).toBe(true);
    }
    const fjPeople = await q<{ enc: string; birth: string }>(
      sql`SELECT id_number_enc AS enc, birth_date::text AS birth FROM people WHERE region_code LIKE '500236%' LIMIT 300`,
    );
    for (const p of fjPeople)
      expect(unseal(t.deps.keys, p.enc).slice(0, 6)).toBe(p.birth < '1997' ? '512226' : '500236');
    const codes = await q<{ code: string; region: string }>(
      sql`SELECT credit_code AS code, region_code AS region FROM entities LIMIT 500`,
    );
    for (const c of codes) {
      const parsed = parseCreditCode(c.code);
      expect(parsed.ok && parsed.value.checksumValid, c.code).toBe(true);
      expect(c.code.slice(2, 8)).toBe(c.region.slice(0, 6));
    }
  });

  it('tells 奉节’s park story: "1+7" parks with tenants, workshops and 规上 enterprises', async () => {
    const [fjStats] = await q<{
      ws: number;
      ab: number;
      parks: number;
      jobs: number;
      n: number;
    }>(sql`
      SELECT count(*) FILTER (WHERE is_workshop)::int AS ws, count(*) FILTER (WHERE above_scale)::int AS ab,
        count(DISTINCT park_org_id)::int AS parks, sum(jobs_created)::int AS jobs, count(*)::int AS n
      FROM entities WHERE region_code LIKE '500236%'`);
    expect(fjStats).toMatchObject({ ws: 76, ab: 14, parks: 8 });
    expect(fjStats!.jobs / fjStats!.n).toBeGreaterThan(5);
    expect(fjStats!.jobs / fjStats!.n).toBeLessThan(9);
  });

  it('leaves counters that match a recount', async () => {
    expect((await verifyCounters(t.database.db)).differences).toBe(0);
  }, 120_000);
});

describe('the story on the dashboards', () => {
  it('南阳市 2021: new entrepreneurs against 11,200, with time elapsed at the third quarter', async () => {
    const d = (await ny.get(`/api/dashboards/${NANYANG}?year=2021&asOf=2021-09-30`)).json();
    const h = d.headline.find((x: { indicator: string }) => x.indicator === 'new_entrepreneurs');
    expect(h.target).toBe(11_200);
    expect(h.actual).toBeGreaterThan(7_500);
    expect(h.progressPct).toBeGreaterThan(65);
    expect(h.progressPct).toBeLessThan(85);
    expect(d.timeElapsedPct).toBe(74.8);
    const year = (await ny.get(`/api/dashboards/${NANYANG}?year=2021`)).json();
    expect(year.headline[0].progressPct).toBeGreaterThan(95);
  });

  it('南阳市 ranks its counties on progress, some ahead and some behind', async () => {
    const r = (
      await ny.get(
        `/api/dashboards/${NANYANG}/children?indicator=new_entrepreneurs&year=2021&asOf=2021-09-30&sort=progress`,
      )
    ).json();
    const counties = r.items.filter((i: { target: number | null }) => i.target !== null);
    expect(counties).toHaveLength(13);
    expect(counties.some((c: { behind: boolean }) => c.behind)).toBe(true);
    expect(counties.some((c: { behind: boolean }) => !c.behind)).toBe(true);
    expect(counties[counties.length - 1].regionName).toBe('桐柏县');
  });

  it('奉节县 2025: workshops, 规上 and jobs against the park plan', async () => {
    const d = (await fj.get(`/api/dashboards/${FENGJIE}?year=2025`)).json<DashboardT>();
    const h = (code: string) => d.headline.find((x) => x.indicator === code)!;
    expect(h('workshops')).toMatchObject({ target: 80, actual: 76, progressPct: 95 });
    expect(h('above_scale')).toMatchObject({ target: 15, actual: 14, progressPct: 93.3 });
    expect(h('jobs_created').target).toBe(20_000);
    expect(h('jobs_created').progressPct).toBeGreaterThan(85);
    const targets = (await fj.get(`/api/targets?region=${FENGJIE}&year=2025`)).json();
    const ws = targets.items.find((i: { indicator: string }) => i.indicator === 'workshops');
    expect(ws.children.find((c: { regionCode: string }) => c.regionCode === XINGLONG).target).toBe(
      10,
    );
    expect(ws.unallocated).toBe(6);
  });

  it('keeps each office to its own region', async () => {
    expect((await fj.get(`/api/dashboards/${NANYANG}?year=2021`)).statusCode).toBe(404);
    expect((await ny.get(`/api/dashboards/${FENGJIE}?year=2025`)).statusCode).toBe(404);
    const xl = await t.login('xl');
    expect((await xl.get(`/api/dashboards/${XINGLONG}?year=2025`)).statusCode).toBe(200);
    expect((await xl.get(`/api/dashboards/${FENGJIE}?year=2025`)).statusCode).toBe(404);
  });

  it('exports 南阳市’s third-quarter report', async () => {
    const res = await ny.get(`/api/dashboards/${NANYANG}/export.xlsx?year=2021&quarter=3`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('南阳市返乡入乡创业工作进展情况统计表（2021年第三季度）');
    const labels: string[] = [];
    ws.eachRow((r) =>
      labels.push(typeof r.getCell(1).value === 'string' ? (r.getCell(1).value as string) : ''),
    );
    expect(labels).toContain('邓州市');
    expect(labels).toContain('合计');
    let total: ExcelJS.Row | undefined;
    ws.eachRow((r) => (r.getCell(1).value === '合计' ? (total = r) : undefined));
    expect(total!.getCell(4).value).toBe(11_200);
  });
});
