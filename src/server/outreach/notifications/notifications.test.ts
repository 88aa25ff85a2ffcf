import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskMobile } from '../../../domain/identity/phone.js';
import { auditLog } from '../../platform/audit/table.js';
import { registerEntrepreneur } from '../../portal/accounts/portal-test-kit.js';
import {
  type Agent,
  createTestApp,
  FENGJIE,
  type TestApp,
  TUXIANG,
  XINGLONG,
} from '../../../test/harness.js';
import { idNumberFor, mobileFor } from '../../../test/ledger-factories.js';
import { notify } from './notify.js';
import { notifications } from './table.js';
import { users } from '../../access/users/table.js';

/** 康乐镇 of 奉节县: no township officer holds it, so the county's officers hear of it. */
const NO_OFFICER_TOWNSHIP = '500236120000';

let t: TestApp;
let xl: Agent;
let tx: Agent;
let fj: Agent;
let xlId: string;
let fjId: string;
beforeAll(async () => {
  t = await createTestApp({ provinces: ['50'] });
  xlId = await t.createUser({
    login: 'xl_officer',
    grants: [{ role: 'township_officer', region: XINGLONG }],
  });
  await t.createUser({
    login: 'tx_officer',
    grants: [{ role: 'township_officer', region: TUXIANG }],
  });
  fjId = await t.createUser({
    login: 'fj_officer',
    grants: [{ role: 'county_officer', region: FENGJIE }],
  });
  xl = await t.login('xl_officer');
  tx = await t.login('tx_officer');
  fj = await t.login('fj_officer');
});
afterAll(() => t.close());

interface Page {
  items: {
    id: string;
    kind: string;
    title: string;
    body: string;
    link: string | null;
    readAt: string | null;
  }[];
  total: number;
  unread: number;
}

