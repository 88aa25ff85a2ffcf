import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp, TUXIANG } from '../../../test/harness.js';
import { loginOfficers } from '../../../test/officers.js';
import { idNumberFor, mobileFor, personBody } from '../../../test/ledger-factories.js';

/** History, optimistic locking, status transitions and consents of people. */

let t: TestApp;
let officer: Agent;

beforeAll(async () => {
  t = await createTestApp({ provinces: ['50'] });
  [officer] = await loginOfficers(t, 'fj_officer');
});
afterAll(() => t.close());

async function create(over: Parameters<typeof personBody>[0] = {}) {
  const res = await officer.post('/api/people', personBody(over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; idNumberMasked: string }>();
}

describe('person history', () => {
  it('keeps a create and two updates as three entries with each field from → to', async () => {
    const id0 = idNumberFor();
    const mobile0 = mobileFor();
    const p = await create({ idNumber: id0, mobile: mobile0, skills: '电焊', status: 'intending' });
    t.clock.advance(60_000);
    const u1 = await officer.patch(`/api/people/${p.id}`, {
      skills: '电焊 返乡创业培训',
      status: 'returned',
      version: 1,
    });
    expect(u1.statusCode, u1.body).toBe(200);
    expect(u1.json()).toMatchObject({ version: 2, status: 'returned' });
    expect(u1.json().statusDates).toEqual({ intending: '2026-11-21', returned: '2026-11-21' });
    t.clock.advance(60_000);
    const mobile1 = mobileFor();
    const u2 = await officer.patch(`/api/people/${p.id}`, { mobile: mobile1, version: 2 });
    expect(u2.json().version).toBe(3);

    const res = await officer.get(`/api/people/${p.id}/history`);
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.total).toBe(3);
    expect(page.items.map((e: { action: string }) => e.action)).toEqual([
      'update',
      'update',
      'create',
    ]);
    const [second, first, created] = page.items;
    expect(second.changes).toEqual([
      {
        field: 'mobile',
        from: `${mobile0.slice(0, 3)}****${mobile0.slice(-4)}`,
        to: `${mobile1.slice(0, 3)}****${mobile1.slice(-4)}`,
      },
    ]);
    expect(first.changes).toEqual([
      { field: 'skills', from: '电焊', to: '电焊 返乡创业培训' },
      { field: 'status', from: 'intending', to: 'returned' },
    ]);
    expect(first).toMatchObject({ actorLogin: 'fj_officer', objectId: p.id });
    const fields = created.changes.map((c: { field: string }) => c.field);
    expect(fields).toEqual(
      expect.arrayContaining(['name', 'idNumber', 'mobile', 'status', 'ledgerRegionCode']),
    );
    expect(created.changes.find((c: { field: string }) => c.field === 'idNumber').to).toBe(
      p.idNumberMasked,
    );
    expect(res.body).not.toContain(id0);
    expect(res.body).not.toContain(mobile0);
    expect(res.body).not.toContain(mobile1);
  });

  it('pages the timeline newest first', async () => {
    const p = await create();
    for (let v = 1; v <= 3; v++) {
      t.clock.advance(1000);
      await officer.patch(`/api/people/${p.id}`, { monthsAway: 10 + v, version: v });
    }
    const page2 = (await officer.get(`/api/people/${p.id}/history?page=2&pageSize=2`)).json();
    expect(page2).toMatchObject({ total: 4, page: 2, pageSize: 2 });
    expect(page2.items.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(page2.items[0].changes).toEqual([{ field: 'monthsAway', from: null, to: 11 }]);
  });

  it('records nothing and keeps the version when an update changes nothing', async () => {
    const p = await create({ skills: '养殖' });
    const res = await officer.patch(`/api/people/${p.id}`, { skills: '养殖', version: 1 });
    expect(res.json().version).toBe(1);
    expect((await officer.get(`/api/people/${p.id}/history`)).json().total).toBe(1);
  });
});

describe('optimistic locking', () => {
  it('refuses a stale version with VERSION_CONFLICT and keeps the newer value', async () => {
    const p = await create();
    expect(
      (await officer.patch(`/api/people/${p.id}`, { skills: '第一', version: 1 })).statusCode,
    ).toBe(200);
    const stale = await officer.patch(`/api/people/${p.id}`, { skills: '第二', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT', details: { version: 2 } });
    expect((await officer.get(`/api/people/${p.id}`)).json().skills).toBe('第一');
  });
});

describe('status and consistency on update', () => {
  it('refuses a jump of two steps back and allows one step back as a correction', async () => {
    const p = await create({ status: 'started' });
    const far = await officer.patch(`/api/people/${p.id}`, { status: 'abroad', version: 1 });
    expect(far.statusCode).toBe(422);
    expect(far.json()).toMatchObject({
      code: 'PERSON_STATUS_TRANSITION',
      details: { from: 'started', to: 'abroad' },
    });
    const back = await officer.patch(`/api/people/${p.id}`, { status: 'returned', version: 1 });
    expect(back.statusCode).toBe(200);
  });

  it('refuses a sex that contradicts the stored ID number', async () => {
    const p = await create({ idNumber: idNumberFor({ sex: 'M' }) });
    const res = await officer.patch(`/api/people/${p.id}`, { sex: 'F', version: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.issues).toEqual([
      { path: 'body.sex', code: 'ID_NUMBER_SEX_MISMATCH', message: '性别与身份证号不一致' },
    ]);
  });

  it('takes sex and birth date from a corrected ID number and refuses another person’s number', async () => {
    const other = await create();
    const p = await create({ idNumber: idNumberFor({ sex: 'M', birth: '19880808' }) });
    const fixed = idNumberFor({ sex: 'F', birth: '19890909' });
    const res = await officer.patch(`/api/people/${p.id}`, { idNumber: fixed, version: 1 });
    expect(res.json()).toMatchObject({ sex: 'F', birthDate: '1989-09-09', version: 2 });
    const unmasked = await officer.post(`/api/people/${p.id}/unmask`, {
      reason: '核对更正后的号码',
      fields: ['idNumber'],
    });
    expect(unmasked.json().idNumber).toBe(fixed);
    const taken = await officer.post(`/api/people/${other.id}/unmask`, {
      reason: '核对重复号码',
      fields: ['idNumber'],
    });
    const dup = await officer.patch(`/api/people/${p.id}`, {
      idNumber: taken.json().idNumber,
      version: 2,
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({
      code: 'PERSON_DUPLICATE',
      details: { existingId: other.id },
    });
  });

  it('moves a person to another township of the county and back in its history', async () => {
    const p = await create();
    const res = await officer.patch(`/api/people/${p.id}`, {
      ledgerRegionCode: TUXIANG,
      version: 1,
    });
    expect(res.json()).toMatchObject({
      ledgerRegionCode: TUXIANG,
      ledgerRegionName: '重庆市 / 奉节县 / 吐祥镇',
    });
    const h = (await officer.get(`/api/people/${p.id}/history`)).json();
    expect(h.items[0].changes).toEqual([
      { field: 'ledgerRegionCode', from: '500236128000', to: TUXIANG },
    ]);
  });
});

describe('consents', () => {
  it('records and withdraws a consent with history', async () => {
    const p = await create();
    const added = await officer.post(`/api/people/${p.id}/consents`, {
      purpose: 'policy_push',
      grantedTo: '奉节县人社局',
    });
    expect(added.statusCode).toBe(201);
    const consent = added.json().consents[0];
    expect(consent).toMatchObject({
      purpose: 'policy_push',
      grantedTo: '奉节县人社局',
      withdrawnAt: null,
    });
    t.clock.advance(1000);
    const url = `/api/people/${p.id}/consents/${consent.id}/withdraw`;
    const withdrawn = await officer.post(url);
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json().consents[0].withdrawnAt).toBe(t.clock.read().toISOString());
    expect((await officer.post(url)).json()).toMatchObject({ code: 'CONFLICT' });
    const h = (await officer.get(`/api/people/${p.id}/history`)).json();
    expect(h.items.map((e: { action: string }) => e.action)).toEqual([
      'consent_withdraw',
      'consent',
      'create',
    ]);
  });
});
