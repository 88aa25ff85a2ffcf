import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/audit/table.js';
import { entities, entityLinks } from '../../ledger/entities/table.js';
import { recordHistory } from '../../ledger/history/table.js';
import { people } from '../../ledger/people/table.js';
import { confirmFirst, registerEntrepreneur } from '../accounts/portal-test-kit.js';
import { portalAccounts } from '../accounts/table.js';
import {
  type Agent,
  createTestApp,
  type TestApp,
  TUXIANG,
  XINGLONG,
} from '../../../test/harness.js';
import {
  creditCodeFor,
  idNumberFor,
  mobileFor,
  seedEntity,
  seedPerson,
} from '../../../test/ledger-factories.js';

let t: TestApp;
let officer: Agent;
let elsewhere: Agent;
beforeAll(async () => {
  t = await createTestApp({ provinces: ['50'] });
  await t.createUser({
    login: 'xl_officer',
    grants: [{ role: 'township_officer', region: XINGLONG }],
  });
  await t.createUser({
    login: 'tx_officer',
    grants: [{ role: 'township_officer', region: TUXIANG }],
  });
  officer = await t.login('xl_officer');
  elsewhere = await t.login('tx_officer');
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
    employees: 99,
    jobsCreated: 99,
    ...over,
  };
}

const personRow = async (id: string) =>
  (await t.database.db.select().from(people).where(eq(people.id, id)))[0]!;
const historyOf = (id: string) =>
  t.database.db.select().from(recordHistory).where(eq(recordHistory.objectId, id));
const accountOf = async (mobile: string) =>
  (await t.database.db.select().from(portalAccounts)).find(
    (a) => a.mobileMask === `${mobile.slice(0, 3)}****${mobile.slice(7)}`,
  )!;

/** What the entrepreneur learns from a first submission: the answer and the messages it adds. */
async function seen(me: Agent, answer: { statusCode: number; body: string }) {
  const home = (await me.get('/api/portal/home')).json();
  return {
    status: answer.statusCode,
    body: answer.body,
    messages: home.messages
      .filter((m: { kind: string }) => m.kind === 'profile' || m.kind === 'enterprise')
      .map((m: { title: string; body: string }) => `${m.title}|${m.body}`)
      .sort(),
  };
}

interface QueueItem {
  id: string;
  kind: string;
  state: string;
  objectId: string;
  proposedName: string;
}

async function pendingFor(name: string, kind?: string): Promise<QueueItem> {
  const list = (await officer.get('/api/portal-requests')).json<{ items: QueueItem[] }>();
  const item = list.items.find((i) => i.proposedName === name && (!kind || i.kind === kind));
  if (!item) throw new Error(`no pending request for ${name}`);
  return item;
}

