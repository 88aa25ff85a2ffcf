import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Agent,
  createTestApp,
  FENGJIE,
  type TestApp,
  TUXIANG,
  WUSHAN,
  XINGLONG,
} from '../../../test/harness.js';
import { createOfficers } from '../../../test/officers.js';
import {
  creditCodeFor,
  entityBody,
  pilotCode,
  seedPerson,
} from '../../../test/ledger-factories.js';

/** Scope (region and park), creation rules, dedup and links of market entities. */

let t: TestApp;
let county: Agent;
let town: Agent;
let operator: Agent;
let park: string;
let otherPark: string;
let founder: string;
let wushanPerson: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp({ provinces: ['50'] });
  park = await t.createOrg('兴隆镇返乡创业园', 'park', XINGLONG);
  otherPark = await t.createOrg('吐祥镇返乡创业园', 'park', TUXIANG);
  await createOfficers(t, 'fj_officer', 'xl_officer', 'ws_officer');
  await t.createUser({
    login: 'operator',
    grants: [{ role: 'park_operator', orgId: park, scopeType: 'park' }],
  });
  county = await t.login('fj_officer');
  town = await t.login('xl_officer');
  operator = await t.login('operator');
  founder = await seedPerson(t, { name: '陈创业' });
  wushanPerson = await seedPerson(t, { name: '巫山人' }, WUSHAN);
  const make = async (agent: Agent, key: string, over: object) => {
    const res = await agent.post('/api/entities', entityBody(over));
    expect(res.statusCode, res.body).toBe(201);
    ids[key] = res.json().id;
  };
  await make(county, 'inPark', { name: '兴隆遮阳网厂', parkOrgId: park, parkUnit: '3 号厂房' });
  await make(county, 'xinglong', { name: '兴隆家庭农场', type: 'family_farm', industryCode: 'A' });
  await make(county, 'tuxiang', {
    name: '吐祥合作社',
    type: 'cooperative',
    regionCode: TUXIANG,
    parkOrgId: otherPark,
  });
  await make(await t.login('ws_officer'), 'wushan', { name: '巫山脆李合作社', regionCode: WUSHAN });
});
afterAll(() => t.close());

const names = (res: { json: () => { items: { name: string }[] } }) =>
  res
    .json()
    .items.map((e) => e.name)
    .sort();

describe('entity scope', () => {
  it('shows a township officer the entities of the township only', async () => {
    expect(names(await town.get('/api/entities'))).toEqual(['兴隆家庭农场', '兴隆遮阳网厂']);
    expect((await town.get(`/api/entities/${ids.tuxiang}`)).statusCode).toBe(404);
  });

  it('shows a county officer the county and answers 404 for 巫山县', async () => {
    expect(names(await county.get('/api/entities'))).toEqual([
      '兴隆家庭农场',
      '兴隆遮阳网厂',
      '吐祥合作社',
    ]);
    const res = await county.get(`/api/entities/${ids.wushan}`);
    expect(res.statusCode).toBe(404);
    expect((await town.get(`/api/entities/${ids.wushan}/history`)).statusCode).toBe(404);
  });

  it('shows a park operator only the tenants of its park', async () => {
    expect(names(await operator.get('/api/entities'))).toEqual(['兴隆遮阳网厂']);
    expect((await operator.get(`/api/entities/${ids.xinglong}`)).statusCode).toBe(404);
    const detail = await operator.get(`/api/entities/${ids.inPark}`);
    expect(detail.json()).toMatchObject({ parkName: '兴隆镇返乡创业园', parkUnit: '3 号厂房' });
    expect((await operator.post('/api/entities', entityBody({ parkOrgId: park }))).statusCode).toBe(
      403,
    );
  });

  it('refuses to create or move an entity outside the actor scope', async () => {
    const res = await town.post('/api/entities', entityBody({ regionCode: TUXIANG }));
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('SCOPE_OUTSIDE_OWN');
    const move = await town.patch(`/api/entities/${ids.xinglong}`, {
      regionCode: TUXIANG,
      version: 1,
    });
    expect(move.json().code).toBe('SCOPE_OUTSIDE_OWN');
  });
});

