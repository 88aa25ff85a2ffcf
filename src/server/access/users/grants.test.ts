import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Agent,
  createTestApp,
  FENGJIE,
  NANYANG,
  type TestApp,
  TUXIANG,
  XINGLONG,
} from '../../../test/harness.js';
import { auditLog } from '../../platform/audit/table.js';

let t: TestApp;
let admin: Agent;
let adminId: string;
let officer: string;
let fjOrg: string;
let park: string;
let nyOrg: string;

const region = (roleCode: string, regionCode: string) => ({
  roleCode,
  scopeType: 'region',
  regionCode,
});

async function audited(action: string, objectId: string): Promise<boolean> {
  const rows = await t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.objectId, objectId)));
  return rows.some((r) => r.result === 'success');
}

beforeAll(async () => {
  t = await createTestApp();
  adminId = await t.createUser({
    login: 'fj_sys',
    grants: [{ role: 'sys_admin', region: FENGJIE }],
    totp: true,
  });
  officer = await t.createUser({ login: 'officer', region: FENGJIE });
  fjOrg = await t.createOrg('奉节县人力资源和社会保障局', 'department', FENGJIE);
  park = await t.createOrg('兴隆镇返乡创业园', 'park', XINGLONG);
  nyOrg = await t.createOrg('南阳市财政局', 'department', NANYANG);
  admin = await t.login('fj_sys');
});
afterAll(() => t.close());

function grant(body: unknown, who = officer, as = admin) {
  return as.post(`/api/users/${who}/grants`, body);
}

describe('granting roles', () => {
  it('grants a business role within scope and audits it', async () => {
    const res = await grant(region('township_officer', XINGLONG));
    expect(res.statusCode).toBe(201);
    expect(res.json().grants).toEqual([
      expect.objectContaining({
        roleCode: 'township_officer',
        roleNameZh: '乡镇服务专员',
        scopeType: 'region',
        regionCode: XINGLONG,
        grantedBy: adminId,
      }),
    ]);
    expect(await audited('user.grant', officer)).toBe(true);
  });

  it('scopes organisation and park grants to the organisation and its region', async () => {
    const org = await grant({ roleCode: 'dept_staff', scopeType: 'org', orgId: fjOrg });
    expect(org.statusCode).toBe(201);
    const p = await grant({ roleCode: 'park_operator', scopeType: 'park', orgId: park });
    expect(p.json().grants).toContainEqual(
      expect.objectContaining({
        roleCode: 'park_operator',
        orgId: park,
        regionCode: XINGLONG,
        orgName: '兴隆镇返乡创业园',
      }),
    );
  });

  it('refuses a repeated grant with CONFLICT', async () => {
    const res = await grant(region('township_officer', XINGLONG));
    expect(res.statusCode).toBe(409);
  });

  it('refuses unknown roles, disallowed scope kinds and bad scopes', async () => {
    expect((await grant(region('wizard', FENGJIE))).json()).toMatchObject({
      code: 'ROLE_UNKNOWN',
      details: { role: 'wizard' },
    });
    const kind = await grant({ roleCode: 'county_officer', scopeType: 'org', orgId: fjOrg });
    expect(kind.statusCode).toBe(422);
    expect(kind.json()).toMatchObject({
      code: 'SCOPE_INVALID',
      details: { reasonCode: 'scope_type' },
    });
    const notPark = await grant({ roleCode: 'park_operator', scopeType: 'park', orgId: fjOrg });
    expect(notPark.json().details.reasonCode).toBe('not_a_park');
    expect(notPark.json().message).toContain('园区范围须指定类型为园区的机构');
    const noRegion = await grant({ roleCode: 'county_officer', scopeType: 'region' });
    expect(noRegion.json().details.reasonCode).toBe('region_required');
    expect((await grant(region('county_officer', '500236999000'))).json().code).toBe(
      'REGION_UNKNOWN',
    );
    const noOrg = await grant({
      roleCode: 'dept_staff',
      scopeType: 'org',
      orgId: '00000000-0000-4000-8000-000000000000',
    });
    expect(noOrg.json().code).toBe('ORG_NOT_FOUND');
  });

  it('refuses a scope outside the actor’s own with SCOPE_OUTSIDE_OWN', async () => {
    const r1 = await grant(region('county_officer', NANYANG));
    expect(r1.statusCode).toBe(403);
    expect(r1.json().code).toBe('SCOPE_OUTSIDE_OWN');
    expect(
      (await grant({ roleCode: 'dept_staff', scopeType: 'org', orgId: nyOrg })).json().code,
    ).toBe('SCOPE_OUTSIDE_OWN');
  });

  it('grants no administrator role through the API: only the operator’s CLI does (三权分立)', async () => {
    for (const role of ['audit_admin', 'sec_admin', 'sys_admin']) {
      const res = await grant(region(role, FENGJIE));
      expect(res.statusCode, role).toBe(403);
      expect(res.json().code, role).toBe('ADMIN_ROLE_CLI_ONLY');
      expect(res.json().message, role).toContain('命令行');
    }
    expect((await admin.get(`/api/users/${officer}`)).json().roleCodes).not.toContain('sys_admin');
  });

  it('changes no administrator’s grants through the API, business roles included (三权分立)', async () => {
    const sys2 = await t.createUser({
      login: 'sys2',
      grants: [{ role: 'sys_admin', region: XINGLONG }],
      totp: true,
    });
    for (const role of ['township_officer', 'audit_admin']) {
      const res = await grant(region(role, XINGLONG), sys2);
      expect(res.statusCode, role).toBe(403);
      expect(res.json().code, role).toBe('ADMIN_ACCOUNT_CLI_ONLY');
    }
    expect((await admin.get(`/api/users/${sys2}`)).json().roleCodes).toEqual(['sys_admin']);
  });

  it('refuses changes to one’s own grants', async () => {
    const res = await grant(region('county_officer', FENGJIE), adminId);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'self' } });
  });

  it('lets a delegated administrator hand out business roles but no administrator role', async () => {
    // Role definitions bind every county, so only a nation-wide administrator creates them.
    await t.createUser({ login: 'nation_sys', grants: [{ role: 'sys_admin' }], totp: true });
    const nation = await t.login('nation_sys');
    expect(
      (
        await admin.post('/api/roles', {
          code: 'x_role',
          nameZh: '某角色',
          nameEn: 'X',
          permissions: ['person.read'],
          scopeTypes: ['region'],
        })
      ).json().code,
    ).toBe('SCOPE_OUTSIDE_OWN');
    const role = await nation.post('/api/roles', {
      code: 'county_user_admin',
      nameZh: '县级账号管理员',
      nameEn: 'County account administrator',
      permissions: ['user.manage', 'user.read', 'region.read'],
      scopeTypes: ['region'],
    });
    expect(role.statusCode).toBe(201);
    await t.createUser({
      login: 'delegate',
      grants: [
        { role: 'county_user_admin', region: FENGJIE },
        { role: 'sys_admin', region: XINGLONG },
      ],
      totp: true,
    });
    const delegate = await t.login('delegate');
    const clerk = await t.createUser({ login: 'clerk', region: TUXIANG });
    expect((await grant(region('township_officer', TUXIANG), clerk, delegate)).statusCode).toBe(
      201,
    );
    for (const where of [TUXIANG, XINGLONG]) {
      const admin = await grant(region('sys_admin', where), clerk, delegate);
      expect(admin.json().code, where).toBe('ADMIN_ROLE_CLI_ONLY');
    }
  });
});

