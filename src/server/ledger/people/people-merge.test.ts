import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp, WUSHAN } from '../../../test/harness.js';
import { loginOfficers } from '../../../test/officers.js';
import { personBody, seedEntity, seedPerson } from '../../../test/ledger-factories.js';
import { auditLog } from '../../platform/audit/table.js';

/** Merging duplicate people: links and consents move, both histories stay. */

let t: TestApp;
let officer: Agent;
let town: Agent;

beforeAll(async () => {
  t = await createTestApp({ provinces: ['50'] });
  [officer, town] = await loginOfficers(t, 'fj_officer', 'xl_officer');
});
afterAll(() => t.close());

async function create(name: string) {
  const res = await officer.post('/api/people', personBody({ name, skills: '合并测试' }));
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

describe('merging people', () => {
  it('moves links and consents to the survivor, hides the duplicate and keeps both histories', async () => {
    const survivor = await create('刘大山');
    const duplicate = await create('刘大珊');
    const shared = await seedEntity(t, { name: '大山茶叶合作社', type: 'cooperative' });
    const own = await seedEntity(t, { name: '大山民宿' });
    for (const [entity, person] of [
      [shared, survivor],
      [shared, duplicate],
      [own, duplicate],
    ] as const) {
      const r = await officer.post(`/api/entities/${entity}/links`, {
        personId: person,
        role: 'founder',
      });
      expect(r.statusCode, r.body).toBe(201);
    }
    await officer.post(`/api/people/${duplicate}/consents`, {
      purpose: 'contact',
      grantedTo: '兴隆镇政府',
    });
    await officer.patch(`/api/people/${duplicate}`, { monthsAway: 36, version: 1 });

    t.clock.advance(60_000);
    const res = await officer.post(`/api/people/${survivor}/merge`, {
      duplicateId: duplicate,
      version: 1,
    });
    expect(res.statusCode, res.body).toBe(200);
    const merged = res.json();
    expect(merged.version).toBe(2);
    expect(merged.entities.map((e: { name: string }) => e.name).sort()).toEqual([
      '大山民宿',
      '大山茶叶合作社',
    ]);
    expect(merged.consents).toHaveLength(1);
    expect(merged.consents[0]).toMatchObject({ purpose: 'contact', grantedTo: '兴隆镇政府' });

    const list = (await officer.get(`/api/people?q=${encodeURIComponent('合并测试')}`)).json();
    expect(list.items.map((p: { id: string }) => p.id)).toEqual([survivor]);
    const gone = await officer.get(`/api/people/${duplicate}`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json()).toMatchObject({ code: 'RECORD_MERGED', details: { mergedInto: survivor } });

    const timeline = (await officer.get(`/api/people/${survivor}/history`)).json();
    const entries = timeline.items.map((e: { objectId: string; action: string }) => [
      e.objectId === survivor ? 'survivor' : 'duplicate',
      e.action,
    ]);
    expect(entries).toEqual(
      expect.arrayContaining([
        ['survivor', 'merge_in'],
        ['duplicate', 'merged_away'],
        ['duplicate', 'update'],
        ['duplicate', 'consent'],
        ['duplicate', 'create'],
        ['survivor', 'create'],
      ]),
    );
    expect(timeline.items[0].context).toMatchObject({
      linksMoved: 1,
      linksDropped: 1,
      consentsMoved: 1,
    });

    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'person.merge'), eq(auditLog.objectId, survivor)));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.details).toMatchObject({ duplicateId: duplicate });
  });

  it('lets a new record take the merged-away ID number back', async () => {
    const keep = await seedPerson(t, { name: '重复甲' });
    const body = personBody({ name: '重复乙' });
    const dup = await seedPerson(t, body);
    const res = await officer.post(`/api/people/${keep}/merge`, { duplicateId: dup, version: 1 });
    expect(res.statusCode).toBe(200);
    expect((await officer.post('/api/people', body)).statusCode).toBe(201);
  });

  it('refuses merging a record with itself, a stale version and an already merged duplicate', async () => {
    const a = await seedPerson(t);
    const b = await seedPerson(t);
    expect(
      (await officer.post(`/api/people/${a}/merge`, { duplicateId: a, version: 1 })).json().code,
    ).toBe('MERGE_SELF');
    expect(
      (await officer.post(`/api/people/${a}/merge`, { duplicateId: b, version: 7 })).json().code,
    ).toBe('VERSION_CONFLICT');
    expect(
      (await officer.post(`/api/people/${a}/merge`, { duplicateId: b, version: 1 })).statusCode,
    ).toBe(200);
    const again = await officer.post(`/api/people/${a}/merge`, { duplicateId: b, version: 2 });
    expect(again.json().code).toBe('RECORD_MERGED');
  });

  it('refuses a merge reaching outside the actor scope', async () => {
    const mine = await seedPerson(t);
    const far = await seedPerson(t, {}, WUSHAN);
    const res = await town.post(`/api/people/${mine}/merge`, { duplicateId: far, version: 1 });
    expect(res.statusCode).toBe(404);
  });
});