describe('a portal account cannot take over a ledger person', () => {
  it('with the victim’s name and ID number it neither links, changes nor learns anything', async () => {
    const victimMobile = mobileFor();
    const idNumber = idNumberFor({ birth: '19790504', sex: 'M' });
    const victimId = await seedPerson(t, { name: '王建国', idNumber, mobile: victimMobile });
    const before = await personRow(victimId);
    const historyBefore = await historyOf(victimId);

    const attackerMobile = mobileFor();
    const attacker = await registerEntrepreneur(t, attackerMobile);
    const res = await attacker.put('/api/portal/profile', profile({ name: '王建国', idNumber }));
    // Same submission with an ID number that is not in the ledger.
    const stranger = await registerEntrepreneur(t, mobileFor());
    const unknown = await stranger.put('/api/portal/profile', profile({ name: '王建国' }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ outcome: 'submitted', warnings: [] });
    expect(await seen(attacker, res)).toEqual(await seen(stranger, unknown));

    expect((await accountOf(attackerMobile)).personId).toBeNull();
    expect(await personRow(victimId)).toEqual(before);
    expect(await historyOf(victimId)).toEqual(historyBefore);
    const profileNow = (await attacker.get('/api/portal/profile')).json();
    expect(profileNow.profile).toBeNull();
    expect(JSON.stringify(profileNow)).not.toContain(victimId);

    // The claim waits in the officer's queue; the officer's rejection is all that follows.
    const claim = await pendingFor('王建国', 'claim');
    expect(claim).toMatchObject({ kind: 'claim', objectId: victimId, state: 'pending' });
    const detail = (await officer.get(`/api/portal-requests/${claim.id}`)).json();
    expect(detail.fields).toContainEqual({
      field: 'mobile',
      current: before.phoneMask,
      proposed: `${attackerMobile.slice(0, 3)}****${attackerMobile.slice(7)}`,
      changed: true,
    });
    expect(JSON.stringify(detail)).not.toContain(attackerMobile);
    expect(JSON.stringify(detail)).not.toContain(victimMobile);
    expect(JSON.stringify(detail)).not.toContain(idNumber);
  });

  it('with a wrong name it answers exactly as for an unknown ID number (no mismatch oracle)', async () => {
    const idNumber = idNumberFor({ birth: '19820203', sex: 'M' });
    const victimId = await seedPerson(t, { name: '陈德贵', idNumber });
    const before = await personRow(victimId);
    const attacker = await registerEntrepreneur(t, mobileFor());
    const res = await attacker.put('/api/portal/profile', profile({ name: '陈德富', idNumber }));
    const stranger = await registerEntrepreneur(t, mobileFor());
    const unknown = await stranger.put('/api/portal/profile', profile({ name: '陈德富' }));
    expect(await seen(attacker, res)).toEqual(await seen(stranger, unknown));
    expect(await personRow(victimId)).toEqual(before);
    expect(await pendingFor('陈德富', 'claim')).toMatchObject({
      kind: 'claim',
      objectId: victimId,
    });
  });

  it('limits claims per account: one waiting at a time, three failed at most', async () => {
    const me = await registerEntrepreneur(t, mobileFor());
    const ids = [1, 2, 3].map(() => idNumberFor({ birth: '19900101', sex: 'F' }));
    for (const [i, idNumber] of ids.entries()) {
      await seedPerson(t, { name: `试认领${'一二三'[i]}`, idNumber });
    }
    for (const [i, idNumber] of ids.entries()) {
      const name = `冒认领${'一二三'[i]}`;
      expect((await me.put('/api/portal/profile', profile({ name, idNumber }))).statusCode).toBe(
        200,
      );
      const again = await me.put('/api/portal/profile', profile({ name }));
      expect(again.json().code).toBe('PORTAL_REQUEST_PENDING');
      const claim = await pendingFor(name);
      const rejected = await officer.post(`/api/portal-requests/${claim.id}/reject`, {
        reason: '姓名与台账不符',
      });
      expect(rejected.statusCode, rejected.body).toBe(200);
    }
    // An unknown ID number is refused the same way: the limit does not consult the ledger.
    const fourth = await me.put('/api/portal/profile', profile());
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json().code).toBe('PORTAL_REQUEST_LIMIT');
  });
});

