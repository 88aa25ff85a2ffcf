import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Agent,
  createTestApp,
  FENGJIE,
  NANYANG,
  TEST_PASSWORD,
  type TestApp,
} from '../../../test/harness.js';
import { auditLog } from '../../platform/audit/table.js';
import { users } from '../users/table.js';

let t: TestApp;
let sec: Agent;
let locked: string;
let nyLocked: string;

function tryLogin(login: string, password = TEST_PASSWORD) {
  return t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password } });
}

async function lockOut(id: string) {
  await t.database.db
    .update(users)
    .set({ failedLogins: 0, lockedUntil: new Date(t.clock.now.getTime() + 30 * 60_000) })
    .where(eq(users.id, id));
}

async function auditRows(action: string) {
  return t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.result, 'success')));
}

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser({
    login: 'sec',
    grants: [{ role: 'sec_admin', region: FENGJIE }],
    totp: true,
  });
  await t.createUser({ login: 'sec_nation', grants: [{ role: 'sec_admin' }], totp: true });
  await t.createUser({ login: 'sys', grants: [{ role: 'sys_admin' }], totp: true });
  await t.createUser({ login: 'auditor', grants: [{ role: 'audit_admin' }], totp: true });
  locked = await t.createUser({
    login: 'officer',
    grants: [{ role: 'county_officer', region: FENGJIE }],
  });
  nyLocked = await t.createUser({
    login: 'ny_clerk',
    grants: [{ role: 'dept_staff', region: NANYANG }],
  });
  sec = await t.login('sec');
});
afterAll(() => t.close());

describe('security administration', () => {
  it('refuses every route without a session', async () => {
    for (const [method, url] of [
      ['GET', '/api/security/settings'],
      ['PUT', '/api/security/settings'],
      ['GET', '/api/security/locked-users'],
      ['POST', `/api/users/${locked}/unlock`],
    ] as const) {
      const res = await t.app.inject({ method, url, payload: method === 'GET' ? undefined : {} });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('shows the security administrator the settings, defaults included', async () => {
    const res = await sec.get('/api/security/settings');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      lockoutThreshold: 5,
      lockoutMinutes: 30,
      idleMinutes: 30,
      absoluteHours: 12,
      passwordMinLength: 8,
      passwordMinClasses: 3,
    });
  });

  it('refuses deployment-wide settings to a security administrator of one county', async () => {
    const body = { ...(await sec.get('/api/security/settings')).json(), lockoutThreshold: 3 };
    const res = await sec.put('/api/security/settings', body);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('SCOPE_OUTSIDE_OWN');
  });

  it('lets the security administrator change the settings, which apply at once and are audited', async () => {
    const nation = await t.login('sec_nation');
    const body = { ...(await sec.get('/api/security/settings')).json(), lockoutThreshold: 3 };
    const res = await nation.put('/api/security/settings', body);
    expect(res.statusCode).toBe(200);
    expect(res.json().lockoutThreshold).toBe(3);
    const [record] = await auditRows('security.settings_update');
    expect(record?.details).toEqual({ changed: { lockoutThreshold: { from: 5, to: 3 } } });
    await t.createUser({ login: 'victim', region: FENGJIE });
    for (let i = 0; i < 2; i++)
      expect((await tryLogin('victim', 'wrong')).json().code).toBe('LOGIN_FAILED');
    expect((await tryLogin('victim', 'wrong')).json().code).toBe('ACCOUNT_LOCKED');
    await nation.put('/api/security/settings', { ...body, lockoutThreshold: 5 });
  });

  it('refuses out-of-range settings as a validation error', async () => {
    const nation = await t.login('sec_nation');
    const res = await nation.put('/api/security/settings', { lockoutThreshold: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION');
  });

  it('refuses the settings to the system and audit administrators', async () => {
    for (const login of ['sys', 'auditor']) {
      const agent = await t.login(login);
      const read = await agent.get('/api/security/settings');
      expect(read.statusCode, login).toBe(403);
      expect(read.json().code).toBe('FORBIDDEN');
      expect((await agent.put('/api/security/settings', { lockoutThreshold: 10 })).statusCode).toBe(
        403,
      );
      expect((await agent.get('/api/security/locked-users')).statusCode).toBe(403);
      expect((await agent.post(`/api/users/${locked}/unlock`)).statusCode).toBe(403);
    }
  });

  it('lists locked accounts within scope and unlocks one', async () => {
    await lockOut(locked);
    await lockOut(nyLocked);
    const list = (await sec.get('/api/security/locked-users')).json();
    expect(list.items.map((u: { login: string }) => u.login).sort()).toEqual(['officer', 'victim']);
    const item = list.items.find((u: { login: string }) => u.login === 'officer');
    expect(item).toMatchObject({ userId: locked, regionCode: FENGJIE });
    expect(Object.keys(item).sort()).toEqual(['lockedUntil', 'login', 'regionCode', 'userId']);
    expect((await tryLogin('officer')).json().code).toBe('ACCOUNT_LOCKED');

    const res = await sec.post(`/api/users/${locked}/unlock`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ userId: locked, login: 'officer', locked: false });
    expect((await auditRows('user.unlock')).map((r) => r.objectId)).toEqual([locked]);
    expect((await tryLogin('officer')).statusCode).toBe(200);
    expect((await sec.get('/api/security/locked-users')).json().total).toBe(1);
  });

  it('answers 404 when unlocking an account outside scope', async () => {
    const res = await sec.post(`/api/users/${nyLocked}/unlock`);
    expect(res.statusCode).toBe(404);
    expect((await tryLogin('ny_clerk')).json().code).toBe('ACCOUNT_LOCKED');
  });

  it('does not list a lock-out that has run out', async () => {
    t.clock.advance(31 * 60_000);
    const fresh = await t.login('sec');
    expect((await fresh.get('/api/security/locked-users')).json().total).toBe(0);
  });
});
