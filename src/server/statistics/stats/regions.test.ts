import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, FENGJIE, type TestApp, XINGLONG } from '../../../test/harness.js';
import { RegionTree } from '../../platform/regions/region-tree.js';
import { findReportRegion, reportChildren } from './regions.js';

/**
 * Report regions from the division tree in memory answer exactly what the database answers:
 * placeholders (市辖区, 县) skipped, code order, villages (not held) read from the database.
 */

let t: TestApp;
let tree: RegionTree;

beforeAll(async () => {
  t = await createTestApp({ provinces: ['50'] });
  tree = new RegionTree(t.database.db);
  await tree.reload();
});
afterAll(async () => {
  await tree.close();
  await t.close();
});

describe('report regions from memory', () => {
  it('serves children and regions as the database does, at every level', async () => {
    const db = t.database.db;
    expect(tree.serving).toBe(true);
    for (const code of ['000000000000', '500000000000', FENGJIE, XINGLONG]) {
      const fromDb = await reportChildren(db, code);
      // The test tree stops at townships; a township's villages come from the database anyway.
      if (code !== XINGLONG) expect(fromDb.length, code).toBeGreaterThan(0);
      expect(await reportChildren(db, code, tree), code).toEqual(fromDb);
      expect(await findReportRegion(db, code, tree), code).toEqual(
        await findReportRegion(db, code),
      );
    }
    const chongqing = (await reportChildren(db, '500000000000', tree)).map((r) => r.name);
    expect(chongqing).toContain('奉节县');
    expect(chongqing).not.toContain('县');
    expect(chongqing).not.toContain('市辖区');
    expect(await findReportRegion(db, '500236999999', tree)).toBeUndefined();
  });
});