describe('officers decide claims and change requests in their scope', () => {
  it('an officer outside the scope can neither see nor decide the request', async () => {
    const idNumber = idNumberFor({ birth: '19750808', sex: 'F' });
    await seedPerson(t, { name: '刘秀英', idNumber });
    const me = await registerEntrepreneur(t, mobileFor());
    await me.put('/api/portal/profile', profile({ name: '刘秀英', idNumber }));
    const claim = await pendingFor('刘秀英');
    const list = await elsewhere.get('/api/portal-requests?state=all');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(claim.id);
    for (const res of [
      await elsewhere.get(`/api/portal-requests/${claim.id}`),
      await elsewhere.post(`/api/portal-requests/${claim.id}/accept`, {}),
      await elsewhere.post(`/api/portal-requests/${claim.id}/reject`, { reason: '越权' }),
    ]) {
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    }
    expect((await pendingFor('刘秀英')).state).toBe('pending');
  });

  it('accepting a claim links the account and applies the values, history naming both', async () => {
    const idNumber = idNumberFor({ birth: '19860909', sex: 'M' });
    const personId = await seedPerson(t, { name: '周国强', idNumber, skills: '养殖' });
    const mobile = mobileFor();
    const me = await registerEntrepreneur(t, mobile);
    await me.put('/api/portal/profile', profile({ name: '周国强', idNumber, skills: '冷链物流' }));
    const claim = await pendingFor('周国强');
    const res = await officer.post(`/api/portal-requests/${claim.id}/accept`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().request).toMatchObject({ state: 'accepted', decidedBy: 'xl_officer' });
    const again = await officer.post(`/api/portal-requests/${claim.id}/accept`, {});
    expect(again.json().code).toBe('PORTAL_REQUEST_DECIDED');

    const row = await personRow(personId);
    expect(row.skills).toBe('冷链物流');
    expect(row.phoneMask).toBe(`${mobile.slice(0, 3)}****${mobile.slice(7)}`);
    const account = await accountOf(mobile);
    expect(account.personId).toBe(personId);
    const last = (await historyOf(personId)).at(-1)!;
    expect(last).toMatchObject({
      action: 'update',
      actorLogin: 'xl_officer',
      context: {
        via: 'portal',
        requestId: claim.id,
        requestedBy: `entrepreneur:${account.mobileMask}`,
        requestedById: account.id,
      },
    });
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.objectId, personId));
    expect(audit.map((a) => a.action)).toContain('portal_request.accept');

    const mine = (await me.get('/api/portal/profile')).json();
    expect(mine.profile).toMatchObject({ personId, skills: '冷链物流' });
    expect(mine.requests[0]).toMatchObject({ kind: 'claim', state: 'accepted' });
    const titles = (await me.get('/api/portal/home'))
      .json()
      .messages.map((m: { title: string }) => m.title);
    expect(titles).toContain('个人资料核实通过');
  });

  it('rejecting needs a reason, which the entrepreneur sees; the ledger is untouched', async () => {
    const idNumber = idNumberFor({ birth: '19911111', sex: 'F' });
    const personId = await seedPerson(t, { name: '黄小梅', idNumber });
    const before = await personRow(personId);
    const me = await registerEntrepreneur(t, mobileFor());
    await me.put('/api/portal/profile', profile({ name: '黄小梅', idNumber }));
    const claim = await pendingFor('黄小梅');
    const empty = await officer.post(`/api/portal-requests/${claim.id}/reject`, { reason: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().details.issues[0]).toMatchObject({
      path: 'body.reason',
      code: 'TEXT_REQUIRED',
    });
    const missing = await officer.post(`/api/portal-requests/${claim.id}/reject`, {});
    expect(missing.statusCode).toBe(400);
    const res = await officer.post(`/api/portal-requests/${claim.id}/reject`, {
      reason: '电话核实非本人',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().request).toMatchObject({ state: 'rejected', reason: '电话核实非本人' });
    expect(await personRow(personId)).toEqual(before);
    const mine = (await me.get('/api/portal/profile')).json();
    expect(mine.requests[0]).toMatchObject({ state: 'rejected', reason: '电话核实非本人' });
    const home = (await me.get('/api/portal/home')).json();
    expect(home.messages).toContainEqual(
      expect.objectContaining({ title: '个人资料核实未通过', body: '驳回理由：电话核实非本人' }),
    );
  });
});