describe('revoking grants', () => {
  it('takes a grant away; the rights go with the user’s next request', async () => {
    const id = await t.createUser({
      login: 'temp',
      grants: [{ role: 'county_officer', region: FENGJIE }],
    });
    const temp = await t.login('temp');
    expect((await temp.get('/api/orgs')).statusCode).toBe(200);
    const grantId = (await admin.get(`/api/users/${id}`)).json().grants[0].id;
    const res = await admin.delete(`/api/users/${id}/grants/${grantId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().grants).toEqual([]);
    expect(await audited('user.revoke', id)).toBe(true);
    const after = await temp.get('/api/orgs');
    expect(after.statusCode).toBe(403);
    expect(after.json().code).toBe('FORBIDDEN');
  });

  it('refuses to revoke an administrator’s grant, or one of their own', async () => {
    const auditor = await t.createUser({
      login: 'auditor',
      grants: [{ role: 'audit_admin', region: FENGJIE }],
      totp: true,
    });
    const grantId = (await admin.get(`/api/users/${auditor}`)).json().grants[0].id;
    const res = await admin.delete(`/api/users/${auditor}/grants/${grantId}`);
    expect(res.json().code).toBe('ADMIN_ACCOUNT_CLI_ONLY');
    const own = (await admin.get(`/api/users/${adminId}`)).json().grants[0].id;
    expect((await admin.delete(`/api/users/${adminId}/grants/${own}`)).json().code).toBe(
      'FORBIDDEN',
    );
    expect((await admin.delete(`/api/users/${officer}/grants/${own}`)).statusCode).toBe(404);
  });
});
