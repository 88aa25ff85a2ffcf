import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Agent,
  createTestApp,
  FENGJIE,
  TEST_PASSWORD,
  type TestApp,
} from '../../../test/harness.js';
import { auditLog } from '../../platform/audit/table.js';
import { users } from './table.js';
import { giveOwnMobile, inboxPassword } from './users-test-kit.js';

let t: TestApp;
let admin: Agent;
let adminId: string;

async function audited(action: string, objectId: string): Promise<boolean> {
  const rows = await t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.objectId, objectId)));
  return rows.some((r) => r.result === 'success');
}

function tryLogin(login: string, password = TEST_PASSWORD) {
  return t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password } });
}

beforeAll(async () => {
  t = await createTestApp();
  adminId = await t.createUser({
    login: 'fj_sys',
    grants: [{ role: 'sys_admin', region: FENGJIE }],
    totp: true,
  });
  admin = await t.login('fj_sys');
});
afterAll(() => t.close());

describe('disabling, enabling and resetting accounts', () => {
  it('ends the live session of a disabled user at once and refuses their login', async () => {
    const id = await t.createUser({
      login: 'officer',
      grants: [{ role: 'county_officer', region: FENGJIE }],
    });
    const officer = await t.login('officer');
    expect((await officer.get('/api/orgs')).statusCode).toBe(200);
    const res = await admin.post(`/api/users/${id}/disable`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ disabled: true, version: 2 });
    expect(await audited('user.disable', id)).toBe(true);
    const after = await officer.get('/api/orgs');
    expect(after.statusCode).toBe(401);
    expect((await tryLogin('officer')).json().code).toBe('ACCOUNT_DISABLED');
    expect((await admin.get('/api/users?disabled=true')).json().total).toBe(1);

    const enabled = await admin.post(`/api/users/${id}/enable`);
    expect(enabled.json().disabled).toBe(false);
    expect(await audited('user.enable', id)).toBe(true);
    expect((await tryLogin('officer')).statusCode).toBe(200);
  });

  it('refuses to let an administrator disable or reset their own account', async () => {
    const d = await admin.post(`/api/users/${adminId}/disable`);
    expect(d.statusCode).toBe(403);
    expect(d.json()).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'self' } });
    const r = await admin.post(`/api/users/${adminId}/reset-password`);
    expect(r.json().code).toBe('FORBIDDEN');
  });

  it('resets a password: sent by SMS to the user’s own mobile, never to the administrator; sessions ended, lock-out cleared, change forced', async () => {
    const id = await t.createUser({
      login: 'clerk',
      grants: [{ role: 'county_officer', region: FENGJIE }],
    });
    await giveOwnMobile(t, 'clerk', '13912345678');
    const clerk = await t.login('clerk');
    await t.database.db
      .update(users)
      .set({ failedLogins: 2, lockedUntil: new Date(t.clock.now.getTime() + 3_600_000) })
      .where(eq(users.id, id));
    expect((await tryLogin('clerk')).json().code).toBe('ACCOUNT_LOCKED');

    const res = await admin.post(`/api/users/${id}/reset-password`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ deliveredTo: 'sms', mobileMasked: '139****5678' });
    const temporaryPassword = await inboxPassword(t, '13912345678');
    expect(res.body).not.toContain(temporaryPassword);
    expect(await audited('user.reset_password', id)).toBe(true);
    expect((await clerk.get('/api/orgs')).statusCode).toBe(401);
    expect((await tryLogin('clerk')).json().code).toBe('LOGIN_FAILED');
    const login = await tryLogin('clerk', temporaryPassword);
    expect(login.statusCode).toBe(200);
    expect(login.json().next).toBe('change_password');
    const detail = (await admin.get(`/api/users/${id}`)).json();
    expect(detail).toMatchObject({ locked: false, lockedUntil: null, mustChangePassword: true });
  });

  it('issues temporary passwords long enough for a stricter policy', async () => {
    await t.createUser({ login: 'sec', grants: [{ role: 'sec_admin' }], totp: true });
    const sec = await t.login('sec');
    const settings = (await sec.get('/api/security/settings')).json();
    expect(
      (await sec.put('/api/security/settings', { ...settings, passwordMinLength: 20 })).statusCode,
    ).toBe(200);
    const id = await t.createUser({ login: 'long', region: FENGJIE });
    await giveOwnMobile(t, 'long', '13712345678');
    expect((await admin.post(`/api/users/${id}/reset-password`)).statusCode).toBe(200);
    const temporaryPassword = await inboxPassword(t, '13712345678');
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(20);
    await sec.put('/api/security/settings', settings);
  });

  it('refuses a reset when the user has no mobile of their own on record (RESET_NO_MOBILE)', async () => {
    const id = await t.createUser({ login: 'nomobile', region: FENGJIE });
    const res = await admin.post(`/api/users/${id}/reset-password`);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('RESET_NO_MOBILE');
    expect(res.json().message).toContain('未登记本人手机号');
    expect((await tryLogin('nomobile')).statusCode).toBe(200);
  });

  it('will not let a system administrator reset or disable the audit or security administrator', async () => {
    const auditor = await t.createUser({
      login: 'auditor',
      grants: [{ role: 'audit_admin', region: FENGJIE }],
      totp: true,
    });
    const reset = await admin.post(`/api/users/${auditor}/reset-password`);
    expect(reset.statusCode).toBe(403);
    expect(reset.json().code).toBe('ADMIN_ACCOUNT_CLI_ONLY');
    expect(reset.json().message).toContain('只能由运维人员通过命令行办理');
    const disable = await admin.post(`/api/users/${auditor}/disable`);
    expect(disable.json().code).toBe('ADMIN_ACCOUNT_CLI_ONLY');
    expect((await tryLogin('auditor')).statusCode).toBe(200);
  });

  it('will not let an administrator disable another system administrator, whatever the scope', async () => {
    const wide = await t.createUser({
      login: 'cq_sys',
      region: FENGJIE,
      grants: [{ role: 'sys_admin', region: '500000000000' }],
      totp: true,
    });
    const res = await admin.post(`/api/users/${wide}/disable`);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('ADMIN_ACCOUNT_CLI_ONLY');
  });
});
