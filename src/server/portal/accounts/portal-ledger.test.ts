import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/audit/table.js';
import { recordHistory } from '../../ledger/history/table.js';
import { people } from '../../ledger/people/table.js';
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
  pilotCode,
  seedPerson,
} from '../../../test/ledger-factories.js';
import { confirmFirst, registerEntrepreneur } from './portal-test-kit.js';
import { portalAccounts } from './table.js';

let t: TestApp;
let officer: Agent;
beforeAll(async () => {
  t = await createTestApp({ provinces: ['50'] });
  await t.createUser({ login: 'officer', grants: [{ role: 'county_officer', region: FENGJIE }] });
  officer = await t.login('officer');
});
afterAll(() => t.close());

function profile(over: Record<string, unknown> = {}) {
  return {
    name: '李春燕',
    idNumber: idNumberFor({ birth: '19880312', sex: 'F' }),
    hukouRegionCode: XINGLONG,
    currentRegionCode: XINGLONG,
    categories: ['migrant_worker'],
    status: 'returned',
    awayProvinceCode: '44',
    awayCityCode: '4403',
    monthsAway: 96,
    returnDate: '2024-03-01',
    education: 'senior',
    skills: '电商运营',
    ...over,
  };
}

function enterprise(over: Record<string, unknown> = {}) {
  return {
    name: '奉节县兴隆镇春燕脐橙合作社',
    creditCode: creditCodeFor(),
    type: 'cooperative',
    industryCode: '01',
    regionCode: XINGLONG,
    foundedOn: '2024-06-18',
    employees: 6,
    jobsCreated: 12,
    ...over,
  };
}

