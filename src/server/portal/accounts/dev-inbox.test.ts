import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, FENGJIE, type TestApp } from '../../../test/harness.js';
import { mobileFor } from '../../../test/ledger-factories.js';
import { inboxCode, post } from './portal-test-kit.js';
import { LogSmsTransport, logSafeText } from '../../platform/sms/sms-transport.js';

/**
 * The dev SMS inbox shows the codes sent to any number, so it belongs to demo mode only and
 * answers only this machine (by the socket's address) or a security administrator.
 */

const STRANGER = '203.0.113.7';

let t: TestApp;
beforeAll(async () => {
  // trustProxy on, so a forged X-Forwarded-For would change req.ip: the inbox must not care.
  t = await createTestApp({ provinces: ['50'], config: { trustProxy: 1 } });
  await t.createUser({ login: 'sec', grants: [{ role: 'sec_admin' }], totp: true });
  await t.createUser({ login: 'officer', grants: [{ role: 'county_officer', region: FENGJIE }] });
});
afterAll(() => t.close());

function inboxFrom(remoteAddress: string, headers: Record<string, string> = {}) {
  return t.app.inject({ method: 'GET', url: '/api/portal/dev/sms', remoteAddress, headers });
}

describe('the dev SMS inbox in demo mode', () => {
  it('answers a loopback client, over IPv4 and IPv6', async () => {
    const mobile = mobileFor();
    expect((await post(t, '/api/portal/sms-codes', { mobile })).statusCode).toBe(200);
    expect(await inboxCode(t, mobile)).toMatch(/^\d{6}$/);
    for (const ip of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      expect((await inboxFrom(ip)).statusCode).toBe(200);
    }
  });

  it('refuses a client on another machine, even one claiming loopback in X-Forwarded-For', async () => {
    await post(t, '/api/portal/sms-codes', { mobile: mobileFor() });
    const variants: Record<string, string>[] = [{}, { 'x-forwarded-for': '127.0.0.1' }];
    for (const headers of variants) {
      const res = await inboxFrom(STRANGER, headers);
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('DEV_INBOX_LOCAL_ONLY');
      expect(res.body).not.toMatch(/\d{6}/);
    }
  });

  it('refuses a request relayed by a proxy on this machine (loopback socket, forwarding headers)', async () => {
    // nginx on the same host in front of FANXIANG_HOST=127.0.0.1: every socket is loopback.
    await post(t, '/api/portal/sms-codes', { mobile: mobileFor() });
    const relayed: Record<string, string>[] = [
      { 'x-forwarded-for': STRANGER },
      { forwarded: `for=${STRANGER};proto=https` },
      { 'x-real-ip': STRANGER },
    ];
    for (const headers of relayed) {
      const res = await inboxFrom('127.0.0.1', headers);
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      expect(res.json().code).toBe('DEV_INBOX_LOCAL_ONLY');
      expect(res.body).not.toMatch(/\d{6}/);
    }
  });

  it('answers a security administrator from another machine, not any other staff member', async () => {
    const sec = await t.login('sec');
    const officer = await t.login('officer');
    const bySec = await inboxFrom(STRANGER, { cookie: sec.cookie });
    expect(bySec.statusCode).toBe(200);
    const byOfficer = await inboxFrom(STRANGER, { cookie: officer.cookie });
    expect(byOfficer.statusCode).toBe(403);
    expect(byOfficer.json().code).toBe('DEV_INBOX_LOCAL_ONLY');
  });
});

describe('outside demo mode', () => {
  it('has no inbox even with FANXIANG_SMS=log: 404 to loopback, and the code is not kept', async () => {
    const plain = await createTestApp({ provinces: ['50'], config: { demo: false, sms: 'log' } });
    try {
      const sent = await post(plain, '/api/portal/sms-codes', { mobile: mobileFor() });
      expect(sent.statusCode).toBe(200);
      const res = await plain.app.inject({ method: 'GET', url: '/api/portal/dev/sms' });
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toMatch(/\d{6}/);
    } finally {
      await plain.close();
    }
  });
});

describe('the log transport', () => {
  it('logs the masked number and never the code', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    const transport = new LogSmsTransport(pino(sink), true);
    const text = '【返乡创业】验证码 482915，5 分钟内有效。';
    await transport.send({ mobile: '13812345678', text }, new Date('2026-12-07T04:00:00Z'));
    const log = lines.join('');
    expect(log).toContain('138****5678');
    expect(log).not.toContain('482915');
    expect(log).not.toContain('13812345678');
    // The inbox (demo mode) still holds the whole text, so the demo can register.
    expect(transport.inbox()?.[0]?.text).toBe(text);
  });

  it('hides every run of four or more digits', () => {
    expect(logSafeText('验证码 123456，5 分钟内有效')).toBe('验证码 ******，5 分钟内有效');
  });
});
