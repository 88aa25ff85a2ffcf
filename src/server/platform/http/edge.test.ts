import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { desc, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { auditLog } from '../audit/table.js';
import { regions } from '../regions/table.js';

/**
 * The HTTP edge: what any client meets before a service runs — coded zh-CN errors for malformed
 * requests, security headers on every answer, client addresses behind proxies.
 */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ provinces: ['50'] });
});
afterAll(() => t.close());

async function auditCount(): Promise<number> {
  return t.database.db.$count(auditLog);
}

describe('malformed requests get coded zh-CN errors', () => {
  it('answers an 11 MB body with 413 BODY_TOO_LARGE naming the limit, and audits it', async () => {
    const before = await auditCount();
    const big = JSON.stringify({ login: 'x', password: 'y'.repeat(11 * 1024 * 1024) });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: big,
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'BODY_TOO_LARGE', details: { limit: '10 MB' } });
    expect(res.json().message).toContain('10 MB');
    expect(res.json().message).toMatch(/上限/);
    expect(await auditCount()).toBe(before + 1);

    const en = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      payload: big,
    });
    expect(en.json().message).toContain('exceeds the 10 MB limit');
  });

  it('answers an unsupported content type with 415', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/xml' },
      payload: '<login/>',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(res.json().message).toContain('不支持的内容类型 application/xml');
  });

  it('answers a body that is not JSON with 400 JSON_INVALID', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"login": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'JSON_INVALID',
      message: '提交的内容不是有效的 JSON，请检查格式',
    });
  });

  it('answers a malformed percent-escape in the path with 400 URL_INVALID', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/regions/%E0%A4%A' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'URL_INVALID' });
    expect(res.json().message).toContain('请求地址格式不正确');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers a URL or headers over the limit with a coded 431, before Fastify sees it', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const res = await new Promise<{ status: number; type: string; body: string }>(
      (resolve, reject) => {
        const req = httpRequest(
          { host: '127.0.0.1', port, path: `/api/regions?q=${'x'.repeat(100_000)}` },
          (r) => {
            let body = '';
            r.setEncoding('utf8');
            r.on('data', (c: string) => (body += c));
            r.on('end', () =>
              resolve({
                status: r.statusCode ?? 0,
                type: String(r.headers['content-type']),
                body,
              }),
            );
          },
        );
        req.on('error', reject);
        req.end();
      },
    );
    expect(res.status).toBe(431);
    expect(res.type).toContain('application/json');
    const body = JSON.parse(res.body) as { code: string; message: string };
    expect(body.code).toBe('HEADERS_TOO_LARGE');
    expect(body.message).toMatch(/^请求地址或请求头过长（上限 \d+ KB）/);
  });
});

describe('security headers', () => {
  function expectCommon(headers: Record<string, unknown>) {
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('same-origin');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(String(headers['content-security-policy'])).toContain("frame-ancestors 'none'");
  }

  it('are on API answers, errors and the API description, without HSTS over plain HTTP', async () => {
    for (const url of ['/api/health', '/api/openapi.json', '/api/auth/session', '/api/nowhere']) {
      const res = await t.app.inject({ method: 'GET', url });
      expectCommon(res.headers);
      expect(res.headers['content-security-policy'], url).toContain("default-src 'none'");
      expect(res.headers['strict-transport-security'], url).toBeUndefined();
    }
  });

  it('give /api/docs a policy that lets Swagger UI load its own scripts', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expectCommon(res.headers);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('add HSTS only when a trusted proxy says the request came over HTTPS', async () => {
    const plain = await t.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(plain.headers['strict-transport-security']).toBeUndefined();

    const behind = await createTestApp({ provinces: [], config: { trustProxy: 1 } });
    try {
      const res = await behind.app.inject({
        method: 'GET',
        url: '/api/health',
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    } finally {
      await behind.close();
    }
  });
});

describe('client address behind proxies', () => {
  async function auditedIp(app: TestApp, remoteAddress: string, forwardedFor: string) {
    await app.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress,
      headers: { 'x-forwarded-for': forwardedFor },
      payload: { login: 'nobody', password: 'x' },
    });
    const [row] = await app.database.db
      .select({ ip: auditLog.ip })
      .from(auditLog)
      .orderBy(desc(auditLog.seq))
      .limit(1);
    return row?.ip;
  }

  it('takes the address the last trusted proxy saw, not the client-written left-most one', async () => {
    for (const trustProxy of [1, ['127.0.0.1'], ['127.0.0.0/8', '::1']]) {
      const app = await createTestApp({ provinces: [], config: { trustProxy } });
      try {
        expect(await auditedIp(app, '127.0.0.1', '6.6.6.6, 203.0.113.9'), String(trustProxy)).toBe(
          '203.0.113.9',
        );
        if (Array.isArray(trustProxy)) {
          // A peer that is not one of the proxies is the client, whatever it writes.
          expect(await auditedIp(app, '198.51.100.7', '6.6.6.6')).toBe('198.51.100.7');
        }
      } finally {
        await app.close();
      }
    }
  });

  it('ignores X-Forwarded-For when no proxy is trusted', async () => {
    expect(await auditedIp(t, '198.51.100.8', '6.6.6.6')).toBe('198.51.100.8');
  });
});

describe('the OpenAPI description', () => {
  it('gives only region codes that exist as examples', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).body;
    const examples = [...doc.matchAll(/"example":"(\d{12})"/g)].map((m) => m[1] ?? '');
    expect(examples.length).toBeGreaterThan(0);
    const codes = [...new Set(examples)];
    const found = await t.database.db
      .select({ code: regions.code })
      .from(regions)
      .where(inArray(regions.code, codes));
    expect(found.map((r) => r.code).sort()).toEqual(codes.sort());
  });
});
