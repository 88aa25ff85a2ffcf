import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Agent,
  createTestApp,
  FENGJIE,
  NANYANG,
  type TestApp,
  XINGLONG,
} from '../../../test/harness.js';

interface Region {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  pathName: string;
  hasChildren: boolean;
}
interface Page {
  items: Region[];
  total: number;
  page: number;
  pageSize: number;
}

const CHONGQING = '500000000000';
const CHONGQING_COUNTIES = '500200000000';
/** 奉节县 has 33 townships and sub-districts in the package. */
const FENGJIE_TOWNSHIPS = 33;

let t: TestApp;
let county: Agent;
let nation: Agent;
beforeAll(async () => {
  t = await createTestApp();
  await t.createUser({ login: 'officer', grants: [{ role: 'county_officer', region: FENGJIE }] });
  await t.createUser({ login: 'office', grants: [{ role: 'leading_office' }] });
  await t.createUser({ login: 'nobody' });
  county = await t.login('officer');
  nation = await t.login('office');
});
afterAll(() => t.close());

async function page(agent: Agent, url: string): Promise<Page> {
  const res = await agent.get(url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Page>();
}

describe('GET /api/regions/:code', () => {
  it('returns one region with its level, parent, path name and children flag', async () => {
    const res = await county.get(`/api/regions/${FENGJIE}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      code: FENGJIE,
      name: '奉节县',
      level: 'county',
      parentCode: CHONGQING_COUNTIES,
      pathName: '重庆市 / 奉节县',
      hasChildren: true,
    });
  });

  it('reports a township without villages as having no children', async () => {
    const res = await county.get(`/api/regions/${XINGLONG}`);
    expect(res.json()).toMatchObject({ name: '兴隆镇', level: 'township', hasChildren: false });
  });

  it('answers NOT_FOUND for a well-formed code that does not exist', async () => {
    for (const suffix of ['', '/children', '/path']) {
      const res = await nation.get(`/api/regions/500236999000${suffix}`);
      expect(res.statusCode, suffix).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    }
  });
});

describe('GET /api/regions/:code/children', () => {
  it('pages the children in code order, each with hasChildren', async () => {
    const first = await page(county, `/api/regions/${FENGJIE}/children?pageSize=10`);
    expect(first).toMatchObject({ total: FENGJIE_TOWNSHIPS, page: 1, pageSize: 10 });
    expect(first.items).toHaveLength(10);
    const all = [...first.items];
    for (let p = 2; p <= 4; p++) {
      all.push(
        ...(await page(county, `/api/regions/${FENGJIE}/children?pageSize=10&page=${p}`)).items,
      );
    }
    expect(all).toHaveLength(FENGJIE_TOWNSHIPS);
    const codes = all.map((r) => r.code);
    expect(codes).toEqual([...new Set(codes)].sort());
    expect(codes).toContain(XINGLONG);
    expect(all.every((r) => r.parentCode === FENGJIE && r.level === 'township')).toBe(true);
    expect(all.every((r) => r.hasChildren === false)).toBe(true);
  });

  it('flags children that have children of their own', async () => {
    const res = await page(nation, `/api/regions/${CHONGQING}/children`);
    expect(res.items.map((r) => r.name)).toEqual(['市辖区', '县']);
    expect(res.items.every((r) => r.hasChildren)).toBe(true);
  });

  it('answers an empty page for a leaf and past the last page', async () => {
    expect(await page(county, `/api/regions/${XINGLONG}/children`)).toEqual({
      items: [],
      total: 0,
      page: 1,
      pageSize: 50,
    });
    const past = await page(county, `/api/regions/${FENGJIE}/children?page=9&pageSize=10`);
    expect(past).toMatchObject({ items: [], total: FENGJIE_TOWNSHIPS, page: 9 });
  });
});

describe('GET /api/regions/:code/path', () => {
  it('lists the ancestors root first without the nation and placeholders', async () => {
    const res = await county.get(`/api/regions/${XINGLONG}/path`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      code: XINGLONG,
      path: [
        { code: CHONGQING, name: '重庆市', level: 'province' },
        { code: FENGJIE, name: '奉节县', level: 'county' },
        { code: XINGLONG, name: '兴隆镇', level: 'township' },
      ],
      pathName: '重庆市 / 奉节县 / 兴隆镇',
    });
  });

  it('gives the nation an empty path', async () => {
    const res = await nation.get('/api/regions/000000000000/path');
    expect(res.json()).toEqual({ code: '000000000000', path: [], pathName: '' });
  });
});

describe('GET /api/regions (search)', () => {
  it('finds a Chinese name by part of it', async () => {
    const res = await page(county, `/api/regions?q=${encodeURIComponent('奉节')}`);
    expect(res.items[0]).toMatchObject({ code: FENGJIE, name: '奉节县' });
  });

  it('finds 奉节县 first by its initials, and by the start of its pinyin', async () => {
    const byInitials = await page(nation, '/api/regions?q=fjx');
    expect(byInitials.items[0]?.code).toBe(FENGJIE);
    const byPinyin = await page(nation, '/api/regions?q=FengJie');
    expect(byPinyin.items.map((r) => r.code)).toContain(FENGJIE);
    const spaced = await page(nation, `/api/regions?q=${encodeURIComponent('feng jie xian')}`);
    expect(spaced.items[0]?.code).toBe(FENGJIE);
  });

  it('ranks higher levels first and tells namesakes apart by their path', async () => {
    const res = await page(nation, `/api/regions?q=${encodeURIComponent('兴隆')}&pageSize=200`);
    expect(res.total).toBe(res.items.length);
    const order = ['nation', 'province', 'city', 'county', 'township', 'village'];
    const ranks = res.items.map((r) => order.indexOf(r.level));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const towns = res.items.filter((r) => r.name === '兴隆镇').map((r) => r.pathName);
    expect(towns).toContain('重庆市 / 奉节县 / 兴隆镇');
    expect(towns.some((p) => p.startsWith('河南省 / 南阳市'))).toBe(true);
    expect(new Set(towns).size).toBe(towns.length);
  });

  it('puts an exact name before partial matches', async () => {
    const res = await page(nation, `/api/regions?q=${encodeURIComponent('兴隆镇')}&pageSize=200`);
    const firstPartial = res.items.findIndex((r) => r.name !== '兴隆镇');
    const lastExact = res.items.map((r) => r.name).lastIndexOf('兴隆镇');
    if (firstPartial >= 0) expect(lastExact).toBeLessThan(firstPartial);
  });

  it('filters by level, by subtree and by code prefix', async () => {
    const counties = await page(nation, `/api/regions?level=county&within=${NANYANG}`);
    expect(counties.total).toBeGreaterThan(5);
    expect(counties.items.every((r) => r.level === 'county' && r.code.startsWith('4113'))).toBe(
      true,
    );
    const within = await page(
      nation,
      `/api/regions?q=${encodeURIComponent('兴隆镇')}&within=${FENGJIE}`,
    );
    expect(within.items.map((r) => r.code)).toEqual([XINGLONG]);
    const byCode = await page(nation, '/api/regions?q=500236128');
    expect(byCode.items.map((r) => r.code)).toEqual([XINGLONG]);
  });

  it('treats % and _ literally', async () => {
    expect((await page(nation, '/api/regions?q=%25')).total).toBe(0);
    expect((await page(nation, `/api/regions?q=${encodeURIComponent('兴_')}`)).total).toBe(0);
  });

  it('stays within the actor scope', async () => {
    const res = await page(county, `/api/regions?q=${encodeURIComponent('兴隆')}`);
    expect(res.items.length).toBeGreaterThan(0);
    expect(res.items.every((r) => r.code.startsWith('500236'))).toBe(true);
  });
});

describe('paging and validation', () => {
  it('defaults to page 1 of 50 and serves up to 200', async () => {
    expect(await page(nation, '/api/regions?level=county')).toMatchObject({
      page: 1,
      pageSize: 50,
    });
    const big = await page(nation, '/api/regions?level=county&pageSize=200');
    expect(big.items).toHaveLength(200);
    expect(big.total).toBeGreaterThan(200);
  });

  it('refuses page sizes and pages out of range', async () => {
    for (const qs of ['pageSize=0', 'pageSize=201', 'page=0', 'page=-1', 'page=x', 'page=1.5']) {
      const res = await nation.get(`/api/regions/${FENGJIE}/children?${qs}`);
      expect(res.statusCode, qs).toBe(400);
      expect(res.json().code).toBe('VALIDATION');
    }
  });

  it('refuses malformed codes with VALIDATION', async () => {
    for (const url of [
      '/api/regions/50023600000',
      '/api/regions/abc/children',
      '/api/regions/5002360000001/path',
      '/api/regions?within=5002',
      '/api/regions?level=town',
    ]) {
      const res = await nation.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().code).toBe('VALIDATION');
    }
  });
});

describe('access', () => {
  const urls = [
    `/api/regions/${FENGJIE}`,
    `/api/regions/${FENGJIE}/children`,
    `/api/regions/${FENGJIE}/path`,
    '/api/regions?q=fjx',
  ];

  it('refuses the unauthenticated', async () => {
    for (const url of urls) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(401);
      expect(res.json().code).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses a user without region.read', async () => {
    const agent = await t.login('nobody');
    for (const url of urls) {
      const res = await agent.get(url);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
  });

  it('documents the routes in OpenAPI', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json<{ paths: Record<string, unknown> }>().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/regions',
        '/api/regions/{code}',
        '/api/regions/{code}/children',
        '/api/regions/{code}/path',
      ]),
    );
  });
});