describe('linking on a verified mobile, and change requests', () => {
  it('links when the ledger holds the account’s verified mobile, but changes still wait for an officer', async () => {
    const mobile = mobileFor();
    const idNumber = idNumberFor({ birth: '19800615', sex: 'M' });
    const personId = await seedPerson(t, { name: '杨光明', idNumber, mobile, skills: '木工' });
    const me = await registerEntrepreneur(t, mobile);
    const res = await me.put(
      '/api/portal/profile',
      profile({ name: '杨光明', idNumber, skills: '民宿' }),
    );
    expect(res.json()).toEqual({ outcome: 'submitted', warnings: [] });
    const mine = (await me.get('/api/portal/profile')).json();
    expect(mine.profile).toMatchObject({ personId, skills: '木工' });
    expect(mine.requests[0]).toMatchObject({ kind: 'change', state: 'pending' });
    expect((await personRow(personId)).skills).toBe('木工');
    const change = await pendingFor('杨光明');
    expect(change).toMatchObject({ kind: 'change', objectId: personId });
    await officer.post(`/api/portal-requests/${change.id}/accept`, {});
    expect((await personRow(personId)).skills).toBe('民宿');
  });

  it('the entrepreneur’s own record is updated directly until an officer edits it', async () => {
    const mobile = mobileFor();
    const me = await registerEntrepreneur(t, mobile);
    const { idNumber: _omit, ...rest } = profile({ name: '吴晓丽' });
    await me.put('/api/portal/profile', profile({ name: '吴晓丽' }));
    await confirmFirst(officer, mobile);
    const first = (await me.get('/api/portal/profile')).json().profile;
    const own = await me.put('/api/portal/profile', { ...rest, skills: '直播带货' });
    expect(own.json().outcome).toBe('applied');
    const edited = await officer.patch(`/api/people/${first.personId}`, {
      skills: '专员核实：电商',
      version: first.version + 1,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const later = await me.put('/api/portal/profile', { ...rest, skills: '自己改回' });
    expect(later.json().outcome).toBe('submitted');
    expect((await personRow(first.personId)).skills).toBe('专员核实：电商');
    expect(await pendingFor('吴晓丽')).toMatchObject({ kind: 'change' });
  });
});

describe('a portal account cannot take over a ledger enterprise', () => {
  it('an existing credit code makes nobody founder or legal representative and changes no figures until accepted', async () => {
    const creditCode = creditCodeFor();
    const entityId = await seedEntity(t, { creditCode, jobsCreated: 10 });
    const before = (
      await t.database.db.select().from(entities).where(eq(entities.id, entityId))
    )[0];
    const linksOf = () =>
      t.database.db.select().from(entityLinks).where(eq(entityLinks.entityId, entityId));
    const linksBefore = await linksOf();

    const attackerMobile = mobileFor();
    const attacker = await registerEntrepreneur(t, attackerMobile);
    await attacker.put('/api/portal/profile', profile({ name: '郑冒名' }));
    await confirmFirst(officer, attackerMobile);
    const res = await attacker.put('/api/portal/enterprise', enterprise({ creditCode }));
    const strangerMobile = mobileFor();
    const stranger = await registerEntrepreneur(t, strangerMobile);
    await stranger.put('/api/portal/profile', profile({ name: '郑冒名' }));
    await confirmFirst(officer, strangerMobile);
    const unknown = await stranger.put('/api/portal/enterprise', enterprise());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ outcome: 'submitted', warnings: [] });
    expect(await seen(attacker, res)).toEqual(await seen(stranger, unknown));

    expect(
      (await t.database.db.select().from(entities).where(eq(entities.id, entityId)))[0],
    ).toEqual(before);
    expect(await linksOf()).toEqual(linksBefore);
    expect((await attacker.get('/api/portal/enterprise')).json().enterprise).toBeNull();

    const claim = (await officer.get('/api/portal-requests?objectType=entity'))
      .json()
      .items.find((i: { objectId: string }) => i.objectId === entityId);
    expect(claim).toMatchObject({ kind: 'claim', state: 'pending' });
    const detail = (await officer.get(`/api/portal-requests/${claim.id}`)).json();
    expect(detail.fields).toContainEqual({
      field: 'jobsCreated',
      current: '10',
      proposed: '99',
      changed: true,
    });
    const ok = await officer.post(`/api/portal-requests/${claim.id}/accept`, {});
    expect(ok.statusCode, ok.body).toBe(200);
    const after = (await attacker.get('/api/portal/enterprise')).json();
    expect(after.enterprise).toMatchObject({
      entityId,
      jobsCreated: 99,
      roles: ['founder', 'legal_rep'],
    });
  });
});

/** Every portal GET of an account, with what differs by construction (ids, times, numbers) blanked. */
async function everyGet(me: Agent, submitted: string[]): Promise<unknown> {
  const answers: Record<string, unknown> = {};
  for (const url of [
    '/api/portal/session',
    '/api/portal/home',
    '/api/portal/profile',
    '/api/portal/enterprise',
  ]) {
    const res = await me.get(url);
    answers[url] = { status: res.statusCode, body: res.json() };
  }
  // Messages written at the same (test clock) instant come in id order: compare them as a set.
  type Message = { kind: string; title: string; body: string };
  const home = answers['/api/portal/home'] as { body: { messages: Message[] } };
  const key = (m: Message) => `${m.kind}|${m.title}|${m.body}`;
  home.body.messages.sort((x, y) => key(x).localeCompare(key(y)));
  let text = JSON.stringify(answers);
  for (const v of submitted) text = text.split(v).join('<submitted>');
  return JSON.parse(
    text
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>')
      .replace(/\d{4}-\d{2}-\d{2}T[\d:.]+Z/g, '<time>')
      .replace(/1\d{2}\*{4}\d{4}/g, '<mobile>')
      .replace(/"csrfToken":"[^"]*"/g, '"csrfToken":"<token>"')
      .replace(/\d{6}\*{8}\d{3}[\dX]/g, '<idmask>'),
  );
}

