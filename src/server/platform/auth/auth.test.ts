import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  FENGJIE,
  sessionCookie,
  TEST_PASSWORD,
  type TestApp,
} from '../../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await t.createUser({ login: 'officer', grants: [{ role: 'county_officer', region: FENGJIE }] });
});
afterAll(() => t.close());

describe('login', () => {
  it('logs in with the right password and returns a CSRF token and an HttpOnly cookie', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'officer', password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().next).toBe('ok');
    const cookie = res.cookies.find((c) => c.name === 'fx_sid');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(sessionCookie(res)).toBeTruthy();
  });

  it('refuses a wrong password with a coded zh-CN error', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'officer', password: 'nope' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'LOGIN_FAILED', message: '账号或密码错误' });
  });

  it('answers in English when asked', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
      payload: { login: 'officer', password: 'nope' },
    });
    expect(res.json().message).toBe('Wrong login name or password');
  });
});
