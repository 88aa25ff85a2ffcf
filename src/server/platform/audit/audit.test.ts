import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, FENGJIE, type TestApp } from '../../../test/harness.js';
import { auditLog } from './table.js';

let t: TestApp;
let auditor: Agent;
let officer: Agent;
let sysadmin: Agent;
const T0 = '2026-11-21T02:00:00.000Z';
const T1 = '2026-11-21T02:01:00.000Z';

interface Page {
  items: {
    seq: number;
    at: string;
    actorLogin: string | null;
    action: string;
    objectId: string;
    result: string;
  }[];
  total: number;
  page: number;
  pageSize: number;
}

async function list(query: string): Promise<Page> {
  const res = await auditor.get(`/api/audit${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Page>();
}

beforeAll(async () => {
  t = await createTestApp({ provinces: ['50'] });
  await t.createUser({ login: 'officer', grants: [{ role: 'county_officer', region: FENGJIE }] });
  await t.createUser({ login: 'sysadmin', grants: [{ role: 'sys_admin' }], totp: true });
  await t.createUser({ login: 'auditor', grants: [{ role: 'audit_admin' }], totp: true });
  officer = await t.login('officer'); // at T0
  t.clock.advance(60_000);
  await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { login: 'officer', password: 'Wrong#Password1' },
  }); // at T1
  sysadmin = await t.login('sysadmin');
  auditor = await t.login('auditor');
});
afterAll(() => t.close());

describe('GET /api/audit', () => {
  it('shows the audit administrator a login and a failed login with their results', async () => {
    const page = await list('?actorLogin=officer&action=auth.login');
    expect(page.total).toBe(2);
    expect(page.items.map((i) => i.result)).toEqual(['LOGIN_FAILED', 'success']);
    const res = await auditor.get('/api/audit?actorLogin=officer&result=success');
    const [record] = res.json<{ items: Record<string, unknown>[] }>().items;
    expect(record).toMatchObject({
      at: T0,
      actorLogin: 'officer',
      actorRoles: [],
      ip: '127.0.0.1',
      action: 'auth.login',
      objectType: 'session',
      result: 'success',
      details: { next: 'ok' },
    });
    expect(record?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(record ?? {}).sort()).toEqual(
      [
        'action',
        'actorId',
        'actorLogin',
        'actorRoles',
        'at',
        'details',
        'hash',
        'ip',
        'objectId',
        'objectType',
        'result',
        'seq',
      ].sort(),
    );
  });

  it('filters by result, action, object and time', async () => {
    const failed = await list('?result=LOGIN_FAILED');
    expect(failed.total).toBe(1);
    expect(failed.items[0]).toMatchObject({ actorLogin: 'officer', at: T1 });
    const totp = await list('?action=auth.totp_verify');
    expect(totp.items.map((i) => i.actorLogin).sort()).toEqual(['auditor', 'sysadmin']);
    const sessions = await list('?objectType=session&actorLogin=officer');
    expect(sessions.total).toBe(1);
    const [login] = (await list('?actorLogin=officer&result=success')).items;
    const byObject = await list(`?objectType=session&objectId=${login!.objectId}`);
    expect(byObject.items.map((i) => i.seq)).toEqual([login!.seq]);
    expect((await list(`?actorLogin=officer&from=${T1}`)).items.map((i) => i.result)).toEqual([
      'LOGIN_FAILED',
    ]);
    expect((await list(`?actorLogin=officer&to=2026-11-21T02:00:30Z`)).total).toBe(1);
    expect((await list('?actorLogin=nobody')).total).toBe(0);
  });

  it('pages newest first', async () => {
    const all = await list('?pageSize=200');
    expect(all.total).toBeGreaterThanOrEqual(5);
    const second = await list('?page=2&pageSize=2');
    expect(second).toMatchObject({ page: 2, pageSize: 2, total: all.total });
    expect(second.items.map((i) => i.seq)).toEqual(all.items.slice(2, 4).map((i) => i.seq));
    expect(all.items[0]!.seq).toBeGreaterThan(all.items[1]!.seq);
    expect((await auditor.get('/api/audit?pageSize=500')).json().code).toBe('VALIDATION');
    expect((await auditor.get('/api/audit?from=yesterday')).statusCode).toBe(400);
  });

  it('refuses an audit administrator whose scope is one county: the trail is deployment-wide', async () => {
    await t.createUser({
      login: 'fj_auditor',
      grants: [{ role: 'audit_admin', region: FENGJIE }],
      totp: true,
    });
    const county = await t.login('fj_auditor');
    for (const url of ['/api/audit', '/api/audit/verify']) {
      const res = await county.get(url);
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('SCOPE_OUTSIDE_OWN');
    }
  });

  it('refuses everybody but the audit administrator', async () => {
    for (const url of ['/api/audit', '/api/audit/verify']) {
      expect((await officer.get(url)).json().code).toBe('FORBIDDEN');
      expect((await sysadmin.get(url)).statusCode).toBe(403);
      const anonymous = await t.app.inject({ method: 'GET', url });
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.json().code).toBe('UNAUTHENTICATED');
    }
  });
});

describe('the audit trail is append-only', () => {
  it('refuses UPDATE, DELETE and TRUNCATE from the application', async () => {
    await expect(
      t.database.db.update(auditLog).set({ action: 'forged' }).where(eq(auditLog.seq, 1)),
    ).rejects.toThrow();
    await expect(t.database.db.delete(auditLog).where(eq(auditLog.seq, 1))).rejects.toThrow();
    await expect(t.database.execRaw('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    const [row] = await t.database.db.select().from(auditLog).where(eq(auditLog.seq, 1));
    expect(row?.action).not.toBe('forged');
  });
});

describe('GET /api/audit/verify', () => {
  it('reports an intact chain, then an edited record, then intact again once repaired', async () => {
    const intact = await auditor.get('/api/audit/verify');
    expect(intact.statusCode).toBe(200);
    const report = intact.json<{ ok: boolean; checked: number; headSeq: number }>();
    expect(report).toMatchObject({ ok: true, problems: [] });
    expect(report.checked).toBe(report.headSeq);

    const [row] = await t.database.db.select().from(auditLog).where(eq(auditLog.seq, 2));
    const tamper = (action: string) =>
      t.database.execRaw(
        `ALTER TABLE audit_log DISABLE TRIGGER USER;
         UPDATE audit_log SET action = '${action}' WHERE seq = 2;
         ALTER TABLE audit_log ENABLE TRIGGER USER;`,
      );
    await tamper('auth.logout');
    try {
      const broken = (await auditor.get('/api/audit/verify')).json();
      expect(broken.ok).toBe(false);
      expect(broken.problems).toEqual([{ seq: 2, problem: 'edited' }]);
    } finally {
      await tamper(row!.action);
    }
    expect((await auditor.get('/api/audit/verify')).json().ok).toBe(true);
  });
});
