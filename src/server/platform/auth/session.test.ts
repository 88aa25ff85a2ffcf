import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Agent,
  createTestApp,
  FENGJIE,
  sessionCookie,
  TEST_PASSWORD,
  type TestApp,
} from '../../../test/harness.js';
import { totpCode } from './totp.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ provinces: ['50'] });
  await t.createUser({ login: 'officer', grants: [{ role: 'county_officer', region: FENGJIE }] });
  await t.createUser({
    login: 'fresh',
    grants: [{ role: 'county_officer', region: FENGJIE }],
    mustChangePassword: true,
  });
  await t.createUser({ login: 'sysadmin', grants: [{ role: 'sys_admin' }] });
  await t.createUser({
    login: 'mfa',
    grants: [{ role: 'county_officer', region: FENGJIE }],
    totp: true,
  });
});
afterAll(() => t.close());

describe('sessions', () => {
  it('rotates the session at login: the token presented before no longer works', async () => {
    const first = await t.login('officer');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { cookie: first.cookie },
      payload: { login: 'officer', password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const second = sessionCookie(res);
    expect(second).not.toBe(first.cookie);
    expect((await first.get('/api/auth/session')).statusCode).toBe(401);
    expect(
      (await new Agent(t.app, second ?? '', res.json().csrfToken).get('/api/auth/session'))
        .statusCode,
    ).toBe(200);
  });

  it('expires after 30 idle minutes and reports SESSION_EXPIRED', async () => {
    const a = await t.login('officer');
    t.clock.advance(29 * 60_000);
    expect((await a.get('/api/auth/session')).statusCode).toBe(200);
    t.clock.advance(29 * 60_000);
    expect((await a.get('/api/auth/session')).statusCode).toBe(200);
    t.clock.advance(31 * 60_000);
    const res = await a.get('/api/auth/session');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('SESSION_EXPIRED');
  });

  it('expires 12 hours after login however active it is', async () => {
    const a = await t.login('officer');
    // 24 × 29 minutes = 11 h 36 min, each step inside the idle limit.
    for (let i = 0; i < 24; i++) {
      t.clock.advance(29 * 60_000);
      expect((await a.get('/api/auth/session')).statusCode).toBe(200);
    }
    t.clock.advance(29 * 60_000);
    expect((await a.get('/api/auth/session')).json().code).toBe('SESSION_EXPIRED');
  });

  it('ends the session at logout', async () => {
    const a = await t.login('officer');
    expect((await a.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await a.get('/api/auth/session')).statusCode).toBe(401);
  });
});

describe('CSRF', () => {
  it('refuses a state-changing request without the CSRF token', async () => {
    const a = await t.login('officer');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: a.cookie },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_INVALID');
    expect((await a.get('/api/auth/session')).statusCode).toBe(200);
  });

  it('refuses a wrong CSRF token', async () => {
    const a = await t.login('officer');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: a.cookie, 'x-csrf-token': 'forged' },
    });
    expect(res.json().code).toBe('CSRF_INVALID');
  });

  it('refuses a request from another site even at login', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'https://evil.example', host: 'fanxiang.local' },
      payload: { login: 'officer', password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_INVALID');
    const cross = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'sec-fetch-site': 'cross-site' },
      payload: { login: 'officer', password: TEST_PASSWORD },
    });
    expect(cross.statusCode).toBe(403);
  });
});

describe('forced password change', () => {
  it('lets a reset account do nothing but change its password first', async () => {
    const a = await t.login('fresh');
    const s = await a.get('/api/auth/session');
    expect(s.json().next).toBe('change_password');
    const weak = await a.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'password',
    });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().code).toBe('PASSWORD_POLICY');
    expect(weak.json().message).toContain('过于常见');
    const ok = await a.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Kuimen#Gate2026',
    });
    expect(ok.statusCode).toBe(200);
    expect((await a.get('/api/auth/session')).json().next).toBe('ok');
  });
});

describe('TOTP second factor', () => {
  it('requires the code when the user enrolled, and rotates the session once passed', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'mfa', password: TEST_PASSWORD },
    });
    expect(res.json().next).toBe('totp');
    const a = new Agent(t.app, sessionCookie(res) ?? '', res.json().csrfToken);
    const blocked = await a.get('/api/regions/500236000000');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('TOTP_REQUIRED');
    expect((await a.post('/api/auth/totp/verify', { code: '000000' })).json().code).toBe(
      'TOTP_INVALID',
    );
    const ok = await a.post('/api/auth/totp/verify', {
      code: totpCode(t.totpSecrets.get('mfa') ?? '', t.clock.read()),
    });
    expect(ok.statusCode).toBe(200);
    const rotated = sessionCookie(ok);
    expect(rotated).toBeTruthy();
    expect(rotated).not.toBe(a.cookie);
    expect((await a.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('makes an administrator enrol before anything else', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'sysadmin', password: TEST_PASSWORD },
    });
    expect(res.json().next).toBe('enrol');
    const a = new Agent(t.app, sessionCookie(res) ?? '', res.json().csrfToken);
    expect((await a.get('/api/regions/500236000000')).json().code).toBe('TOTP_ENROLMENT_REQUIRED');
    const setup = await a.post('/api/auth/totp/setup');
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUrl } = setup.json<{ secret: string; otpauthUrl: string }>();
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    const done = await a.post('/api/auth/totp/confirm', { code: totpCode(secret, t.clock.read()) });
    expect(done.statusCode).toBe(200);
    expect(done.json().next).toBe('ok');
    a.cookie = sessionCookie(done) ?? '';
    expect((await a.get('/api/auth/session')).json().permissions).toContain('user.manage');
  });
});
