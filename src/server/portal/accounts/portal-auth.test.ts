import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/audit/table.js';
import {
  Agent,
  createTestApp,
  FENGJIE,
  TEST_PASSWORD,
  type TestApp,
} from '../../../test/harness.js';
import { mobileFor } from '../../../test/ledger-factories.js';
import { inboxCode, portalCookie, post, registerEntrepreneur } from './portal-test-kit.js';
import { portalAccounts, portalSmsCodes } from './table.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ provinces: ['50'] });
  await t.createUser({ login: 'officer', grants: [{ role: 'county_officer', region: FENGJIE }] });
});
afterAll(() => t.close());

/** Asks for an SMS code for a number not seen before and reads the code from the inbox. */
async function codeForNewNumber(): Promise<{ mobile: string; code: string }> {
  const mobile = mobileFor();
  await post(t, '/api/portal/sms-codes', { mobile });
  return { mobile, code: await inboxCode(t, mobile) };
}

describe('registration with an SMS code', () => {
  it('registers with the code from the SMS, stores the number sealed and logs the entrepreneur in', async () => {
    const mobile = mobileFor();
    const sent = await post(t, '/api/portal/sms-codes', { mobile });
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toMatchObject({ expiresInSeconds: 300, retryAfterSeconds: 60 });
    expect(sent.json().mobileMasked).toBe(`${mobile.slice(0, 3)}****${mobile.slice(7)}`);
    const code = await inboxCode(t, mobile);
    expect(code).toMatch(/^\d{6}$/);
    const [stored] = await t.database.db.select().from(portalSmsCodes);
    expect(stored?.codeHash).not.toContain(code);
    const res = await post(t, '/api/portal/register', { mobile, code, password: TEST_PASSWORD });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ hasProfile: false, hasEnterprise: false });
    const cookie = res.cookies.find((c) => c.name === 'fx_psid');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/portal' });
    const agent = new Agent(t.app, portalCookie(res) ?? '', res.json().csrfToken);
    expect((await agent.get('/api/portal/session')).json().mobileMasked).toBe(
      sent.json().mobileMasked,
    );
    const [account] = await t.database.db.select().from(portalAccounts);
    expect(JSON.stringify(account)).not.toContain(mobile);
    // The code is used once.
    const again = await post(t, '/api/portal/register', { mobile, code, password: TEST_PASSWORD });
    expect(again.json().code).toBe('SMS_CODE_EXPIRED');
  });

  it('refuses a wrong code with the attempts left, and voids the code after five', async () => {
    const { mobile, code } = await codeForNewNumber();
    const wrong = code === '000000' ? '111111' : '000000';
    const first = await post(t, '/api/portal/register', {
      mobile,
      code: wrong,
      password: TEST_PASSWORD,
    });
    expect(first.statusCode).toBe(422);
    expect(first.json()).toMatchObject({
      code: 'SMS_CODE_INVALID',
      message: '验证码不正确，还可尝试 4 次',
    });
    for (let i = 0; i < 4; i++)
      await post(t, '/api/portal/register', { mobile, code: wrong, password: TEST_PASSWORD });
    const right = await post(t, '/api/portal/register', { mobile, code, password: TEST_PASSWORD });
    expect(right.json().code).toBe('SMS_CODE_EXPIRED');
  });

  it('refuses an expired code (after 5 minutes)', async () => {
    const { mobile, code } = await codeForNewNumber();
    t.clock.advance(5 * 60_000 + 1000);
    const res = await post(t, '/api/portal/register', { mobile, code, password: TEST_PASSWORD });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('SMS_CODE_EXPIRED');
    expect(res.json().message).toContain('请重新获取');
  });

  it('sends at most one code per number per minute', async () => {
    const mobile = mobileFor();
    expect((await post(t, '/api/portal/sms-codes', { mobile })).statusCode).toBe(200);
    t.clock.advance(20_000);
    const soon = await post(t, '/api/portal/sms-codes', { mobile });
    expect(soon.statusCode).toBe(429);
    expect(soon.json()).toMatchObject({ code: 'SMS_RATE_LIMITED', details: { retryAfter: 40 } });
    expect(soon.json().message).toBe('验证码发送过于频繁，请 40 秒后再试');
    t.clock.advance(41_000);
    expect((await post(t, '/api/portal/sms-codes', { mobile })).statusCode).toBe(200);
  });

  it('applies the staff password policy and keeps the code for a second try', async () => {
    const { mobile, code } = await codeForNewNumber();
    const weak = await post(t, '/api/portal/register', { mobile, code, password: 'password' });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().code).toBe('PASSWORD_POLICY');
    expect(weak.json().message).toContain('过于常见');
    const ok = await post(t, '/api/portal/register', { mobile, code, password: TEST_PASSWORD });
    expect(ok.statusCode).toBe(200);
  });

  it('does not tell whether a number is registered: it gets a message instead of a code', async () => {
    const mobile = mobileFor();
    await registerEntrepreneur(t, mobile);
    t.clock.advance(61_000);
    const res = await post(t, '/api/portal/sms-codes', { mobile });
    expect(res.statusCode).toBe(200);
    const inbox = await t.app.inject({ method: 'GET', url: '/api/portal/dev/sms' });
    expect(inbox.json().messages[0].text).toContain('已注册');
  });

  it('refuses a malformed mobile number with the field’s Chinese reason', async () => {
    const res = await post(t, '/api/portal/sms-codes', { mobile: '12345' });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.issues[0]).toMatchObject({
      path: 'body.mobile',
      code: 'PHONE_FORMAT',
    });
    expect(res.json().details.issues[0].message).toContain('11 位');
  });
});

