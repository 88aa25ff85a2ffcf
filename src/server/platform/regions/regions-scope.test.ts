import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Agent,
  createTestApp,
  FENGJIE,
  NANYANG,
  type TestApp,
  TUXIANG,
  WUSHAN,
  XINGLONG,
} from '../../../test/harness.js';

interface Page {
  items: { code: string; name: string; hasChildren: boolean }[];
  total: number;
}

const NATION = '000000000000';
const CHONGQING = '500000000000';
const CHONGQING_COUNTIES = '500200000000';

let t: TestApp;
let township: Agent;
let twoTowns: Agent;
beforeAll(async () => {
  t = await createTestApp();
  await t.createUser({
    login: 'xinglong',
    grants: [{ role: 'township_officer', region: XINGLONG }],
  });
  await t.createUser({
    login: 'two',
    grants: [
      { role: 'township_officer', region: XINGLONG },
      { role: 'township_officer', region: TUXIANG },
    ],
  });
  township = await t.login('xinglong');
  twoTowns = await t.login('two');
});
afterAll(() => t.close());

async function json<T>(agent: Agent, url: string): Promise<T> {
  const res = await agent.get(url);
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json<T>();
}

describe('a township officer scoped to 兴隆镇', () => {
  it('reads 奉节县 above the scope, and its path', async () => {
    expect(await json(township, `/api/regions/${FENGJIE}`)).toMatchObject({
      name: '奉节县',
      hasChildren: true,
    });
    expect(await json(township, `/api/regions/${FENGJIE}/path`)).toMatchObject({
      pathName: '重庆市 / 奉节县',
    });
    expect(await json(township, `/api/regions/${XINGLONG}/path`)).toMatchObject({
      pathName: '重庆市 / 奉节县 / 兴隆镇',
    });
  });

  it('sees only the way down to 兴隆镇 among the children of its ancestors', async () => {
    const fengjie = await json<Page>(township, `/api/regions/${FENGJIE}/children`);
    expect(fengjie).toMatchObject({ total: 1, items: [{ code: XINGLONG, name: '兴隆镇' }] });
    const chongqing = await json<Page>(township, `/api/regions/${CHONGQING}/children`);
    expect(chongqing.items.map((r) => r.code)).toEqual([CHONGQING_COUNTIES]);
    const counties = await json<Page>(township, `/api/regions/${CHONGQING_COUNTIES}/children`);
    expect(counties.items.map((r) => r.code)).toEqual([FENGJIE]);
    const nation = await json<Page>(township, `/api/regions/${NATION}/children`);
    expect(nation.items.map((r) => r.code)).toEqual([CHONGQING]);
  });

  it('gets NOT_FOUND for a neighbouring town, another county and another province', async () => {
    for (const code of [TUXIANG, WUSHAN, NANYANG, '410000000000']) {
      for (const suffix of ['', '/children', '/path']) {
        const res = await township.get(`/api/regions/${code}${suffix}`);
        expect(res.statusCode, code + suffix).toBe(404);
        expect(res.json()).toMatchObject({
          code: 'NOT_FOUND',
          message: '记录不存在或不在您的管辖范围内',
        });
      }
    }
  });

  it('never finds a region outside the township', async () => {
    for (const q of ['fjx', 'fengjie', '奉节', '镇', '吐祥', '5002', 'x', '']) {
      const res = await json<Page>(township, `/api/regions?q=${encodeURIComponent(q)}`);
      expect(
        res.items.every((r) => r.code.startsWith('500236128')),
        q,
      ).toBe(true);
    }
    const all = await json<Page>(township, '/api/regions?pageSize=200');
    expect(all.items.map((r) => r.code)).toEqual([XINGLONG]);
    const elsewhere = await json<Page>(township, `/api/regions?within=${NANYANG}`);
    expect(elsewhere.total).toBe(0);
  });
});

describe('an officer scoped to two towns', () => {
  it('sees both among 奉节县 children and nothing else', async () => {
    const res = await json<Page>(twoTowns, `/api/regions/${FENGJIE}/children`);
    expect(res.items.map((r) => r.code)).toEqual([TUXIANG, XINGLONG].sort());
    expect(res.total).toBe(2);
    const found = await json<Page>(twoTowns, `/api/regions?q=${encodeURIComponent('镇')}`);
    expect(found.items.map((r) => r.code).sort()).toEqual([TUXIANG, XINGLONG].sort());
  });
});