describe('creating entities', () => {
  it('derives 规上 and presents money in 万元 and dates as YYYY-MM-DD', async () => {
    const res = await county.post(
      '/api/entities',
      entityBody({
        annualRevenueWan: 2600.5,
        registeredCapitalWan: 300.1234,
        foundedOn: '2019-04-30',
      }),
    );
    expect(res.json()).toMatchObject({
      aboveScale: true,
      annualRevenueWan: 2600.5,
      registeredCapitalWan: 300.1234,
      foundedOn: '2019-04-30',
      industryName: '橡胶和塑料制品业',
      regionName: '重庆市 / 奉节县 / 兴隆镇',
      warnings: [],
    });
  });

  it('accepts a credit code that fails its check only when marked as a pilot code, with a warning', async () => {
    const res = await county.post(
      '/api/entities',
      entityBody({
        creditCode: pilotCode(creditCodeFor()),
        pilotCode: true,
        pilotCodeReason: '1998 年试点发放，经县市场监管局核实',
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      creditCodeChecksumValid: false,
      warnings: ['CREDIT_CODE_CHECKSUM'],
    });
  });

  it('refuses the same credit code with ENTITY_DUPLICATE', async () => {
    const code = creditCodeFor();
    const first = await county.post('/api/entities', entityBody({ creditCode: code }));
    const again = await town.post(
      '/api/entities',
      entityBody({ creditCode: code.toLowerCase(), name: '重复登记' }),
    );
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: 'ENTITY_DUPLICATE',
      details: { existingId: first.json().id },
    });
  });

  it('names the existing record of a duplicate credit code only to an actor who may read it', async () => {
    const code = creditCodeFor();
    const first = await county.post('/api/entities', entityBody({ creditCode: code }));
    expect(first.statusCode, first.body).toBe(201);
    const far = await (
      await t.login('ws_officer')
    ).post('/api/entities', entityBody({ creditCode: code, regionCode: WUSHAN, name: '巫山重复' }));
    expect([far.statusCode, far.json().code]).toEqual([409, 'ENTITY_DUPLICATE']);
    expect(far.json().details?.existingId).toBeUndefined();
    expect(far.body).not.toContain(first.json().id);
    const other = await county.post('/api/entities', entityBody({ name: '另一家加工厂' }));
    const renamed = await county.patch(`/api/entities/${other.json().id}`, {
      creditCode: code,
      version: other.json().version,
    });
    expect(renamed.json()).toMatchObject({
      code: 'ENTITY_DUPLICATE',
      details: { existingId: first.json().id },
    });
  });

  it('refuses a park that is not a park, and a linked person the actor cannot read', async () => {
    const dept = await t.createOrg('奉节县商务委', 'department', FENGJIE);
    const notPark = await county.post('/api/entities', entityBody({ parkOrgId: dept }));
    expect(notPark.statusCode).toBe(422);
    expect(notPark.json().code).toBe('PARK_INVALID');
    const far = await county.post(
      '/api/entities',
      entityBody({ links: [{ personId: wushanPerson, role: 'founder' }] }),
    );
    expect(far.statusCode).toBe(422);
    expect(far.json()).toMatchObject({
      code: 'LINKED_PERSON_NOT_FOUND',
      details: { field: 'body.links.0.personId' },
    });
  });

  it('refuses more poverty jobs than jobs created with the Chinese reason', async () => {
    const res = await county.post('/api/entities', entityBody({ jobsCreated: 3, jobsPoverty: 5 }));
    expect(res.statusCode).toBe(400);
    expect(res.json().details.issues[0]).toMatchObject({
      path: 'body.jobsPoverty',
      code: 'JOBS_POVERTY_EXCEEDS',
      message: '带动脱贫劳动力就业人数不能超过带动就业人数',
    });
  });
});

describe('links', () => {
  it('links and unlinks a person with history on both sides', async () => {
    const linked = await county.post(`/api/entities/${ids.xinglong}/links`, {
      personId: founder,
      role: 'founder',
    });
    expect(linked.statusCode, linked.body).toBe(201);
    const link = linked.json().links[0];
    expect(link).toMatchObject({ personId: founder, name: '陈创业', role: 'founder' });
    expect(link.idNumberMasked).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    const twice = await county.post(`/api/entities/${ids.xinglong}/links`, {
      personId: founder,
      role: 'founder',
    });
    expect(twice.json().code).toBe('CONFLICT');
    const person = (await county.get(`/api/people/${founder}`)).json();
    expect(person.entities).toEqual([
      { linkId: link.linkId, entityId: ids.xinglong, name: '兴隆家庭农场', role: 'founder' },
    ]);
    const removed = await county.delete(`/api/entities/${ids.xinglong}/links/${link.linkId}`);
    expect(removed.json().links).toEqual([]);
    const history = (await county.get(`/api/people/${founder}/history`)).json();
    expect(history.items.map((e: { action: string }) => e.action)).toEqual([
      'unlink',
      'link',
      'create',
    ]);
    const eh = (await county.get(`/api/entities/${ids.xinglong}/history`)).json();
    expect(eh.items.map((e: { action: string }) => e.action)).toEqual(['unlink', 'link', 'create']);
  });

  it('hides linked people’s masked ID numbers from a park operator without person.read', async () => {
    await county.post(`/api/entities/${ids.inPark}/links`, {
      personId: founder,
      role: 'legal_rep',
    });
    const detail = (await operator.get(`/api/entities/${ids.inPark}`)).json();
    expect(detail.links).toEqual([
      expect.objectContaining({
        personId: founder,
        name: '陈创业',
        idNumberMasked: null,
        role: 'legal_rep',
      }),
    ]);
  });

  it('replaces the whole link set on update and records it', async () => {
    const e = (
      await county.post(
        '/api/entities',
        entityBody({ links: [{ personId: founder, role: 'founder' }] }),
      )
    ).json();
    const res = await county.patch(`/api/entities/${e.id}`, {
      links: [{ personId: founder, role: 'core_member' }],
      jobsCreated: 12,
      version: 1,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().links.map((l: { role: string }) => l.role)).toEqual(['core_member']);
    const h = (await county.get(`/api/entities/${e.id}/history`)).json();
    expect(h.items[0].changes).toEqual([
      { field: 'jobsCreated', from: 10, to: 12 },
      {
        field: 'links',
        from: [{ personId: founder, role: 'founder' }],
        to: [{ personId: founder, role: 'core_member' }],
      },
    ]);
  });

  it('refuses a stale version with VERSION_CONFLICT', async () => {
    const e = (await county.post('/api/entities', entityBody())).json();
    await county.patch(`/api/entities/${e.id}`, { products: '茶叶', version: 1 });
    const stale = await county.patch(`/api/entities/${e.id}`, { products: '柑橘', version: 1 });
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT', details: { version: 2 } });
  });
});
