import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Agent,
  createTestApp,
  FENGJIE,
  type TestApp,
  TUXIANG,
  XINGLONG,
} from '../../../test/harness.js';
import { seedEntity, seedPerson } from '../../../test/ledger-factories.js';
import { auditLog } from '../../platform/audit/table.js';
import type { DashboardT } from './contract.js';

const text = (v: ExcelJS.CellValue): string => (typeof v === 'string' ? v : JSON.stringify(v));

/** A county's dashboard, ranking and quarterly report on a small ledger with known dates. */

let t: TestApp;
let office: Agent;
let cq: Agent;

async function at(day: string, f: () => Promise<unknown>) {
  t.clock.now = new Date(`${day}T02:00:00Z`);
  await f();
}

beforeAll(async () => {
  t = await createTestApp({ provinces: ['50'] });
  await at('2021-03-10', async () => {
    await seedPerson(t, { status: 'started', categories: ['migrant_worker'] });
    await seedPerson(t, { status: 'started', categories: ['graduate', 'veteran'] });
    await seedPerson(t, {
      status: 'started',
      hukouRegionCode: TUXIANG,
      currentRegionCode: TUXIANG,
    });
  });
  await at('2021-08-05', async () => {
    await seedPerson(t, { status: 'started' });
    await seedPerson(t, { status: 'abroad' });
  });
  t.clock.now = new Date('2026-11-21T02:00:00Z');
  await seedEntity(t, {
    foundedOn: '2021-04-01',
    jobsCreated: 10,
    jobsPoverty: 2,
    industryCode: '29',
  });
  await seedEntity(t, {
    foundedOn: '2020-06-01',
    jobsCreated: 5,
    jobsPoverty: 0,
    industryCode: '01',
    type: 'cooperative',
    regionCode: TUXIANG,
  });
  await seedEntity(t, {
    foundedOn: '2021-07-07',
    jobsCreated: 3,
    jobsPoverty: 0,
    regionCode: FENGJIE,
    isWorkshop: true,
  });
  await t.createUser({ login: 'fj_office', grants: [{ role: 'leading_office', region: FENGJIE }] });
  await t.createUser({
    login: 'cq_office',
    grants: [{ role: 'leading_office', region: '500000000000' }],
  });
  office = await t.login('fj_office');
  cq = await t.login('cq_office');
  await office.put(`/api/targets/${FENGJIE}/2021/new_entrepreneurs`, { value: 10 });
  await office.post(`/api/targets/${FENGJIE}/2021/new_entrepreneurs/split`, {
    children: [
      { regionCode: XINGLONG, value: 4 },
      { regionCode: TUXIANG, value: 2 },
    ],
  });
});
afterAll(() => t.close());

function headline(body: DashboardT, code: string) {
  return body.headline.find((h) => h.indicator === code);
}

describe('a county dashboard', () => {
  it('gives each indicator in the year and cumulatively, with target, progress and time elapsed', async () => {
    const res = await office.get(`/api/dashboards/${FENGJIE}?year=2021&asOf=2021-09-30`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d).toMatchObject({
      year: 2021,
      asOf: '2021-09-30',
      through: '2021-09',
      timeElapsedPct: 74.8,
      region: { name: '奉节县', level: 'county' },
    });
    expect(headline(d, 'new_entrepreneurs')).toMatchObject({
      inPeriod: 4,
      cumulative: 4,
      target: 10,
      progressPct: 40,
      behind: true,
      unitZh: '人',
    });
    expect(headline(d, 'talent_pool')).toMatchObject({ cumulative: 1, inPeriod: 1 });
    expect(headline(d, 'entities')).toMatchObject({ cumulative: 3, inPeriod: 2, actual: 3 });
    expect(headline(d, 'jobs_created')).toMatchObject({ cumulative: 18 });
    expect(headline(d, 'jobs_poverty')).toMatchObject({ cumulative: 2, partOf: 'jobs_created' });
    expect(headline(d, 'workshops')).toMatchObject({
      cumulative: 1,
      target: null,
      progressPct: null,
    });
  });

  it('trends flows month by month and stocks at each month end', async () => {
    const d = (
      await office.get(`/api/dashboards/${FENGJIE}?year=2021&asOf=2021-09-30`)
    ).json<DashboardT>();
    expect(d.trend.months).toEqual([
      '2021-01',
      '2021-02',
      '2021-03',
      '2021-04',
      '2021-05',
      '2021-06',
      '2021-07',
      '2021-08',
      '2021-09',
    ]);
    const series = (code: string) => d.trend.series.find((s) => s.indicator === code)?.values;
    expect(series('new_entrepreneurs')).toEqual([0, 0, 3, 0, 0, 0, 0, 1, 0]);
    expect(series('entities')).toEqual([1, 1, 1, 2, 2, 2, 3, 3, 3]);
  });

  it('counts up to the as-of month only', async () => {
    const june = (
      await office.get(`/api/dashboards/${FENGJIE}?year=2021&asOf=2021-06-30`)
    ).json<DashboardT>();
    expect(headline(june, 'new_entrepreneurs')).toMatchObject({ inPeriod: 3 });
    expect(headline(june, 'talent_pool')).toMatchObject({ cumulative: 0 });
    const y2020 = (await office.get(`/api/dashboards/${FENGJIE}?year=2020`)).json<DashboardT>();
    expect(y2020.timeElapsedPct).toBe(100);
    expect(headline(y2020, 'new_entrepreneurs')).toMatchObject({ inPeriod: 0 });
    expect(headline(y2020, 'entities')).toMatchObject({ cumulative: 1 });
  });

  it('breaks figures down by category (once per category), type and industry section', async () => {
    const d = (await office.get(`/api/dashboards/${FENGJIE}?year=2021`)).json<DashboardT>();
    const dim = (code: string) => d.breakdowns.find((b) => b.dimension === code)!;
    const cat = (code: string) => dim('category').rows.find((r) => r.code === code)?.values;
    expect(cat('migrant_worker')).toMatchObject({
      new_entrepreneurs: 3,
      entrepreneurs: 3,
      talent_pool: 1,
    });
    expect(cat('graduate')).toMatchObject({ new_entrepreneurs: 1 });
    expect(cat('veteran')).toMatchObject({ new_entrepreneurs: 1 });
    expect(
      dim('entity_type').rows.find((r: { code: string }) => r.code === 'cooperative')?.values
        .entities,
    ).toBe(1);
    expect(
      dim('industry_section')
        .rows.map((r: { code: string }) => r.code)
        .sort(),
    ).toEqual(['A', 'C']);
  });
});

