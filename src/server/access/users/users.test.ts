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
let nyUser: string;
let fjOrg: string;

async function auditRows(action: string, objectId: string) {
  return t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.objectId, objectId)));
}

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser({
    login: 'fj_sys',
    grants: [{ role: 'sys_admin', region: FENGJIE }],
    totp: true,
  });
  nyUser = await t.createUser({
    login: 'ny_clerk',
    grants: [{ role: 'dept_staff', region: NANYANG }],
  });
  await t.createUser({
    login: 'xl_clerk',
    grants: [{ role: 'township_officer', region: XINGLONG }],
  });
  fjOrg = await t.createOrg('奉节县人力资源和社会保障局', 'department', FENGJIE);
  admin = await t.login('fj_sys');
});
afterAll(() => t.close());

describe('user accounts', () => {
  it('refuses every route without a session', async () => {
    const id = nyUser;
    const routes: [string, string][] = [
      ['GET', '/api/users'],
      ['GET', `/api/users/${id}`],
      ['POST', '/api/users'],
      ['PATCH', `/api/users/${id}`],
      ['POST', `/api/users/${id}/disable`],
      ['POST', `/api/users/${id}/enable`],
      ['POST', `/api/users/${id}/reset-password`],
      ['POST', `/api/users/${id}/grants`],
      ['DELETE', `/api/users/${id}/grants/${id}`],
    ];
    for (const [method, url] of routes) {
      const res = await t.app.inject({
        method: method as 'GET',
        url,
        payload: method === 'GET' || method === 'DELETE' ? undefined : {},
      });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('creates a user with a one-time temporary password who must change it at first login', async () => {
    const res = await admin.post('/api/users', {
      login: 'FJ_Wang',
      displayName: '王小明',
      regionCode: FENGJIE,
      orgId: fjOrg,
    });
    expect(res.statusCode).toBe(201);
    const { user, temporaryPassword } = res.json();
    expect(user).toMatchObject({
      login: 'fj_wang',
      regionName: '重庆市 / 奉节县',
      orgName: '奉节县人力资源和社会保障局',
      mustChangePassword: true,
      disabled: false,
      grants: [],
    });
    expect(user).not.toHaveProperty('passwordHash');
    expect(temporaryPassword).toMatch(/^.{14,}$/);
    const [audit] = await auditRows('user.create', user.id);
    expect(audit?.details).toEqual({ regionCode: FENGJIE, orgId: fjOrg, passwordGenerated: true });
    expect(JSON.stringify(audit)).not.toContain(temporaryPassword);

    // The creator may not give it business roles for 24 hours; another administrator may.
    await t.createUser({
      login: 'fj_sys_b',
      grants: [{ role: 'sys_admin', region: FENGJIE }],
      totp: true,
    });
    const other = await t.login('fj_sys_b');
    const grant = await other.post(`/api/users/${user.id}/grants`, {
      roleCode: 'township_officer',
      scopeType: 'region',
      regionCode: FENGJIE,
    });
    expect(grant.statusCode).toBe(201);

    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'fj_wang', password: temporaryPassword },
    });
    expect(login.json().next).toBe('change_password');
    const wang = await t.login('fj_wang', temporaryPassword);
    const blocked = await wang.get('/api/orgs');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    const changed = await wang.post('/api/auth/password', {
      currentPassword: temporaryPassword,
      newPassword: 'Kuimen#Gate2026',
    });
    expect(changed.statusCode).toBe(200);
    expect((await wang.get('/api/orgs')).statusCode).toBe(200);
  });

  it('keeps an administrator-chosen password secret but still forces a change', async () => {
    const res = await admin.post('/api/users', {
      login: 'fj_li',
      displayName: '李四',
      regionCode: XINGLONG,
      password: 'Baidicheng#2026',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().temporaryPassword).toBeNull();
    expect(res.json().user.mustChangePassword).toBe(true);
  });

  it('refuses a taken login, whatever its case, with LOGIN_TAKEN', async () => {
    const res = await admin.post('/api/users', {
      login: 'FJ_WANG',
      displayName: 'x',
      regionCode: FENGJIE,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'LOGIN_TAKEN', message: '登录名 fj_wang 已被使用' });
  });

  it('refuses a malformed login', async () => {
    for (const login of ['ab', 'wang xiao', '王小明', 'a'.repeat(33)]) {
      const res = await admin.post('/api/users', { login, displayName: 'x', regionCode: FENGJIE });
      expect(res.json().code, login).toBe('VALIDATION');
    }
  });

  it('refuses a weak password with the reasons in zh-CN', async () => {
    const res = await admin.post('/api/users', {
      login: 'fj_zhao',
      displayName: '赵六',
      regionCode: FENGJIE,
      password: 'password',
    });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe('PASSWORD_POLICY');
    expect(body.details.reasons).toEqual([
      '须包含大写字母、小写字母、数字、符号中的至少三类',
      '不能使用过于常见的密码',
    ]);
    expect(body.message).toBe(
      '密码不符合安全要求：须包含大写字母、小写字母、数字、符号中的至少三类；不能使用过于常见的密码',
    );
  });

  it('refuses to create a user in 南阳市 for a 奉节县 administrator', async () => {
    const res = await admin.post('/api/users', {
      login: 'ny_new',
      displayName: 'x',
      regionCode: NANYANG,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('SCOPE_OUTSIDE_OWN');
  });

  it('refuses an unknown region and an unknown organisation', async () => {
    const r1 = await admin.post('/api/users', {
      login: 'user1',
      displayName: 'x',
      regionCode: '500236999000',
    });
    expect(r1.statusCode).toBe(422);
    expect(r1.json().code).toBe('REGION_UNKNOWN');
    const r2 = await admin.post('/api/users', {
      login: 'user2',
      displayName: 'x',
      regionCode: FENGJIE,
      orgId: '00000000-0000-4000-8000-000000000000',
    });
    expect(r2.json().code).toBe('ORG_NOT_FOUND');
  });

  it('answers 404 for a user outside scope, for reads and writes alike', async () => {
    expect((await admin.get(`/api/users/${nyUser}`)).statusCode).toBe(404);
    expect(
      (await admin.patch(`/api/users/${nyUser}`, { displayName: 'x', version: 1 })).statusCode,
    ).toBe(404);
    expect((await admin.post(`/api/users/${nyUser}/disable`)).statusCode).toBe(404);
    expect((await admin.post(`/api/users/${nyUser}/reset-password`)).statusCode).toBe(404);
  });

  it('lists users in scope only, with filters', async () => {
    const all = (await admin.get('/api/users?pageSize=100')).json();
    const logins = all.items.map((u: { login: string }) => u.login);
    expect(logins).toContain('xl_clerk');
    expect(logins).not.toContain('ny_clerk');
    const town = (await admin.get(`/api/users?region=${XINGLONG}`)).json();
    expect(town.items.map((u: { login: string }) => u.login).sort()).toEqual(['fj_li', 'xl_clerk']);
    const q = (await admin.get('/api/users?q=clerk')).json();
    expect(q.items).toHaveLength(1);
    expect(q.items[0].roleCodes).toEqual(['township_officer']);
    const disabled = (await admin.get('/api/users?disabled=true')).json();
    expect(disabled.total).toBe(0);
  });

  it('edits a user under optimistic locking', async () => {
    const id = (await admin.get('/api/users?q=xl_clerk')).json().items[0].id;
    const ok = await admin.patch(`/api/users/${id}`, {
      displayName: '兴隆镇 经办人',
      orgId: fjOrg,
      version: 1,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ displayName: '兴隆镇 经办人', version: 2, orgId: fjOrg });
    expect(await auditRows('user.update', id)).toHaveLength(1);
    const stale = await admin.patch(`/api/users/${id}`, { displayName: 'x', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
  });
});
