import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Agent,
  createTestApp,
  sessionCookie,
  TEST_PASSWORD,
  type TestApp,
} from '../../../test/harness.js';
import { auditLog } from '../audit/table.js';
import { users } from '../../access/users/table.js';
import { totpCode } from './totp.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ provinces: ['50'] });
});
afterAll(() => t.close());

/** Password step only: a session waiting for its TOTP code. */
async function passwordStep(login: string): Promise<Agent> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { login, password: TEST_PASSWORD },
  });
  expect(res.json().next).toBe('totp');
  return new Agent(t.app, sessionCookie(res) ?? '', res.json().csrfToken);
}

function codeAt(login: string, offsetMs = 0): string {
  const secret = t.totpSecrets.get(login) ?? '';
  return totpCode(secret, new Date(t.clock.read().getTime() + offsetMs));
}

async function lastAudit() {
  const [row] = await t.database.db
    .select({ action: auditLog.action, result: auditLog.result })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1);
  return row;
}

describe('TOTP replay', () => {
  it('accepts a code once: the same code on another session is refused and audited', async () => {
    await t.createUser({ login: 'replay_a', totp: true });
    const code = codeAt('replay_a');
    const first = await passwordStep('replay_a');
    expect((await first.post('/api/auth/totp/verify', { code })).statusCode).toBe(200);

    const second = await passwordStep('replay_a');
    const replay = await second.post('/api/auth/totp/verify', { code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('TOTP_REPLAYED');
    expect(replay.json().message).toContain('已经使用过');
    expect(await lastAudit()).toMatchObject({
      action: 'auth.totp_verify',
      result: 'TOTP_REPLAYED',
    });

    // An earlier step's code, still inside the drift window, is no better than a replay.
    const older = await second.post('/api/auth/totp/verify', { code: codeAt('replay_a', -30_000) });
    expect(older.json().code).toBe('TOTP_REPLAYED');
    // The next step's code is fresh.
    const next = await second.post('/api/auth/totp/verify', { code: codeAt('replay_a', 30_000) });
    expect(next.statusCode).toBe(200);
  });

  it('lets exactly one of two requests racing with one code through', async () => {
    await t.createUser({ login: 'replay_b', totp: true });
    const code = codeAt('replay_b');
    const a = await passwordStep('replay_b');
    const b = await passwordStep('replay_b');
    const answers = await Promise.all([
      a.post('/api/auth/totp/verify', { code }),
      b.post('/api/auth/totp/verify', { code }),
    ]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 401]);
    expect(answers.find((r) => r.statusCode === 401)?.json().code).toBe('TOTP_REPLAYED');
  });

  it('refuses the enrolment code as a login code', async () => {
    await t.createUser({ login: 'replay_c', grants: [{ role: 'sys_admin' }] });
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'replay_c', password: TEST_PASSWORD },
    });
    expect(login.json().next).toBe('enrol');
    const a = new Agent(t.app, sessionCookie(login) ?? '', login.json().csrfToken);
    const setup = await a.post('/api/auth/totp/setup');
    expect(setup.statusCode).toBe(200);
    const code = totpCode(setup.json().secret, t.clock.read());
    expect((await a.post('/api/auth/totp/confirm', { code })).statusCode).toBe(200);
    const again = await passwordStep('replay_c');
    expect((await again.post('/api/auth/totp/verify', { code })).json().code).toBe('TOTP_REPLAYED');
  });
});

describe('TOTP re-enrolment from a full session', () => {
  it('needs the current password, and a refusal keeps the secret', async () => {
    await t.createUser({ login: 'reenrol', grants: [{ role: 'sys_admin' }], totp: true });
    const agent = await t.login('reenrol');
    const secretBefore = async () =>
      (await t.database.db.select().from(users).where(eq(users.login, 'reenrol')))[0]
        ?.totpSecretEnc;
    const before = await secretBefore();

    const missing = await agent.post('/api/auth/totp/setup');
    expect(missing.statusCode).toBe(422);
    expect(missing.json().code).toBe('PASSWORD_REQUIRED');
    expect(missing.json().message).toBe('更换动态验证码须先输入当前密码');
    const wrong = await agent.post('/api/auth/totp/setup', { currentPassword: 'not-it' });
    expect(wrong.json().code).toBe('PASSWORD_WRONG');
    expect(await secretBefore()).toBe(before);
    expect(await lastAudit()).toMatchObject({
      action: 'auth.totp_setup',
      result: 'PASSWORD_WRONG',
    });

    const ok = await agent.post('/api/auth/totp/setup', { currentPassword: TEST_PASSWORD });
    expect(ok.statusCode).toBe(200);
    expect(await secretBefore()).not.toBe(before);
  });
});
