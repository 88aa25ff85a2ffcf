import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Agent,
  createTestApp,
  FENGJIE,
  type TestApp,
  XINGLONG,
} from '../../../test/harness.js';
import {
  creditCodeFor,
  idNumberFor,
  mobileFor,
  personBody,
  seedPerson,
} from '../../../test/ledger-factories.js';
import { confirmFirst, registerEntrepreneur } from '../../portal/accounts/portal-test-kit.js';
import { users } from '../../access/users/table.js';
import { writeHistory } from './service.js';

let t: TestApp;
let officer: Agent;
beforeAll(async () => {
  t = await createTestApp({ provinces: ['50'] });
  await t.createUser({
    login: 'fj_officer',
    grants: [{ role: 'county_officer', region: FENGJIE }],
  });
  await t.database.db
    .update(users)
    .set({ displayName: '张建华' })
    .where(eq(users.login, 'fj_officer'));
  officer = await t.login('fj_officer');
});
afterAll(() => t.close());

interface Entry {
  action: string;
  actorLogin: string | null;
  actor: { kind: string; label: string; labelEn: string };
  changes: { field: string; from: unknown; to: unknown }[];
}

async function timeline(kind: 'people' | 'entities', id: string): Promise<Entry[]> {
  const res = await officer.get(`/api/${kind}/${id}/history`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as Entry[];
}

describe('who made a change', () => {
  it('names an official by display name and role, not by login', async () => {
    const res = await officer.post('/api/people', personBody({ name: '王小明' }));
    expect(res.statusCode, res.body).toBe(201);
    const [entry] = await timeline('people', res.json().id);
    expect(entry).toMatchObject({
      action: 'create',
      actorLogin: 'fj_officer',
      actor: {
        kind: 'user',
        label: '张建华（县级服务专员）',
        labelEn: '张建华 (County service officer)',
      },
    });
  });

  it('names the demo loader as 系统（演示数据）', async () => {
    const id = await seedPerson(t, { name: '刘德明' });
    await writeHistory(
      t.database.db,
      { actorId: null, actorLogin: 'system:demo', now: new Date() },
      [
        {
          objectType: 'person',
          objectId: id,
          action: 'update',
          changes: [{ field: 'skills', from: '', to: '养蜂' }],
        },
      ],
    );
    const [entry] = await timeline('people', id);
    expect(entry?.actor).toEqual({
      kind: 'system',
      label: '系统（演示数据）',
      labelEn: 'System (demo data)',
    });
  });

  it('names a portal registrant as 创业者 with the name masked, and the enterprise they linked', async () => {
    const mobile = mobileFor();
    const me = await registerEntrepreneur(t, mobile);
    const profile = await me.put('/api/portal/profile', {
      name: '孙丽华',
      idNumber: idNumberFor({ birth: '19900520', sex: 'F' }),
      hukouRegionCode: XINGLONG,
      currentRegionCode: XINGLONG,
      categories: ['migrant_worker'],
      status: 'returned',
      returnDate: '2024-03-01',
      education: 'senior',
    });
    expect(profile.statusCode, profile.body).toBe(200);
    await confirmFirst(officer, mobile); // a first registration waits for the township officer
    const enterprise = await me.put('/api/portal/enterprise', {
      name: '奉节县兴隆镇丽华脐橙合作社',
      creditCode: creditCodeFor(),
      type: 'cooperative',
      industryCode: '01',
      regionCode: XINGLONG,
      foundedOn: '2024-06-18',
    });
    expect(enterprise.statusCode, enterprise.body).toBe(200);
    await confirmFirst(officer, mobile);
    const personId = (await me.get('/api/portal/profile')).json().profile.personId as string;
    const entries = await timeline('people', personId);
    expect(entries.map((e) => e.actor.label)).toEqual(entries.map(() => '创业者 孙**'));
    expect(entries[0]?.actor).toMatchObject({ kind: 'entrepreneur', labelEn: 'Entrepreneur 孙**' });
    const link = entries.find((e) => e.changes.some((c) => c.field === 'entities'));
    expect(link?.changes.find((c) => c.field === 'entities')?.to).toMatchObject({
      entityName: '奉节县兴隆镇丽华脐橙合作社',
    });
  });
});
