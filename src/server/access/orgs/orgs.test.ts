import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Agent,
  createTestApp,
  FENGJIE,
  NANYANG,
  type TestApp,
  XINGLONG,
} from '../../../test/harness.js';
import { auditLog } from '../../platform/audit/table.js';

let t: TestApp;
let admin: Agent;
let nyOrg: string;
let fjOrg: string;

async function audited(action: string, objectId: string): Promise<boolean> {
  const rows = await t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.objectId, objectId)));
  return rows.some((r) => r.result === 'success');
}

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser({
    login: 'fj_sys',
    grants: [{ role: 'sys_admin', region: FENGJIE }],
    totp: true,
  });
  await t.createUser({ login: 'officer', grants: [{ role: 'county_officer', region: FENGJIE }] });
  await t.createUser({ login: 'nobody', region: FENGJIE });
  fjOrg = await t.createOrg('奉节县财政局', 'department', FENGJIE);
  nyOrg = await t.createOrg('南阳市财政局', 'department', NANYANG);
  await t.createOrg('兴隆镇返乡创业园', 'park', XINGLONG);
  admin = await t.login('fj_sys');
});
afterAll(() => t.close());

describe('organisations', () => {
  it('refuses every route without a session', async () => {
    const urls: [string, string][] = [
      ['GET', '/api/orgs'],
      ['GET', '/api/org-types'],
      ['GET', `/api/orgs/${fjOrg}`],
      ['POST', '/api/orgs'],
      ['PATCH', `/api/orgs/${fjOrg}`],
    ];
    for (const [method, url] of urls) {
      const res = await t.app.inject({
        method: method as 'GET',
        url,
        payload: method === 'GET' ? undefined : {},
      });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('refuses a user without org.read', async () => {
    const res = await (await t.login('nobody')).get('/api/orgs');
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
  });

  it('lists only organisations inside the actor scope, filtered and paged', async () => {
    const res = await admin.get('/api/orgs?pageSize=1');
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(page.items).toHaveLength(1);
    const all = (await admin.get('/api/orgs')).json().items.map((o: { name: string }) => o.name);
    expect(all).not.toContain('南阳市财政局');
    const parks = (await admin.get('/api/orgs?type=park')).json();
    expect(parks.items.map((o: { name: string }) => o.name)).toEqual(['兴隆镇返乡创业园']);
    expect(parks.items[0]).toMatchObject({ typeNameZh: '园区/孵化基地', regionCode: XINGLONG });
    const q = (await admin.get(`/api/orgs?q=${encodeURIComponent('财政')}`)).json();
    expect(q.total).toBe(1);
    const town = (await admin.get(`/api/orgs?region=${XINGLONG}`)).json();
    expect(town.total).toBe(1);
  });

  it('refuses an unknown type filter with ORG_TYPE_INVALID', async () => {
    const res = await admin.get('/api/orgs?type=school');
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('ORG_TYPE_INVALID');
  });

  it('lets a county officer read organisations of their county', async () => {
    const officer = await t.login('officer');
    expect((await officer.get(`/api/orgs/${fjOrg}`)).statusCode).toBe(200);
    expect((await officer.get(`/api/orgs/${nyOrg}`)).statusCode).toBe(404);
    const write = await officer.post('/api/orgs', { name: 'x', type: 'bank', regionCode: FENGJIE });
    expect(write.statusCode).toBe(403);
  });

  it('answers 404 for an organisation outside the actor scope', async () => {
    const res = await admin.get(`/api/orgs/${nyOrg}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
  });

  it('creates an organisation in scope and audits it', async () => {
    const res = await admin.post('/api/orgs', {
      name: '奉节县人力资源和社会保障局',
      type: 'department',
      regionCode: FENGJIE,
      creditCode: '11500236MB1234567X',
    });
    expect(res.statusCode).toBe(201);
    const org = res.json();
    expect(org).toMatchObject({
      name: '奉节县人力资源和社会保障局',
      type: 'department',
      typeNameZh: '成员单位/政府部门',
      typeNameEn: 'Government department',
      regionCode: FENGJIE,
      regionName: '重庆市 / 奉节县',
      version: 1,
    });
    expect(typeof org.creditCodeChecksumValid).toBe('boolean');
    expect(await audited('org.create', org.id)).toBe(true);
  });

  it('refuses a duplicate name in the same region with CONFLICT', async () => {
    const res = await admin.post('/api/orgs', {
      name: '奉节县财政局',
      type: 'department',
      regionCode: FENGJIE,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('CONFLICT');
  });

  it('refuses to create an organisation in 南阳市 for a 奉节县 administrator', async () => {
    const res = await admin.post('/api/orgs', {
      name: '南阳市人社局',
      type: 'department',
      regionCode: NANYANG,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('SCOPE_OUTSIDE_OWN');
  });

  it('refuses an unknown region, an unknown type and a malformed credit code', async () => {
    const r1 = await admin.post('/api/orgs', {
      name: 'x',
      type: 'bank',
      regionCode: '500236999000',
    });
    expect(r1.statusCode).toBe(422);
    expect(r1.json()).toMatchObject({
      code: 'REGION_UNKNOWN',
      details: { code: '500236999000', field: 'regionCode' },
    });
    const r2 = await admin.post('/api/orgs', { name: 'x', type: 'school', regionCode: FENGJIE });
    expect(r2.json().code).toBe('ORG_TYPE_INVALID');
    const r3 = await admin.post('/api/orgs', {
      name: 'x',
      type: 'bank',
      regionCode: FENGJIE,
      creditCode: 'not-a-code',
    });
    expect(r3.statusCode).toBe(400);
    expect(r3.json().code).toBe('VALIDATION');
  });

  it('updates under optimistic locking and refuses a stale version with VERSION_CONFLICT', async () => {
    const id = await t.createOrg('奉节县商务委员会', 'department', FENGJIE);
    const ok = await admin.patch(`/api/orgs/${id}`, { name: '奉节县商务委', version: 1 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ name: '奉节县商务委', version: 2 });
    expect(await audited('org.update', id)).toBe(true);
    const stale = await admin.patch(`/api/orgs/${id}`, { type: 'other', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT', details: { version: 2 } });
    expect((await admin.get(`/api/orgs/${id}`)).json().type).toBe('department');
  });

  it('answers 404 when updating an organisation outside scope', async () => {
    const res = await admin.patch(`/api/orgs/${nyOrg}`, { name: 'x', version: 1 });
    expect(res.statusCode).toBe(404);
  });

  it('keeps a park a park while park grants point at it', async () => {
    const park = await t.createOrg('吐祥镇返乡创业园', 'park', FENGJIE);
    await t.createUser({
      login: 'operator',
      grants: [{ role: 'park_operator', orgId: park, scopeType: 'park' }],
    });
    const res = await admin.patch(`/api/orgs/${park}`, { type: 'other', version: 1 });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'CONFLICT', details: { field: 'type' } });
  });

  it('serves the type catalog', async () => {
    const res = await admin.get('/api/org-types');
    expect(res.json().items.map((x: { code: string }) => x.code)).toContain('guarantee');
  });
});
