import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp, WUSHAN } from '../../../test/harness.js';
import { loginOfficers } from '../../../test/officers.js';
import { entityBody, seedEntity, seedPerson } from '../../../test/ledger-factories.js';

/** History and merging of market entities. */

let t: TestApp;
let officer: Agent;
let town: Agent;

beforeAll(async () => {
  t = await createTestApp({ provinces: ['50'] });
  [officer, town] = await loginOfficers(t, 'fj_officer', 'xl_officer');
});
afterAll(() => t.close());

describe('entity history', () => {
  it('records a create and two updates with each field from → to, 规上 included', async () => {
    const e = (await officer.post('/api/entities', entityBody({ annualRevenueWan: 1500 }))).json();
    await officer.patch(`/api/entities/${e.id}`, { annualRevenueWan: 2100.25, version: 1 });
    await officer.patch(`/api/entities/${e.id}`, {
      isWorkshop: true,
      products: '遮阳网',
      version: 2,
    });
    const h = (await officer.get(`/api/entities/${e.id}/history`)).json();
    expect(h.total).toBe(3);
    expect(h.items.map((x: { action: string }) => x.action)).toEqual([
      'update',
      'update',
      'create',
    ]);
    expect(h.items[1].changes).toEqual([
      { field: 'annualRevenueWan', from: 1500, to: 2100.25 },
      { field: 'aboveScale', from: false, to: true },
    ]);
    expect(h.items[0].changes).toEqual([
      { field: 'isWorkshop', from: false, to: true },
      { field: 'products', from: '农副产品', to: '遮阳网' },
    ]);
    expect((await officer.get(`/api/entities/${e.id}`)).json()).toMatchObject({
      aboveScale: true,
      version: 3,
    });
  });
});

describe('merging entities', () => {
  it('moves links to the survivor, hides the duplicate and keeps both histories', async () => {
    const a = await seedPerson(t, { name: '合并甲' });
    const b = await seedPerson(t, { name: '合并乙' });
    const survivor = await seedEntity(t, {
      name: '兴隆柑橘合作社',
      products: '合并测试',
      links: [{ personId: a, role: 'founder' }],
    });
    const duplicate = await seedEntity(t, {
      name: '兴隆柑橘专业合作社',
      products: '合并测试',
      links: [
        { personId: a, role: 'founder' },
        { personId: b, role: 'core_member' },
      ],
    });
    const res = await officer.post(`/api/entities/${survivor}/merge`, {
      duplicateId: duplicate,
      version: 1,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(
      res
        .json()
        .links.map((l: { name: string; role: string }) => `${l.name} ${l.role}`)
        .sort(),
    ).toEqual(['合并乙 core_member', '合并甲 founder']);
    const list = (await officer.get(`/api/entities?q=${encodeURIComponent('合并测试')}`)).json();
    expect(list.items.map((e: { id: string }) => e.id)).toEqual([survivor]);
    expect((await officer.get(`/api/entities/${duplicate}`)).json()).toMatchObject({
      code: 'RECORD_MERGED',
      details: { mergedInto: survivor },
    });
    const h = (await officer.get(`/api/entities/${survivor}/history`)).json();
    expect(
      h.items.map(
        (x: { objectId: string; action: string }) =>
          `${x.objectId === survivor ? 's' : 'd'} ${x.action}`,
      ),
    ).toEqual(['s merge_in', 'd merged_away', 'd create', 's create']);
    expect(h.items[0].context).toMatchObject({ linksMoved: 1, linksDropped: 1 });
    const person = (await officer.get(`/api/people/${b}`)).json();
    expect(person.entities.map((e: { entityId: string }) => e.entityId)).toEqual([survivor]);
  });

  it('lets a new entity take the merged-away credit code back', async () => {
    const keep = await seedEntity(t);
    const body = entityBody();
    const dup = await seedEntity(t, body);
    expect(
      (await officer.post(`/api/entities/${keep}/merge`, { duplicateId: dup, version: 1 }))
        .statusCode,
    ).toBe(200);
    expect((await officer.post('/api/entities', body)).statusCode).toBe(201);
  });

  it('refuses a merge with an entity outside the actor scope', async () => {
    const mine = await seedEntity(t);
    const far = await seedEntity(t, { regionCode: WUSHAN });
    const res = await town.post(`/api/entities/${mine}/merge`, { duplicateId: far, version: 1 });
    expect(res.statusCode).toBe(404);
    expect(
      (await town.post(`/api/entities/${mine}/merge`, { duplicateId: mine, version: 1 })).json()
        .code,
    ).toBe('MERGE_SELF');
  });
});