describe('the ranking of the regions below', () => {
  it('ranks by the figure and sorts by progress, regions without a target last', async () => {
    const res = await office.get(
      `/api/dashboards/${FENGJIE}/children?indicator=new_entrepreneurs&year=2021&asOf=2021-12-31&sort=progress`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items;
    expect(items[0]).toMatchObject({
      regionCode: XINGLONG,
      rank: 1,
      actual: 3,
      target: 4,
      progressPct: 75,
      behind: true,
    });
    expect(items[1]).toMatchObject({
      regionCode: TUXIANG,
      rank: 2,
      actual: 1,
      target: 2,
      progressPct: 50,
    });
    expect(items[2].target).toBeNull();
    const asc = (
      await office.get(
        `/api/dashboards/${FENGJIE}/children?indicator=new_entrepreneurs&year=2021&sort=progress&order=asc`,
      )
    ).json().items;
    expect(asc[0].regionCode).toBe(TUXIANG);
  });

  it('lists 重庆市’s districts and counties, not its placeholder levels', async () => {
    const items = (
      await cq.get('/api/dashboards/500000000000/children?indicator=entities&year=2021')
    ).json().items;
    const codes = items.map((i: { regionCode: string }) => i.regionCode);
    expect(codes).toContain(FENGJIE);
    expect(codes).not.toContain('500200000000');
    expect(items[0]).toMatchObject({ regionCode: FENGJIE, rank: 1, cumulative: 3 });
  });
});

describe('the quarterly report', () => {
  it('exports the layout officials send up, with 本级 and 合计 rows, and audits it', async () => {
    const res = await office.get(`/api/dashboards/${FENGJIE}/export.xlsx?year=2021&quarter=3`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain(
      encodeURIComponent('奉节县返乡入乡创业工作进展情况统计表（2021年第三季度）'),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('奉节县返乡入乡创业工作进展情况统计表（2021年第三季度）');
    expect(text(ws.getCell('A2').value)).toContain('填报单位');
    expect(ws.getCell('A3').value).toBe('地区');
    expect(ws.getCell('B3').value).toBe('新增返乡创业（人）');
    expect([2, 3, 4, 5].map((c) => ws.getRow(4).getCell(c).value)).toEqual([
      '本季度',
      '累计',
      '目标',
      '完成率',
    ]);
    const row = (label: string) => {
      let found: ExcelJS.Row | undefined;
      ws.eachRow((r) => (r.getCell(1).value === label ? (found = r) : undefined));
      return found!;
    };
    expect([2, 3, 4, 5].map((c) => row('兴隆镇').getCell(c).value)).toEqual([1, 3, 4, 0.75]);
    expect(row('本级')).toBeDefined();
    expect([2, 3, 4, 5].map((c) => row('合计').getCell(c).value)).toEqual([1, 4, 10, 0.4]);
    let footer = '';
    ws.eachRow((r) =>
      text(r.getCell(1).value).startsWith('制表人') ? (footer = 'yes') : undefined,
    );
    expect(footer).toBe('yes');
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'dashboard.export'));
    expect(audits.map((a) => a.objectId)).toContain(FENGJIE);
  });
});