describe('login, lock-out and logout', () => {
  it('logs in with mobile and password, rotating the session; logout ends it', async () => {
    const mobile = mobileFor();
    const first = await registerEntrepreneur(t, mobile);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/portal/login',
      headers: { cookie: first.cookie },
      payload: { mobile, password: TEST_PASSWORD },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await first.get('/api/portal/session')).statusCode).toBe(401);
    const agent = new Agent(t.app, portalCookie(res) ?? '', res.json().csrfToken);
    expect((await agent.get('/api/portal/home')).statusCode).toBe(200);
    const forged = await t.app.inject({
      method: 'POST',
      url: '/api/portal/logout',
      headers: { cookie: agent.cookie },
    });
    expect(forged.json().code).toBe('CSRF_INVALID');
    expect((await agent.post('/api/portal/logout')).statusCode).toBe(200);
    expect((await agent.get('/api/portal/home')).statusCode).toBe(401);
  });

  it('locks the account after five wrong passwords for 30 minutes, like staff accounts', async () => {
    const mobile = mobileFor();
    const session = await registerEntrepreneur(t, mobile);
    const attempt = (password: string) => post(t, '/api/portal/login', { mobile, password });
    for (let i = 0; i < 4; i++)
      expect((await attempt('Wrong#Pass2026')).json().code).toBe('LOGIN_FAILED');
    const fifth = await attempt('Wrong#Pass2026');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().code).toBe('ACCOUNT_LOCKED');
    expect((await attempt(TEST_PASSWORD)).statusCode).toBe(423);
    expect((await session.get('/api/portal/home')).statusCode).toBe(401);
    t.clock.advance(31 * 60_000);
    expect((await attempt(TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('answers an unknown number like a wrong password', async () => {
    const res = await post(t, '/api/portal/login', {
      mobile: mobileFor(),
      password: TEST_PASSWORD,
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('LOGIN_FAILED');
  });

  it('expires after 30 idle minutes', async () => {
    const agent = await registerEntrepreneur(t, mobileFor());
    t.clock.advance(31 * 60_000);
    expect((await agent.get('/api/portal/home')).json().code).toBe('SESSION_EXPIRED');
  });

  it('audits registration and login under the entrepreneur, without the number', async () => {
    const mobile = mobileFor();
    await registerEntrepreneur(t, mobile);
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'portal.register'));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.at(-1)?.actorLogin).toMatch(/^entrepreneur:1\d\d\*{4}\d{4}$/);
    expect(rows.at(-1)?.actorRoles).toBe('entrepreneur');
    expect(JSON.stringify(await t.database.db.select().from(auditLog))).not.toContain(mobile);
  });
});

describe('the wall between the portal and staff APIs', () => {
  it('refuses an entrepreneur session on staff routes, and a staff session on portal routes', async () => {
    const entrepreneur = await registerEntrepreneur(t, mobileFor());
    for (const url of ['/api/auth/session', '/api/people', `/api/regions/${FENGJIE}/children`]) {
      const res = await entrepreneur.get(url);
      expect(res.statusCode, url).toBe(401);
      expect(res.json().code).toBe('UNAUTHENTICATED');
    }
    const officer = await t.login('officer');
    for (const url of ['/api/portal/session', '/api/portal/home', '/api/portal/profile']) {
      const res = await officer.get(url);
      expect(res.statusCode, url).toBe(401);
      expect(res.json().code).toBe('UNAUTHENTICATED');
    }
    const put = await officer.put('/api/portal/profile', {});
    expect(put.statusCode).toBe(401);
  });

  it('serves the region tree for pickers without any session, down to townships', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/portal/regions/${FENGJIE}/children`,
    });
    expect(res.statusCode).toBe(200);
    const towns = res.json().items as { name: string; level: string; hasChildren: boolean }[];
    expect(towns.some((r) => r.name === '兴隆镇')).toBe(true);
    expect(towns.every((r) => r.level === 'township' && !r.hasChildren)).toBe(true);
  });
});

describe('the dev SMS inbox', () => {
  it('is off when FANXIANG_SMS=none: no inbox, and no codes are sent', async () => {
    const off = await createTestApp({ provinces: ['50'], config: { sms: 'none' } });
    try {
      const inbox = await off.app.inject({ method: 'GET', url: '/api/portal/dev/sms' });
      expect(inbox.statusCode).toBe(404);
      const sent = await post(off, '/api/portal/sms-codes', { mobile: mobileFor() });
      expect(sent.statusCode).toBe(503);
      expect(sent.json().code).toBe('SMS_UNAVAILABLE');
    } finally {
      await off.close();
    }
  });
});
