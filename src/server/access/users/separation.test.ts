import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NATION_CODE } from '../../../domain/regions/region-code.js';
import {
  type Agent,
  createTestApp,
  FENGJIE,
  type TestApp,
  XINGLONG,
} from '../../../test/harness.js';
import { seedPerson } from '../../../test/ledger-factories.js';
import { auditLog } from '../../platform/audit/table.js';
import { grantRequests } from '../grant-requests/table.js';
import { users } from './table.js';
import { giveOwnMobile, inboxPassword } from './users-test-kit.js';

/**
 * 三权分立: the system administrator manages accounts but no sequence of their own API calls ends
 * in a read of personal data. Personal-data grants wait for the security administrator, nobody
 * decides their own request, administrators' accounts are the CLI's, an administrator cannot give
 * business roles to an account they created less than 24 hours ago, and a password reset goes to
 * the user's own mobile.
 */

const HOUR = 3_600_000;
const NEW_PASSWORD = 'Kuimen#Gate2026';

let t: TestApp;
let sysId: string;
let secId: string;
let auditorId: string;
let officerId: string;
let personId: string;

const atRoot = { roleCode: 'county_officer', scopeType: 'region', regionCode: NATION_CODE };
const unmask = { reason: '核验身份办理贷款', fields: ['idNumber', 'mobile'] };

async function auditRows(action: string, objectId: string) {
  return t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.objectId, objectId)));
}

/** Logs in with a temporary password and changes it, as a new user would. */
async function firstLogin(login: string, temporaryPassword: string): Promise<Agent> {
  const agent = await t.login(login, temporaryPassword);
  const changed = await agent.post('/api/auth/password', {
    currentPassword: temporaryPassword,
    newPassword: NEW_PASSWORD,
  });
  expect(changed.statusCode, changed.body).toBe(200);
  return t.login(login, NEW_PASSWORD);
}

beforeAll(async () => {
  t = await createTestApp({ provinces: ['50'] });
  sysId = await t.createUser({ login: 'sys', grants: [{ role: 'sys_admin' }], totp: true });
  secId = await t.createUser({ login: 'sec', grants: [{ role: 'sec_admin' }], totp: true });
  auditorId = await t.createUser({
    login: 'auditor',
    grants: [{ role: 'audit_admin' }],
    totp: true,
  });
  officerId = await t.createUser({
    login: 'fj_officer',
    grants: [{ role: 'county_officer', region: FENGJIE }],
  });
  await giveOwnMobile(t, 'fj_officer', '13912345678');
  personId = await seedPerson(t);
});
afterAll(() => t.close());