describe('what the entrepreneur sees until an officer decides does not depend on the ledger', () => {
  it('a victim’s ID number and a fresh one give the same answers on every portal GET', async () => {
    const idNumber = idNumberFor({ birth: '19750809', sex: 'M' });
    await seedPerson(t, { name: '周永福', idNumber, mobile: mobileFor() });
    const fresh = idNumberFor({ birth: '19750809', sex: 'M' });
    const attacker = await registerEntrepreneur(t, mobileFor());
    const stranger = await registerEntrepreneur(t, mobileFor());
    await attacker.put('/api/portal/profile', profile({ name: '周永福', idNumber }));
    await stranger.put('/api/portal/profile', profile({ name: '周永福', idNumber: fresh }));
    const a = await everyGet(attacker, [idNumber]);
    expect(a).toEqual(await everyGet(stranger, [fresh]));
    expect(JSON.stringify(a)).toContain('"profile":null');
    expect(JSON.stringify(a)).toContain('"hasProfile":false');
    // Both are refused the same way while they wait: a second profile, an enterprise.
    for (const me of [attacker, stranger]) {
      expect((await me.put('/api/portal/profile', profile())).json().code).toBe(
        'PORTAL_REQUEST_PENDING',
      );
      expect((await me.put('/api/portal/enterprise', enterprise())).json().code).toBe(
        'PORTAL_PROFILE_REQUIRED',
      );
    }
    expect(await everyGet(attacker, [idNumber])).toEqual(await everyGet(stranger, [fresh]));
  });

  it('an existing credit code and a fresh one give the same answers on every portal GET', async () => {
    const creditCode = creditCodeFor();
    await seedEntity(t, { creditCode });
    const fresh = creditCodeFor();
    const mobiles = [mobileFor(), mobileFor()];
    const [attacker, stranger] = [
      await registerEntrepreneur(t, mobiles[0]!),
      await registerEntrepreneur(t, mobiles[1]!),
    ];
    const ids = [1, 2].map(() => idNumberFor({ birth: '19850505', sex: 'F' }));
    await attacker.put('/api/portal/profile', profile({ name: '钱多多', idNumber: ids[0] }));
    await stranger.put('/api/portal/profile', profile({ name: '钱多多', idNumber: ids[1] }));
    for (const m of mobiles) await confirmFirst(officer, m);
    await attacker.put('/api/portal/enterprise', enterprise({ creditCode }));
    await stranger.put('/api/portal/enterprise', enterprise({ creditCode: fresh }));
    const a = await everyGet(attacker, [creditCode, ids[0]!]);
    expect(a).toEqual(await everyGet(stranger, [fresh, ids[1]!]));
    expect(JSON.stringify(a)).toContain('"enterprise":null');
    expect(JSON.stringify(a)).toContain('"hasEnterprise":false');
    for (const me of [attacker, stranger]) {
      expect((await me.put('/api/portal/enterprise', enterprise())).json().code).toBe(
        'PORTAL_REQUEST_PENDING',
      );
    }
  });

  it('rejecting a registration unlinks the account, keeps the person, and counts like a claim', async () => {
    const mobile = mobileFor();
    const me = await registerEntrepreneur(t, mobile);
    const idNumber = idNumberFor({ birth: '19910101', sex: 'F' });
    await me.put('/api/portal/profile', profile({ name: '孙新登', idNumber }));
    const registration = await pendingFor('孙新登', 'registration');
    const personId = (await accountOf(mobile)).personId!;
    expect(registration.objectId).toBe(personId);
    const no = await officer.post(`/api/portal-requests/${registration.id}/reject`, {
      reason: '经电话核实，不是本人',
    });
    expect(no.statusCode, no.body).toBe(200);
    expect((await accountOf(mobile)).personId).toBeNull();
    expect((await personRow(personId)).name).toBe('孙新登');
    const mine = (await me.get('/api/portal/profile')).json();
    expect(mine.profile).toBeNull();
    expect(mine.requests[0]).toMatchObject({
      kind: 'claim',
      state: 'rejected',
      reason: '经电话核实，不是本人',
    });
    // The same ID number again (the record holds this account's mobile) is no shortcut.
    await me.put('/api/portal/profile', profile({ name: '孙新登', idNumber }));
    expect((await accountOf(mobile)).personId).toBeNull();
    expect(await pendingFor('孙新登', 'claim')).toMatchObject({ objectId: personId });
  });
});
