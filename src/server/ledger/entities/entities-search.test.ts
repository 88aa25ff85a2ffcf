import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp, XINGLONG } from '../../../test/harness.js';
import { loginOfficers } from '../../../test/officers.js';
import { creditCodeFor, seedEntity } from '../../../test/ledger-factories.js';

/**
 * Chinese text search, filters, sorting and paging of market entities. Expectations are exact,
 * ordered lists, so PGlite and PostgreSQL (TEST_DATABASE_URL) must answer identically.
 */

let t: TestApp;
let officer: Agent;
let park: string;
const code = creditCodeFor();

beforeAll(async () => {
  t = await createTestApp({ provinces: ['50'] });
  [officer] = await loginOfficers(t, 'fj_officer');
  park = await t.createOrg('兴隆镇返乡创业园', 'park', XINGLONG);
  const rows = [
    {
      name: '兴隆镇农业用品加工厂',
      products: '遮阳网、防虫网加工',
      industryCode: '29',
      jobsCreated: 35,
      jobsPoverty: 12,
      annualRevenueWan: 860.5,
      foundedOn: '2021-06-18',
      isWorkshop: true,
      parkOrgId: park,
      creditCode: code,
    },
    {
      name: '奉节脐橙电商',
      products: '脐橙网络销售',
      industryCode: '51',
      jobsCreated: 8,
      jobsPoverty: 0,
      annualRevenueWan: 2600,
      foundedOn: '2019-03-01',
      isEcommerce: true,
    },
    {
      name: '吐祥遮阳棚安装部',
      type: 'individual',
      products: '阳台遮阳棚安装',
      industryCode: 'E',
      jobsCreated: 3,
      jobsPoverty: 1,
      annualRevenueWan: null,
      foundedOn: '2023-11-11',
    },
    {
      name: '阳光家庭农场',
      type: 'family_farm',
      products: '太阳能 网络 遮光',
      industryCode: 'A',
      jobsCreated: 20,
      jobsPoverty: 5,
      annualRevenueWan: 120,
      foundedOn: '2020-01-15',
    },
  ] as const;
  for (const r of rows) {
    t.clock.advance(60_000);
    await seedEntity(t, { ...r });
  }
});
afterAll(() => t.close());

async function names(query: string): Promise<string[]> {
  const res = await officer.get(`/api/entities?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: { name: string }[] }>().items.map((e) => e.name);
}
const q = (text: string) => `q=${encodeURIComponent(text)}&sort=name`;

describe('searching entities', () => {
  it('finds 遮阳 in products and names, and not 遮 and 阳 apart', async () => {
    expect(await names(q('遮阳'))).toEqual(['兴隆镇农业用品加工厂', '吐祥遮阳棚安装部']);
    expect(await names(q('遮阳网'))).toEqual(['兴隆镇农业用品加工厂']);
    expect(await names(q('脐橙'))).toEqual(['奉节脐橙电商']);
  });

  it('finds an entity by its exact credit code, typed in lower case', async () => {
    expect(await names(`q=${code.toLowerCase()}`)).toEqual(['兴隆镇农业用品加工厂']);
  });
});

describe('filtering entities', () => {
  it('filters by industry section (with its divisions) or division', async () => {
    expect(await names('industry=C&sort=name')).toEqual(['兴隆镇农业用品加工厂']);
    expect(await names('industry=29')).toEqual(['兴隆镇农业用品加工厂']);
    expect(await names('industry=f&sort=name')).toEqual(['奉节脐橙电商']);
  });

  it('filters by flags, type, park and founding dates', async () => {
    expect(await names('aboveScale=true')).toEqual(['奉节脐橙电商']);
    expect(await names('aboveScale=false&sort=name')).toHaveLength(3);
    expect(await names('isWorkshop=true')).toEqual(['兴隆镇农业用品加工厂']);
    expect(await names('isEcommerce=1')).toEqual(['奉节脐橙电商']);
    expect(await names('type=individual,family_farm&sort=name')).toEqual([
      '吐祥遮阳棚安装部',
      '阳光家庭农场',
    ]);
    expect(await names(`parkOrgId=${park}`)).toEqual(['兴隆镇农业用品加工厂']);
    expect(await names('foundedFrom=2020-01-01&foundedTo=2021-12-31&sort=foundedOn')).toEqual([
      '阳光家庭农场',
      '兴隆镇农业用品加工厂',
    ]);
  });

  it('refuses an unknown industry code with its reason', async () => {
    const res = await officer.get('/api/entities?industry=99');
    expect(res.statusCode).toBe(400);
    expect(res.json().details.issues[0]).toMatchObject({ code: 'INDUSTRY_CODE_UNKNOWN' });
  });
});

describe('sorting and paging entities', () => {
  it('sorts by jobs, revenue (unknown last) and founding date', async () => {
    expect(await names('sort=jobsCreated&order=desc')).toEqual([
      '兴隆镇农业用品加工厂',
      '阳光家庭农场',
      '奉节脐橙电商',
      '吐祥遮阳棚安装部',
    ]);
    expect(await names('sort=annualRevenueWan&order=desc')).toEqual([
      '奉节脐橙电商',
      '兴隆镇农业用品加工厂',
      '阳光家庭农场',
      '吐祥遮阳棚安装部',
    ]);
    expect(await names('sort=foundedOn')).toEqual([
      '奉节脐橙电商',
      '阳光家庭农场',
      '兴隆镇农业用品加工厂',
      '吐祥遮阳棚安装部',
    ]);
  });

  it('pages the newest first by default with the total', async () => {
    const first = (await officer.get('/api/entities?pageSize=3')).json();
    expect(first).toMatchObject({ total: { value: 4, exact: true }, page: 1, pageSize: 3 });
    expect(first.items.map((e: { name: string }) => e.name)).toEqual([
      '阳光家庭农场',
      '吐祥遮阳棚安装部',
      '奉节脐橙电商',
    ]);
    const second = (await officer.get('/api/entities?pageSize=3&page=2')).json();
    expect(second.items.map((e: { name: string }) => e.name)).toEqual(['兴隆镇农业用品加工厂']);
  });
});
