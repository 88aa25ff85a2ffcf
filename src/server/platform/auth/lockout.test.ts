import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, FENGJIE, TEST_PASSWORD, type TestApp } from '../../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ provinces: ['50'] });
  await t.createUser({ login: 'guessed', grants: [{ role: 'county_officer', region: FENGJIE }] });
});
afterAll(() => t.close());

const attempt = (password: string, ip = '10.0.0.1') =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: ip,
    payload: { login: 'guessed', password },
  });

describe('lock-out after repeated failed logins', () => {
  it('locks the account on the fifth wrong password for 30 minutes, even for the right password', async () => {
    for (let i = 1; i <= 4; i++)
      expect((await attempt('wrong-password')).json().code).toBe('LOGIN_FAILED');
    const fifth = await attempt('wrong-password');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().code).toBe('ACCOUNT_LOCKED');
    expect(fifth.json().message).toContain('账号已锁定');

    const right = await attempt(TEST_PASSWORD);
    expect(right.statusCode).toBe(423);

    t.clock.advance(29 * 60_000);
    expect((await attempt(TEST_PASSWORD)).statusCode).toBe(423);
    t.clock.advance(2 * 60_000);
    expect((await attempt(TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('resets the failure count after a successful login', async () => {
    for (let i = 0; i < 4; i++) await attempt('wrong-password');
    expect((await attempt(TEST_PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await attempt('wrong-password')).statusCode).toBe(401);
    expect((await attempt(TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('counts failures that arrive at the same time (each one, not the last write)', async () => {
    await t.createUser({ login: 'raced', grants: [{ role: 'county_officer', region: FENGJIE }] });
    const hit = (password: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '10.0.0.2',
        payload: { login: 'raced', password },
      });
    const answers = await Promise.all(Array.from({ length: 5 }, () => hit('wrong-password')));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([401, 401, 401, 401, 423]);
    expect((await hit(TEST_PASSWORD)).json().code).toBe('ACCOUNT_LOCKED');
  });

  it('does not reveal whether a login exists', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'nobody', password: 'x' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('LOGIN_FAILED');
  });
});

describe('login rate limit per IP', () => {
  it('answers 429 RATE_LIMITED once an address exceeds the per-minute budget', async () => {
    const limited = await createTestApp({ provinces: ['50'], config: { loginRatePerMinute: 3 } });
    try {
      const hit = (ip: string) =>
        limited.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          remoteAddress: ip,
          payload: { login: 'x', password: 'y' },
        });
      for (let i = 0; i < 3; i++) expect((await hit('10.9.9.9')).statusCode).toBe(401);
      const res = await hit('10.9.9.9');
      expect(res.statusCode).toBe(429);
      expect(res.json()).toMatchObject({
        code: 'RATE_LIMITED',
        message: '请求过于频繁，请稍后再试',
      });
      expect((await hit('10.9.9.10')).statusCode).toBe(401);
    } finally {
      await limited.close();
    }
  });
});