async function bell(agent: Agent, query = ''): Promise<Page> {
  const res = await agent.get(`/api/notifications${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Page>();
}

function profile(name: string, region: string) {
  return {
    name,
    idNumber: idNumberFor({ birth: '19880312', sex: 'F' }),
    hukouRegionCode: region,
    currentRegionCode: region,
    categories: ['migrant_worker'],
    status: 'returned',
    education: 'senior',
  };
}

describe('notifications', () => {
  it('tells the township officer of a new registration, and nobody else', async () => {
    const before = { tx: (await bell(tx)).total, fj: (await bell(fj)).total };
    const mobile = mobileFor();
    const me = await registerEntrepreneur(t, mobile);
    const res = await me.put('/api/portal/profile', profile('向春梅', XINGLONG));
    expect(res.statusCode, res.body).toBe(200);

    const page = await bell(xl);
    expect(page.unread).toBe(1);
    expect(page.items[0]).toMatchObject({
      kind: 'portal.request_opened',
      title: '待核实：向春梅的个人资料',
      link: '/ledger/requests',
      readAt: null,
    });
    expect(page.items[0]?.body).toContain(maskMobile(mobile));
    expect(page.items[0]?.body).toContain('新登记');
    expect((await bell(tx)).total).toBe(before.tx);
    expect((await bell(fj)).total).toBe(before.fj);
  });

  it('falls back to the county officers when nobody holds the township', async () => {
    const before = (await bell(fj)).total;
    const me = await registerEntrepreneur(t, mobileFor());
    const res = await me.put('/api/portal/profile', profile('冉大海', NO_OFFICER_TOWNSHIP));
    expect(res.statusCode, res.body).toBe(200);
    const page = await bell(fj);
    expect(page.total).toBe(before + 1);
    expect(page.items[0]?.title).toBe('待核实：冉大海的个人资料');
  });

  it('renders in the reader’s language', async () => {
    const res = await xl.get('/api/notifications', { 'accept-language': 'en' });
    expect(res.json<Page>().items[0]?.title).toBe('To verify: profile of 向春梅');
  });

  it('marks read one by one and all at once, audited', async () => {
    const page = await bell(xl);
    const first = page.items[0];
    if (!first) throw new Error('no notification');
    const res = await xl.post(`/api/notifications/${first.id}/read`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ readAt: string | null }>().readAt).not.toBeNull();
    expect((await bell(xl)).unread).toBe(page.unread - 1);
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'notification.read'), eq(auditLog.objectId, first.id)));
    expect(audit?.actorId).toBe(xlId);

    await notify(t.database.db, {
      kind: 'portal.request_opened',
      to: [{ userId: xlId }, { userId: xlId }],
      params: { name: '测试', objectType: 'entity', requestKind: 'claim', mobileMasked: '' },
      at: t.clock.read(),
    });
    expect((await bell(xl)).unread).toBe(1);
    expect((await bell(xl, '?unread=true')).total).toBe(1);
    const all = await xl.post('/api/notifications/read-all');
    expect(all.json()).toEqual({ updated: 1 });
    expect((await bell(xl)).unread).toBe(0);
    expect((await bell(xl, '?unread=true')).items).toEqual([]);
  });

  it('shows a user only their own rows: another’s id is 404 and stays unread', async () => {
    await notify(t.database.db, {
      kind: 'portal.request_opened',
      to: [{ userId: fjId }],
      params: { name: '他人', objectType: 'person', requestKind: 'claim', mobileMasked: '' },
      at: t.clock.read(),
    });
    const theirs = (await bell(fj)).items[0];
    if (!theirs) throw new Error('no notification');
    const res = await xl.post(`/api/notifications/${theirs.id}/read`);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
    expect((await bell(xl)).items.map((i) => i.id)).not.toContain(theirs.id);
    expect((await bell(fj)).items[0]?.readAt).toBeNull();
    // Nor can an entrepreneur reach a staff row through the portal.
    const me = await registerEntrepreneur(t, mobileFor());
    const portal = await me.post(`/api/portal/notifications/${theirs.id}/read`);
    expect(portal.statusCode).toBe(404);
  });

  it('writes one row per recipient however many audiences name them, none for the disabled', async () => {
    const org = await t.createOrg('奉节县测试银行', 'bank', FENGJIE);
    const clerk = await t.createUser({
      login: 'nt_bank_clerk',
      grants: [{ role: 'bank_reviewer', orgId: org }],
    });
    const gone = await t.createUser({
      login: 'nt_bank_gone',
      grants: [{ role: 'bank_reviewer', orgId: org }],
      disabled: true,
    });
    await t.database.db
      .update(users)
      .set({ orgId: org })
      .where(inArray(users.id, [clerk, gone]));
    const sent = await t.database.db.transaction((trx) =>
      notify(trx, {
        kind: 'portal.welcome',
        to: [
          { userId: clerk },
          { orgId: org },
          { officersOf: { regionCode: XINGLONG, permission: 'person.read' } },
          { userId: xlId },
          { accountsOf: { personId: null, entityId: null } },
        ],
        at: t.clock.read(),
      }),
    );
    const rows = await t.database.db
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(inArray(notifications.id, sent.ids));
    expect(rows.map((r) => r.userId).sort()).toEqual([clerk, xlId].sort());
  });

  it('exists only when the change committed', async () => {
    const count = async () => (await t.database.db.select().from(notifications)).length;
    const before = await count();
    await expect(
      t.database.db.transaction(async (trx) => {
        await notify(trx, {
          kind: 'portal.welcome',
          to: [{ userId: xlId }],
          at: t.clock.read(),
        });
        throw new Error('the business change fails');
      }),
    ).rejects.toThrow('the business change fails');
    expect(await count()).toBe(before);

    // Through the API: a second first submission is refused, and nobody is told of it.
    const me = await registerEntrepreneur(t, mobileFor());
    expect((await me.put('/api/portal/profile', profile('谭小满', XINGLONG))).statusCode).toBe(200);
    const afterFirst = await count();
    const again = await me.put('/api/portal/profile', profile('谭小满', XINGLONG));
    expect(again.statusCode).toBe(409);
    expect(await count()).toBe(afterFirst);
  });

  it('lists the entrepreneur’s messages without the SMS code, and texts the decision', async () => {
    const mobile = mobileFor();
    const me = await registerEntrepreneur(t, mobile);
    const res = await me.get('/api/portal/notifications');
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json<Page>();
    expect(page.items.map((i) => i.kind)).toEqual(['portal.welcome']);
    expect(res.body).not.toMatch(/验证码/);
    const home = await me.get('/api/portal/home');
    expect(home.body).not.toMatch(/验证码/);

    expect((await me.put('/api/portal/profile', profile('刘秀英', XINGLONG))).statusCode).toBe(200);
    const queue = await xl.get('/api/portal-requests?state=pending&pageSize=100');
    const request = queue
      .json<{ items: { id: string; mobileMasked: string }[] }>()
      .items.find((r) => r.mobileMasked === maskMobile(mobile));
    if (!request) throw new Error('no request');
    t.clock.advance(60_000); // newest first: the decision comes after the submission
    const rejected = await xl.post(`/api/portal-requests/${request.id}/reject`, {
      reason: '身份证号与本人不符',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);

    const mine = (await me.get('/api/portal/notifications')).json<Page>();
    expect(mine.items[0]).toMatchObject({
      kind: 'portal.request_rejected',
      title: '个人资料核实未通过',
      body: '驳回理由：身份证号与本人不符',
    });
    const inbox = await t.app.inject({ method: 'GET', url: '/api/portal/dev/sms' });
    const texts = inbox
      .json<{ messages: { mobileMasked: string; text: string }[] }>()
      .messages.filter((m) => m.mobileMasked === maskMobile(mobile));
    expect(texts[0]?.text).toBe(
      '【返乡创业服务平台】个人资料核实未通过：驳回理由：身份证号与本人不符',
    );
    const [row] = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.kind, 'portal.request_rejected'));
    expect(row?.smsState).toBe('sent');

    const all = await me.post('/api/portal/notifications/read-all');
    expect(all.statusCode, all.body).toBe(200);
    expect((await me.get('/api/portal/notifications')).json<Page>().unread).toBe(0);
  });
});
