import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp, TUXIANG, WUSHAN } from '../../../test/harness.js';
import { loginOfficers } from '../../../test/officers.js';
import { idNumberFor, mobileFor, personBody } from '../../../test/ledger-factories.js';
import { auditLog } from '../../platform/audit/table.js';

/** Scope, masking and audited unmasking of the people ledger. */

let t: TestApp;
let county: Agent;
let town: Agent;
const plain = { xinglongId: idNumberFor(), xinglongMobile: mobileFor() };
let xinglong: string;
let tuxiang: string;
let wushan: string;

beforeAll(async () => {
  t = await createTestApp({ provinces: ['50'] });
  let ws: Agent;
  [county, town, ws] = await loginOfficers(t, 'fj_officer', 'xl_officer', 'ws_officer');
  const created = async (agent: Agent, body: object) => {
    const res = await agent.post('/api/people', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  xinglong = await created(
    county,
    personBody({ name: '李兴隆', idNumber: plain.xinglongId, mobile: plain.xinglongMobile }),
  );
  tuxiang = await created(
    county,
    personBody({ name: '王吐祥', hukouRegionCode: TUXIANG, currentRegionCode: TUXIANG }),
  );
  wushan = await created(
    ws,
    personBody({ name: '赵巫山', hukouRegionCode: WUSHAN, currentRegionCode: WUSHAN }),
  );
});
afterAll(() => t.close());

const names = (res: { json: () => { items: { name: string }[] } }) =>
  res
    .json()
    .items.map((p) => p.name)
    .sort();

describe('people scope', () => {
  it('shows a township officer only the people of their township', async () => {
    const res = await town.get('/api/people');
    expect(res.statusCode).toBe(200);
    expect(names(res)).toEqual(['李兴隆']);
    expect((await town.get(`/api/people/${tuxiang}`)).statusCode).toBe(404);
  });

  it('shows a county officer the whole county and nothing of another county', async () => {
    expect(names(await county.get('/api/people'))).toEqual(['李兴隆', '王吐祥']);
    expect(names(await county.get(`/api/people?region=${TUXIANG}`))).toEqual(['王吐祥']);
    expect(names(await county.get(`/api/people?region=${WUSHAN}`))).toEqual([]);
  });

  it('answers 404 for a person of 巫山县 to officers of 奉节县 and 兴隆镇', async () => {
    for (const agent of [county, town]) {
      const res = await agent.get(`/api/people/${wushan}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
      expect((await agent.get(`/api/people/${wushan}/history`)).statusCode).toBe(404);
      expect(
        (await agent.patch(`/api/people/${wushan}`, { skills: 'x', version: 1 })).statusCode,
      ).toBe(404);
    }
  });

  it('refuses to create a person in another county with SCOPE_OUTSIDE_OWN', async () => {
    const res = await county.post(
      '/api/people',
      personBody({ hukouRegionCode: WUSHAN, currentRegionCode: WUSHAN }),
    );
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('SCOPE_OUTSIDE_OWN');
    const moved = await town.post('/api/people', personBody({ ledgerRegionCode: TUXIANG }));
    expect(moved.json().code).toBe('SCOPE_OUTSIDE_OWN');
  });

  it('refuses to move a person out of the actor scope', async () => {
    const detail = (await town.get(`/api/people/${xinglong}`)).json();
    const res = await town.patch(`/api/people/${xinglong}`, {
      ledgerRegionCode: TUXIANG,
      version: detail.version,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('SCOPE_OUTSIDE_OWN');
  });

  it('refuses an unknown region naming the field', async () => {
    const res = await county.post('/api/people', personBody({ currentRegionCode: '500236999000' }));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'REGION_UNKNOWN',
      details: { code: '500236999000', field: 'currentRegionCode' },
    });
  });
});

describe('masking and unmasking', () => {
  it('never answers a plaintext ID number or phone outside unmasking', async () => {
    const bodies = [
      (await county.get('/api/people')).body,
      (await county.get(`/api/people/${xinglong}`)).body,
      (await county.get(`/api/people?q=${plain.xinglongId}`)).body,
      (await county.get(`/api/people/${xinglong}/history`)).body,
    ];
    for (const body of bodies) {
      expect(body).not.toContain(plain.xinglongId);
      expect(body).not.toContain(plain.xinglongMobile);
    }
    const detail = JSON.parse(bodies[1]!);
    expect(detail.idNumberMasked).toBe(
      `${plain.xinglongId.slice(0, 6)}********${plain.xinglongId.slice(-4)}`,
    );
    expect(detail.mobileMasked).toBe(
      `${plain.xinglongMobile.slice(0, 3)}****${plain.xinglongMobile.slice(-4)}`,
    );
    expect(Object.keys(detail).some((k) => /enc|bidx|token/i.test(k))).toBe(false);
  });

  it('finds a person by exact ID number or mobile number through the blind index', async () => {
    expect(names(await county.get(`/api/people?q=${plain.xinglongId}`))).toEqual(['李兴隆']);
    expect(names(await county.get(`/api/people?q=${plain.xinglongMobile}`))).toEqual(['李兴隆']);
    expect(names(await town.get(`/api/people?q=${idNumberFor()}`))).toEqual([]);
  });

  it('refuses unmasking to a township officer without person.unmask', async () => {
    const res = await town.post(`/api/people/${xinglong}/unmask`, {
      reason: '核实身份信息',
      fields: ['idNumber'],
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
  });

  it('unmasks for a county officer with a reason and audits fields and reason only', async () => {
    const res = await county.post(`/api/people/${xinglong}/unmask`, {
      reason: `办理创业担保贷款核验 ${plain.xinglongMobile}`,
      fields: ['idNumber', 'mobile'],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      id: xinglong,
      idNumber: plain.xinglongId,
      mobile: plain.xinglongMobile,
    });
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'person.unmask'), eq(auditLog.objectId, xinglong)));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.details).toEqual({
      fields: ['idNumber', 'mobile'],
      reason: '办理创业担保贷款核验 ***',
    });
    expect(rows[0]!.actorLogin).toBe('fj_officer');
    const all = JSON.stringify(await t.database.db.select().from(auditLog));
    expect(all).not.toContain(plain.xinglongId);
    expect(all).not.toContain(plain.xinglongMobile);
  });

  it('refuses unmasking without a reason of at least four characters', async () => {
    const res = await county.post(`/api/people/${xinglong}/unmask`, {
      reason: '看看',
      fields: ['mobile'],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION');
  });

  it('answers 404 when unmasking a person of another county', async () => {
    const res = await county.post(`/api/people/${wushan}/unmask`, {
      reason: '核实身份信息',
      fields: ['idNumber'],
    });
    expect(res.statusCode).toBe(404);
  });
});
