import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, FENGJIE, type TestApp } from '../../../test/harness.js';
import { auditLog } from '../../platform/audit/table.js';

let t: TestApp;
let admin: Agent;

const customRole = (code: string, permissions: string[]) => ({
  code,
  nameZh: '县级账号管理员',
  nameEn: 'County account administrator',
  permissions,
  scopeTypes: ['region'],
});

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser({ login: 'sys', grants: [{ role: 'sys_admin' }], totp: true });
  await t.createUser({ login: 'sec', grants: [{ role: 'sec_admin' }], totp: true });
  await t.createUser({ login: 'officer', grants: [{ role: 'county_officer', region: FENGJIE }] });
  admin = await t.login('sys');
});
afterAll(() => t.close());

describe('roles and permissions', () => {
  it('refuses every route without a session', async () => {
    for (const [method, url] of [
      ['GET', '/api/roles'],
      ['GET', '/api/permissions'],
      ['POST', '/api/roles'],
    ] as const) {
      const res = await t.app.inject({ method, url, payload: method === 'POST' ? {} : undefined });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('lists roles with zh/en names, permissions and whether the actor may grant them', async () => {
    const res = await admin.get('/api/roles');
    expect(res.statusCode).toBe(200);
    const roles = res.json().items as { code: string; grantable: boolean; nameZh: string }[];
    const byCode = new Map(roles.map((r) => [r.code, r]));
    expect(byCode.get('sys_admin')).toMatchObject({
      nameZh: '系统管理员',
      nameEn: 'System administrator',
      requireTotp: true,
      builtin: true,
      adminKinds: ['system'],
      grantable: false,
      needsApproval: false,
    });
    expect(byCode.get('county_officer')).toMatchObject({ grantable: true, needsApproval: true });
    expect(byCode.get('township_officer')).toMatchObject({ grantable: true, needsApproval: false });
    expect(byCode.get('audit_admin')?.grantable).toBe(false);
    expect(byCode.get('sec_admin')?.grantable).toBe(false);
  });

  it('serves the permission catalog with each administrator kind', async () => {
    const items = (await admin.get('/api/permissions')).json().items as {
      code: string;
      adminKind: string | null;
    }[];
    expect(items.find((p) => p.code === 'audit.read')?.adminKind).toBe('audit');
    expect(items.find((p) => p.code === 'person.read')).toMatchObject({
      nameZh: '查看人员台账',
      adminKind: null,
    });
  });

  it('refuses role reads to users without user.read', async () => {
    const officer = await t.login('officer');
    expect((await officer.get('/api/roles')).statusCode).toBe(403);
    const sec = await t.login('sec');
    expect((await sec.get('/api/permissions')).json().code).toBe('FORBIDDEN');
  });

  it('creates a custom role, requiring TOTP when it carries administrator permissions', async () => {
    const res = await admin.post(
      '/api/roles',
      customRole('county_user_admin', ['user.manage', 'user.read', 'region.read', 'person.read']),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      code: 'county_user_admin',
      builtin: false,
      requireTotp: true,
      permissions: ['person.read', 'region.read', 'user.manage', 'user.read'],
      adminKinds: ['system'],
    });
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'role.create'), eq(auditLog.objectId, 'county_user_admin')));
    expect(rows.map((r) => r.result)).toEqual(['success']);
    const business = await admin.post('/api/roles', customRole('ledger_clerk', ['person.read']));
    expect(business.json().requireTotp).toBe(false);
  });

  it('refuses a taken role code with ROLE_TAKEN', async () => {
    const res = await admin.post('/api/roles', customRole('county_officer', ['person.read']));
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'ROLE_TAKEN', details: { code: 'county_officer' } });
  });

  it('refuses an unknown permission as a validation error', async () => {
    const res = await admin.post('/api/roles', customRole('odd_role', ['person.fly']));
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION');
  });

  it('refuses a role with security or audit permissions a system administrator does not hold', async () => {
    const sec = await admin.post('/api/roles', customRole('half_sec', ['security.manage']));
    expect(sec.statusCode).toBe(403);
    expect(sec.json()).toMatchObject({
      code: 'GRANT_EXCEEDS_OWN',
      details: { permissions: ['security.manage'] },
    });
    const mixed = await admin.post(
      '/api/roles',
      customRole('sys_audit', ['user.manage', 'audit.read']),
    );
    expect(mixed.json()).toMatchObject({
      code: 'GRANT_EXCEEDS_OWN',
      details: { permissions: ['audit.read'] },
    });
  });

  it('refuses a role spanning two administrator kinds even to someone holding both', async () => {
    await t.createUser({
      login: 'breakglass',
      grants: [{ role: 'sys_admin' }, { role: 'audit_admin' }],
      totp: true,
    });
    const bg = await t.login('breakglass');
    const res = await bg.post('/api/roles', customRole('sys_audit', ['user.manage', 'audit.read']));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'SEPARATION_OF_DUTIES',
      details: { kinds: ['audit', 'system'] },
    });
  });

  it('refuses role creation to a security administrator', async () => {
    const sec = await t.login('sec');
    const res = await sec.post('/api/roles', customRole('sec_helper', ['security.read']));
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
  });
});
