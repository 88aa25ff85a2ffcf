import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, FENGJIE, type TestApp, XINGLONG } from '../../../test/harness.js';
import { seedEntity, seedPerson } from '../../../test/ledger-factories.js';
import { loginOfficers } from '../../../test/officers.js';
import type { Executor } from '../db/client.js';
import { regionPathNames } from './path-names.js';
import { RegionTree } from './region-tree.js';
import { regions } from './table.js';

/**
 * Lists name a page's regions from the division tree in memory and ask the database only for what
 * it does not hold (a village, or anything while the tree reloads). Runs on PGlite and on
 * PostgreSQL (TEST_DATABASE_URL).
 */

const VILLAGE = '500236128201';
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ provinces: ['50'] });
  await t.database.db.insert(regions).values({
    code: VILLAGE,
    parentCode: XINGLONG,
    level: 5,
    name: '石岭村',
    pinyin: 'shilingcun',
    initials: 'slc',
    pathName: '重庆市 / 奉节县 / 兴隆镇 / 石岭村',
  });
});

afterAll(async () => {
  await t.close();
});

/** A database that fails the test if the lookup reaches it. */
const unreachable = new Proxy(
  {},
  {
    get() {
      throw new Error('the database was asked for names the tree holds');
    },
  },
) as Executor;

describe('regionPathNames', () => {
  it('serves what the tree holds without asking the database', async () => {
    // The insert's change notice makes the tree reload; wait until it serves again.
    await expect.poll(() => t.deps.regionTree?.serving, { timeout: 10_000 }).toBe(true);
    const names = await regionPathNames({ db: unreachable, regionTree: t.deps.regionTree }, [
      FENGJIE,
      XINGLONG,
      null,
      XINGLONG,
    ]);
    expect(Object.fromEntries(names)).toEqual({
      [FENGJIE]: '重庆市 / 奉节县',
      [XINGLONG]: '重庆市 / 奉节县 / 兴隆镇',
    });
  });

  it('asks the database once for a village the tree does not hold', async () => {
    const names = await regionPathNames(t.deps, [XINGLONG, VILLAGE]);
    expect(names.get(VILLAGE)).toBe('重庆市 / 奉节县 / 兴隆镇 / 石岭村');
    expect(names.get(XINGLONG)).toBe('重庆市 / 奉节县 / 兴隆镇');
  });

  it('reads every name from the database while the tree is not loaded', async () => {
    const cold = new RegionTree(t.database.db);
    expect(cold.serving).toBe(false);
    const names = await regionPathNames({ db: t.database.db, regionTree: cold }, [
      XINGLONG,
      VILLAGE,
      '500236999999',
    ]);
    expect(Object.fromEntries(names)).toEqual({
      [XINGLONG]: '重庆市 / 奉节县 / 兴隆镇',
      [VILLAGE]: '重庆市 / 奉节县 / 兴隆镇 / 石岭村',
    });
  });
});

describe('lists', () => {
  it('show the full path of a ledger region held in memory and of a village beside it', async () => {
    await seedPerson(t, { name: '石岭人', hukouRegionCode: VILLAGE }, VILLAGE);
    await seedPerson(t, { name: '兴隆人' }, XINGLONG);
    await seedEntity(t, { name: '石岭种植场', regionCode: VILLAGE });
    const [county] = await loginOfficers(t, 'fj_officer');
    const people = (await county.get('/api/people?pageSize=50&sort=name')).json<{
      items: { name: string; ledgerRegionName: string; hukouRegionName: string | null }[];
    }>();
    const byName = new Map(people.items.map((p) => [p.name, p]));
    expect(byName.get('石岭人')).toMatchObject({
      ledgerRegionName: '重庆市 / 奉节县 / 兴隆镇 / 石岭村',
      hukouRegionName: '重庆市 / 奉节县 / 兴隆镇 / 石岭村',
    });
    expect(byName.get('兴隆人')?.ledgerRegionName).toBe('重庆市 / 奉节县 / 兴隆镇');
    const entities = (await county.get('/api/entities?q=石岭')).json<{
      items: { name: string; regionName: string }[];
    }>();
    expect(entities.items.map((e) => [e.name, e.regionName])).toEqual([
      ['石岭种植场', '重庆市 / 奉节县 / 兴隆镇 / 石岭村'],
    ]);
  });
});