describe('separation of the three administrators (三权分立)', () => {
  it('lets no sequence of the system administrator’s own calls read personal data', async () => {
    let sys = await t.login('sys');

    // A fresh account of their own gets no business role for 24 hours.
    const created = await sys.post('/api/users', {
      login: 'puppet',
      displayName: '傀儡账号',
      regionCode: FENGJIE,
    });
    expect(created.statusCode).toBe(201);
    const puppetId: string = created.json().user.id;
    const early = await sys.post(`/api/users/${puppetId}/grants`, atRoot);
    expect(early.statusCode).toBe(403);
    expect(early.json().code).toBe('GRANT_OWN_NEW_ACCOUNT');

    // A day later the grant is only a request: nothing takes effect.
    t.clock.advance(25 * HOUR);
    sys = await t.login('sys');
    const requested = await sys.post(`/api/users/${puppetId}/grants`, atRoot);
    expect(requested.statusCode).toBe(202);
    expect(requested.json().grants).toEqual([]);
    expect(requested.json().pendingRequests).toEqual([
      expect.objectContaining({
        roleCode: 'county_officer',
        regionCode: NATION_CODE,
        status: 'pending',
        personalData: ['person.unmask'],
        requestedBy: sysId,
      }),
    ]);
    const [requestAudit] = await auditRows('user.grant_request', puppetId);
    expect(requestAudit).toMatchObject({ actorId: sysId, result: 'success' });

    // A business role without personal-data permissions (masked reads of names, birth dates,
    // places) is not granted by the creator alone either, however long they wait.
    const masked = await sys.post(`/api/users/${puppetId}/grants`, {
      roleCode: 'township_officer',
      scopeType: 'region',
      regionCode: XINGLONG,
    });
    expect(masked.statusCode).toBe(202);
    expect(masked.json().grants).toEqual([]);
    t.clock.advance(365 * 24 * HOUR);
    sys = await t.login('sys');
    const yearLater = await sys.post(`/api/users/${puppetId}/grants`, {
      roleCode: 'dept_staff',
      scopeType: 'region',
      regionCode: FENGJIE,
    });
    expect(yearLater.statusCode).toBe(202);
    expect(yearLater.json().grants).toEqual([]);

    // Logged in as the puppet, there is nothing to read, let alone unmask.
    const puppet = await firstLogin('puppet', created.json().temporaryPassword);
    const refused = await puppet.post(`/api/people/${personId}/unmask`, unmask);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('FORBIDDEN');
    expect((await puppet.get('/api/people')).statusCode).toBe(403);

    // The system administrator cannot approve it.
    const requestId: string = requested.json().pendingRequests[0].id;
    const approve = await sys.post(`/api/grant-requests/${requestId}/approve`);
    expect(approve.statusCode).toBe(403);
    expect(approve.json().code).toBe('FORBIDDEN');

    // A reset of a real officer's password never answers with the password.
    const reset = await sys.post(`/api/users/${officerId}/reset-password`);
    expect(reset.statusCode).toBe(200);
    expect(reset.json()).toEqual({ deliveredTo: 'sms', mobileMasked: '139****5678' });
    expect(reset.body).not.toContain(await inboxPassword(t, '13912345678'));
    // …nor can the administrator point the officer's mobile at their own phone first.
    const version = (await sys.get(`/api/users/${officerId}`)).json().version;
    const patched = await sys.patch(`/api/users/${officerId}`, {
      mobile: '13800000000',
      version,
    });
    expect(patched.json().mobileMasked).toBe('139****5678');

    // Puppet path: make an administrator of the puppet, or have a second one serve the first.
    const puppetAdmin = await sys.post(`/api/users/${puppetId}/grants`, {
      roleCode: 'sys_admin',
      scopeType: 'region',
      regionCode: NATION_CODE,
    });
    expect(puppetAdmin.json().code).toBe('ADMIN_ROLE_CLI_ONLY');
    const self = await sys.post(`/api/users/${sysId}/grants`, atRoot);
    expect(self.json()).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'self' } });
    await t.createUser({ login: 'sys_b', grants: [{ role: 'sys_admin' }], totp: true });
    const sysB = await t.login('sys_b');
    const served = await sysB.post(`/api/users/${sysId}/grants`, {
      roleCode: 'township_officer',
      scopeType: 'region',
      regionCode: FENGJIE,
    });
    expect(served.statusCode).toBe(403);
    expect(served.json().code).toBe('ADMIN_ACCOUNT_CLI_ONLY');

    // The audit administrator's account is out of reach: no rename, no business role.
    const auditorVersion = (await sys.get(`/api/users/${auditorId}`)).json().version;
    const rename = await sys.patch(`/api/users/${auditorId}`, {
      displayName: '改名',
      version: auditorVersion,
    });
    expect(rename.statusCode).toBe(403);
    expect(rename.json().code).toBe('ADMIN_ACCOUNT_CLI_ONLY');
    expect(rename.json().message).toContain('命令行');
    const auditorGrant = await sys.post(`/api/users/${auditorId}/grants`, {
      roleCode: 'township_officer',
      scopeType: 'region',
      regionCode: FENGJIE,
    });
    expect(auditorGrant.json().code).toBe('ADMIN_ACCOUNT_CLI_ONLY');
    const auditor = (await sys.get(`/api/users/${auditorId}`)).json();
    expect(auditor).toMatchObject({ displayName: 'auditor', roleCodes: ['audit_admin'] });

    // Still nothing to unmask.
    expect((await puppet.post(`/api/people/${personId}/unmask`, unmask)).statusCode).toBe(403);
  });

  it('makes a personal-data grant effective once the security administrator approves, audited', async () => {
    const target = await t.createUser({ login: 'fj_new_officer', region: FENGJIE });
    const sys = await t.login('sys');
    const requested = await sys.post(`/api/users/${target}/grants`, atRoot);
    expect(requested.statusCode).toBe(202);
    const again = await sys.post(`/api/users/${target}/grants`, atRoot);
    expect(again.json().code).toBe('GRANT_REQUEST_DUPLICATE');
    const requestId: string = requested.json().pendingRequests[0].id;

    const sec = await t.login('sec');
    const pending = (await sec.get('/api/grant-requests?status=pending')).json();
    expect(pending.items.map((r: { id: string }) => r.id)).toContain(requestId);
    const approved = await sec.post(`/api/grant-requests/${requestId}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({
      status: 'approved',
      decidedBy: secId,
      decidedByLogin: 'sec',
      requestedByLogin: 'sys',
    });
    const [record] = await auditRows('user.grant_approve', target);
    expect(record).toMatchObject({ actorId: secId, result: 'success' });
    expect(record?.details).toMatchObject({ requestId, roleCode: 'county_officer' });

    const detail = (await sys.get(`/api/users/${target}`)).json();
    expect(detail.grants).toEqual([
      expect.objectContaining({ roleCode: 'county_officer', grantedBy: sysId }),
    ]);
    expect(detail.pendingRequests).toEqual([]);
    const mine = (await sys.get('/api/grant-requests')).json();
    expect(mine.items).toContainEqual(
      expect.objectContaining({ id: requestId, status: 'approved' }),
    );

    const officer = await t.login('fj_new_officer');
    const shown = await officer.post(`/api/people/${personId}/unmask`, unmask);
    expect(shown.statusCode, shown.body).toBe(200);

    const twice = await sec.post(`/api/grant-requests/${requestId}/approve`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('GRANT_REQUEST_DECIDED');
  });

  it('rejects with a reason: nothing is granted and the rejection is audited', async () => {
    const target = await t.createUser({ login: 'fj_rejected', region: FENGJIE });
    const sys = await t.login('sys');
    const requestId: string = (await sys.post(`/api/users/${target}/grants`, atRoot)).json()
      .pendingRequests[0].id;
    const sec = await t.login('sec');
    expect(
      (await sec.post(`/api/grant-requests/${requestId}/reject`, { reason: '' })).statusCode,
    ).toBe(400);
    const rejected = await sec.post(`/api/grant-requests/${requestId}/reject`, {
      reason: '未见县人社局的任命文件',
    });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'rejected', reason: '未见县人社局的任命文件' });
    expect((await auditRows('user.grant_reject', target))[0]).toMatchObject({ actorId: secId });
    expect((await sys.get(`/api/users/${target}`)).json()).toMatchObject({
      grants: [],
      pendingRequests: [],
    });
  });

  it('refuses to let anyone decide a request they made or one granting to themselves', async () => {
    // Only a database edit could make one account both (the API and the CLI refuse it).
    await t.createUser({
      login: 'both',
      grants: [{ role: 'sys_admin' }, { role: 'sec_admin' }],
      totp: true,
    });
    const both = await t.login('both');
    const target = await t.createUser({ login: 'fj_target', region: FENGJIE });
    const requested = await both.post(`/api/users/${target}/grants`, atRoot);
    expect(requested.statusCode).toBe(202);
    const own = await both.post(
      `/api/grant-requests/${requested.json().pendingRequests[0].id}/approve`,
    );
    expect(own.statusCode).toBe(403);
    expect(own.json().code).toBe('GRANT_REQUEST_SELF');

    const [forSec] = await t.database.db
      .insert(grantRequests)
      .values({
        userId: secId,
        roleCode: 'county_officer',
        scopeType: 'region',
        scopeRegion: FENGJIE,
        regionCode: FENGJIE,
        requestedBy: sysId,
        requestedAt: t.clock.read(),
      })
      .returning({ id: grantRequests.id });
    const sec = await t.login('sec');
    const toSelf = await sec.post(`/api/grant-requests/${forSec!.id}/approve`);
    expect(toSelf.json().code).toBe('GRANT_REQUEST_SELF');
  });

  it('refuses business roles to an account its creator made less than 24 hours ago, by the clock', async () => {
    let sys = await t.login('sys');
    const created = await sys.post('/api/users', {
      login: 'fj_fresh',
      displayName: '新账号',
      regionCode: FENGJIE,
    });
    const id: string = created.json().user.id;
    const [row] = await t.database.db.select().from(users).where(eq(users.id, id));
    expect(row?.createdBy).toBe(sysId);
    const township = { roleCode: 'township_officer', scopeType: 'region', regionCode: XINGLONG };

    t.clock.advance(24 * HOUR - 60_000);
    sys = await t.login('sys');
    const early = await sys.post(`/api/users/${id}/grants`, township);
    expect(early.statusCode).toBe(403);
    expect(early.json()).toMatchObject({
      code: 'GRANT_OWN_NEW_ACCOUNT',
      details: { until: new Date(row!.createdAt.getTime() + 24 * HOUR).toISOString() },
    });
    // Another administrator is not held back.
    const other = await t.login('sys_b');
    const byOther = await other.post(`/api/users/${id}/grants`, {
      ...township,
      regionCode: FENGJIE,
    });
    expect(byOther.statusCode).toBe(201);

    // Past the 24 hours the creator's grant still needs a second person: it only files a request.
    t.clock.advance(60_000);
    sys = await t.login('sys');
    const later = await sys.post(`/api/users/${id}/grants`, township);
    expect(later.statusCode).toBe(202);
    expect(later.json().pendingRequests).toEqual([
      expect.objectContaining({
        roleCode: 'township_officer',
        status: 'pending',
        personalData: [],
      }),
    ]);
    const [audit] = await auditRows('user.grant_request', id);
    expect(audit?.details).toMatchObject({ roleCode: 'township_officer', ownAccount: true });
    // The security administrator's approval is the second person: then it takes effect.
    const sec = await t.login('sec');
    const approved = await sec.post(
      `/api/grant-requests/${later.json().pendingRequests[0].id}/approve`,
    );
    expect(approved.statusCode, approved.body).toBe(200);
    expect((await sys.get(`/api/users/${id}`)).json().grants).toContainEqual(
      expect.objectContaining({ roleCode: 'township_officer', grantedBy: sysId }),
    );
  });
});