describe('the profile writes the real-name ledger', () => {
  it('creates the person, sealed and masked, with history and audit naming the entrepreneur', async () => {
    const mobile = mobileFor();
    const me = await registerEntrepreneur(t, mobile);
    const body = profile();
    const res = await me.put('/api/portal/profile', body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ outcome: 'submitted', warnings: [] });
    // Created, but it waits for an officer's confirmation like any first submission.
    const waiting = (await me.get('/api/portal/profile')).json();
    expect(waiting.profile).toBeNull();
    expect(waiting.requests[0]).toMatchObject({ kind: 'claim', state: 'pending' });
    await confirmFirst(officer, mobile);
    const p = (await me.get('/api/portal/profile')).json().profile;
    expect(p).toMatchObject({
      name: '李春燕',
      sex: 'F',
      birthDate: '1988-03-12',
      status: 'returned',
    });
    expect(p.idNumberMasked).toMatch(/^500236\*{8}\d{3}[\dX]$/);
    expect(res.body).not.toContain(body.idNumber);
    expect(p.hukouRegion.pathName).toContain('兴隆镇');

    const [row] = await t.database.db.select().from(people).where(eq(people.id, p.personId));
    expect(JSON.stringify(row)).not.toContain(body.idNumber);
    expect(JSON.stringify(row)).not.toContain(mobile);
    expect(row?.phoneMask).toBe(`${mobile.slice(0, 3)}****${mobile.slice(7)}`);

    const history = await t.database.db
      .select()
      .from(recordHistory)
      .where(eq(recordHistory.objectId, p.personId));
    expect(history[0]).toMatchObject({ action: 'create', context: { via: 'portal' } });
    const [account] = await t.database.db
      .select()
      .from(portalAccounts)
      .where(eq(portalAccounts.personId, p.personId));
    expect(history[0]?.actorId).toBe(account?.id);
    expect(history[0]?.actorLogin).toMatch(/^entrepreneur:/);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.objectId, p.personId));
    expect(audit.map((a) => a.action)).toContain('portal.profile_create');

    // The officers see the same record, in their ledger.
    const seen = await officer.get(`/api/people/${p.personId}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().mobileMasked).toBe(row?.phoneMask);

    // 我的 shows it masked, with the message.
    const home = (await me.get('/api/portal/home')).json();
    expect(home.profile).toMatchObject({ name: '李春燕', idNumberMasked: p.idNumberMasked });
    const titles = home.messages.map((m: { title: string }) => m.title);
    expect(titles).toEqual(expect.arrayContaining(['个人资料已提交', '注册成功']));
    // The registration code is a text message, not one of 我的's messages.
    expect(JSON.stringify(home.messages)).not.toContain('验证码');
    expect(JSON.stringify(home)).not.toContain(body.idNumber);
    expect(JSON.stringify(home)).not.toContain(mobile);
  });

  it('updates the same person later without the ID number, with an update in history', async () => {
    const mobile = mobileFor();
    const me = await registerEntrepreneur(t, mobile);
    await me.put('/api/portal/profile', profile());
    await confirmFirst(officer, mobile);
    const first = (await me.get('/api/portal/profile')).json().profile;
    const { idNumber: _omit, ...rest } = profile();
    const res = await me.put('/api/portal/profile', {
      ...rest,
      skills: '脐橙种植',
      version: first.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().outcome).toBe('applied');
    expect((await me.get('/api/portal/profile')).json().profile).toMatchObject({
      personId: first.personId,
      skills: '脐橙种植',
      version: first.version + 1,
    });
    const history = await t.database.db
      .select()
      .from(recordHistory)
      .where(eq(recordHistory.objectId, first.personId));
    expect(history.map((h) => h.action)).toEqual(['create', 'update']);
    const stale = await me.put('/api/portal/profile', { ...rest, version: first.version });
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const other = await me.put('/api/portal/profile', { ...rest, idNumber: idNumberFor() });
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('PORTAL_ID_NUMBER_LOCKED');
  });

  it('never duplicates a person already in the ledger: the ID number becomes a claim for an officer', async () => {
    const idNumber = idNumberFor({ birth: '19790504', sex: 'M' });
    const existingId = await seedPerson(t, { name: '王建国', idNumber, skills: '养殖' });
    const before = await t.database.db.$count(people);
    const me = await registerEntrepreneur(t, mobileFor());
    const res = await me.put('/api/portal/profile', profile({ name: '王建国', idNumber }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ outcome: 'submitted', warnings: [] });
    expect(await t.database.db.$count(people)).toBe(before);
    const mine = (await me.get('/api/portal/profile')).json();
    expect(mine.profile).toBeNull();
    expect(mine.requests).toEqual([
      expect.objectContaining({ objectType: 'person', kind: 'claim', state: 'pending' }),
    ]);
    const history = await t.database.db
      .select()
      .from(recordHistory)
      .where(eq(recordHistory.objectId, existingId));
    expect(history.map((h) => h.action)).toEqual(['create']);
  });

  it('refuses a bad ID number with the field’s Chinese reason, and asks for one the first time', async () => {
    const me = await registerEntrepreneur(t, mobileFor());
    const bad = await me.put('/api/portal/profile', profile({ idNumber: '500236198803120000' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.issues[0]).toMatchObject({
      path: 'body.idNumber',
      code: 'ID_NUMBER_CHECKSUM',
    });
    expect(bad.json().details.issues[0].message).toContain('校验位');
    const { idNumber: _omit, ...rest } = profile();
    const missing = await me.put('/api/portal/profile', rest);
    expect(missing.json().details.issues[0]).toMatchObject({
      path: 'body.idNumber',
      code: 'TEXT_REQUIRED',
    });
    const coarse = await me.put(
      '/api/portal/profile',
      profile({ hukouRegionCode: '500000000000' }),
    );
    expect(coarse.json().details.issues[0]).toMatchObject({
      path: 'body.hukouRegionCode',
      code: 'REGION_TOO_COARSE',
    });
  });
});

describe('the enterprise step', () => {
  it('needs the profile first', async () => {
    const me = await registerEntrepreneur(t, mobileFor());
    const res = await me.put('/api/portal/enterprise', enterprise());
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('PORTAL_PROFILE_REQUIRED');
  });

  it('refuses a mistyped credit code, creates a ledger entity linked to the person as founder and legal representative, then updates it', async () => {
    const mobile = mobileFor();
    const me = await registerEntrepreneur(t, mobile);
    await me.put('/api/portal/profile', profile());
    await confirmFirst(officer, mobile);
    const person = (await me.get('/api/portal/profile')).json().profile;
    const code = creditCodeFor();
    // A mistyped check character is refused here too (only an officer can mark a pilot code).
    const typo = await me.put(
      '/api/portal/enterprise',
      enterprise({ creditCode: pilotCode(code) }),
    );
    expect(typo.statusCode).toBe(400);
    expect(typo.json().details.issues[0].code).toBe('CREDIT_CODE_CHECKSUM');
    const res = await me.put('/api/portal/enterprise', enterprise({ creditCode: code }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ outcome: 'submitted', warnings: [] });
    expect((await me.get('/api/portal/enterprise')).json().enterprise).toBeNull();
    await confirmFirst(officer, mobile);
    const e = (await me.get('/api/portal/enterprise')).json();
    expect(e.warnings).toEqual([]);
    expect(e.enterprise).toMatchObject({
      roles: ['founder', 'legal_rep'],
      jobsCreated: 12,
      creditCodeChecksumValid: true,
    });
    const seen = await officer.get(`/api/entities/${e.enterprise.entityId}`);
    expect(seen.json().links.map((l: { personId: string }) => l.personId)).toContain(
      person.personId,
    );

    const again = await me.put(
      '/api/portal/enterprise',
      enterprise({
        creditCode: code,
        jobsCreated: 20,
        legalRepresentative: false,
        version: e.enterprise.version,
      }),
    );
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual({ outcome: 'applied', warnings: [] });
    expect((await me.get('/api/portal/enterprise')).json()).toMatchObject({
      warnings: [],
      enterprise: { entityId: e.enterprise.entityId, jobsCreated: 20, roles: ['founder'] },
    });
    const home = (await me.get('/api/portal/home')).json();
    expect(home.enterprise).toMatchObject({ name: '奉节县兴隆镇春燕脐橙合作社', creditCode: code });
    expect(home.messages.map((m: { title: string }) => m.title)).toEqual(
      expect.arrayContaining(['企业信息已提交', '企业信息已更新']),
    );
  });

  it('turns a credit code already in the ledger for somebody else’s entity into a claim', async () => {
    const mobileA = mobileFor();
    const a = await registerEntrepreneur(t, mobileA);
    await a.put('/api/portal/profile', profile());
    await confirmFirst(officer, mobileA);
    const code = creditCodeFor();
    expect(
      (await a.put('/api/portal/enterprise', enterprise({ creditCode: code }))).statusCode,
    ).toBe(200);
    await confirmFirst(officer, mobileA);
    const mobileB = mobileFor();
    const b = await registerEntrepreneur(t, mobileB);
    await b.put('/api/portal/profile', profile({ name: '赵大山' }));
    await confirmFirst(officer, mobileB);
    const res = await b.put(
      '/api/portal/enterprise',
      enterprise({ creditCode: code, jobsCreated: 1 }),
    );
    expect(res.json()).toEqual({ outcome: 'submitted', warnings: [] });
    const mine = (await b.get('/api/portal/enterprise')).json();
    expect(mine.enterprise).toBeNull();
    expect(mine.requests[0]).toMatchObject({ kind: 'claim', state: 'pending' });
    expect((await a.get('/api/portal/enterprise')).json().enterprise.jobsCreated).toBe(12);
  });
});
