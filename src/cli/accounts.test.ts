import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../domain/errors/codes.js';
import { createTestApp, FENGJIE, type TestApp } from '../test/harness.js';
import { auditLog } from '../server/platform/audit/table.js';
import { verifyAuditChain } from '../server/platform/audit/verify.js';
import { roles } from '../server/access/roles/table.js';
import {
  createAccount,
  listAccounts,
  resetAccountPassword,
  setAccountDisabled,
} from '../server/access/users/cli-accounts.js';
import { users } from '../server/access/users/table.js';

/** The account operations behind `fanxiang user …`, called directly on a real database. */

const OPERATOR = 'cli:ops';
const CHOSEN = 'Kuimen#Gate2026';
let t: TestApp;
const op = () => ({ name: OPERATOR, chainKey: t.deps.auditKeys.chain });

beforeAll(async () => {
  t = await createTestApp({ provinces: ['50'] });
});
afterAll(() => t.close());

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (isAppError(err)) return err.code;
    throw err;
  }
  throw new Error('expected a rejection');
}

function login(name: string, password: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { login: name, password },
  });
}

async function records(action: string) {
  return t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.actorLogin, OPERATOR)));
}

describe('operator account commands', () => {
  it('creates an officer with a temporary password to be changed at first login, audited', async () => {
    const made = await createAccount(t.database.db, op(), {
      login: 'FJ_Wang',
      displayName: '王小明',
      regionCode: FENGJIE,
      roleCode: 'county_officer',
    });
    expect(made.login).toBe('fj_wang');
    expect(made.temporaryPassword).toMatch(/^\S{14,}$/);
    const res = await login('fj_wang', made.temporaryPassword!);
    expect(res.json().next).toBe('change_password');
    const [created] = await records('user.create');
    expect(created).toMatchObject({ objectId: made.userId, ip: 'local', result: 'success' });
    const [grant] = await records('user.grant');
    expect(grant?.details).toMatchObject({ roleCode: 'county_officer', regionCode: FENGJIE });
  });

  it('creates the three administrators with a chosen password; they enrol TOTP at first login', async () => {
    for (const role of ['sys_admin', 'sec_admin', 'audit_admin']) {
      const made = await createAccount(t.database.db, op(), {
        login: role.replace('_', ''),
        displayName: role,
        regionCode: '000000000000',
        roleCode: role,
        password: CHOSEN,
      });
      expect(made.temporaryPassword).toBeNull();
      expect((await login(role.replace('_', ''), CHOSEN)).json().next).toBe('enrol');
    }
  });

  it('refuses what the API refuses, and records each refusal with its code', async () => {
    const base = { displayName: '张三', regionCode: FENGJIE, roleCode: 'county_officer' };
    const db = t.database.db;
    expect(await code(createAccount(db, op(), { ...base, login: 'fj_wang' }))).toBe('LOGIN_TAKEN');
    expect(await code(createAccount(db, op(), { ...base, login: 'x' }))).toBe('VALIDATION');
    expect(
      await code(createAccount(db, op(), { ...base, login: 'zhang', password: 'password' })),
    ).toBe('PASSWORD_POLICY');
    expect(await code(createAccount(db, op(), { ...base, login: 'zhang', roleCode: 'king' }))).toBe(
      'ROLE_UNKNOWN',
    );
    expect(
      await code(createAccount(db, op(), { ...base, login: 'zhang', regionCode: '419900000000' })),
    ).toBe('REGION_NOT_FOUND');
    expect(
      await code(createAccount(db, op(), { ...base, login: 'zhang', roleCode: 'bank_reviewer' })),
    ).toBe('SCOPE_INVALID');
    await db.insert(roles).values({
      code: 'overlord',
      nameZh: '全能管理员',
      nameEn: 'Overlord',
      permissions: ['user.manage', 'audit.read'],
      scopeTypes: ['region'],
    });
    expect(
      await code(createAccount(db, op(), { ...base, login: 'zhang', roleCode: 'overlord' })),
    ).toBe('SEPARATION_OF_DUTIES');
    const refused = (await records('user.create')).map((r) => r.result).sort();
    expect(refused).toEqual(
      [
        'LOGIN_TAKEN',
        'PASSWORD_POLICY',
        'REGION_NOT_FOUND',
        'ROLE_UNKNOWN',
        'SCOPE_INVALID',
        'SEPARATION_OF_DUTIES',
        'VALIDATION',
        'success',
        'success',
        'success',
        'success',
      ].sort(),
    );
    expect(await db.$count(users, eq(users.login, 'zhang'))).toBe(0);
  });

  it('disables an account at once, enables it, and resets its password clearing the lock-out', async () => {
    const db = t.database.db;
    await createAccount(db, op(), {
      login: 'fj_li',
      displayName: '李四',
      regionCode: FENGJIE,
      roleCode: 'county_officer',
      password: CHOSEN,
    });
    const agent = await t.login('fj_li', CHOSEN);
    expect((await agent.get('/api/auth/session')).statusCode).toBe(200);
    await setAccountDisabled(db, op(), 'fj_li', true);
    // The CLI is another process: the server learns of it by the notice, not by its own request.
    await t.deps.noticesDelivered?.();
    expect((await agent.get('/api/auth/session')).statusCode).toBe(401);
    expect((await login('fj_li', CHOSEN)).json().code).toBe('ACCOUNT_DISABLED');
    await setAccountDisabled(db, op(), 'fj_li', false);
    await db
      .update(users)
      .set({ lockedUntil: new Date('2099-01-01') })
      .where(eq(users.login, 'fj_li'));
    const { temporaryPassword } = await resetAccountPassword(db, op(), 'fj_li');
    const res = await login('fj_li', temporaryPassword);
    expect(res.statusCode).toBe(200);
    expect(res.json().next).toBe('change_password');
    expect(await code(setAccountDisabled(db, op(), 'nobody', true))).toBe('LOGIN_UNKNOWN');
    expect((await records('user.disable')).map((r) => r.result).sort()).toEqual([
      'LOGIN_UNKNOWN',
      'success',
    ]);
    expect((await verifyAuditChain(db, { keys: t.deps.auditKeys })).ok).toBe(true);
  });

  it('lists every account with its roles and state', async () => {
    const list = await listAccounts(t.database.db);
    expect(list.map((a) => a.login)).toEqual(
      ['auditadmin', 'fj_li', 'fj_wang', 'secadmin', 'sysadmin'].sort(),
    );
    expect(list.find((a) => a.login === 'sysadmin')).toMatchObject({
      roles: ['sys_admin'],
      disabled: false,
      mustChangePassword: false,
    });
  });
});
