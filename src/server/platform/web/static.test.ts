import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import Fastify from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestContext } from '../http/context.js';
import { installErrorHandling } from '../http/errors.js';
import type { App } from '../http/types.js';
import { CONTENT_SECURITY_POLICY, registerWebStatic } from './static.js';

const PORTAL =
  '<!doctype html><title>portal</title><script type="module" src="/assets/portal-abc.js"></script>';
const ADMIN = '<!doctype html><title>admin</title>';
const SCRIPT = `console.log(${JSON.stringify('x'.repeat(2000))});`;

/** A bare app with the API's error handling, so unknown paths answer the API's JSON 404. */
async function appServing(root: string): Promise<App> {
  const app = Fastify().withTypeProvider<ZodTypeProvider>();
  app.decorateRequest('ctx', null as unknown as RequestContext);
  app.addHook('onRequest', async (req) => {
    req.ctx = { audited: false, errorCode: null } as unknown as RequestContext;
  });
  installErrorHandling(app);
  app.get('/api/health', () => ({ ok: true }));
  await registerWebStatic(app, { root });
  await app.ready();
  return app;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'fx-web-'));
  const built = path.join(dir, 'built');
  mkdirSync(path.join(built, 'admin'), { recursive: true });
  mkdirSync(path.join(built, 'assets'));
  mkdirSync(path.join(built, '.vite'));
  writeFileSync(path.join(built, 'index.html'), PORTAL);
  writeFileSync(path.join(built, 'admin/index.html'), ADMIN);
  writeFileSync(path.join(built, 'assets/portal-abc.js'), SCRIPT);
  writeFileSync(path.join(built, 'assets/portal-abc.js.gz'), gzipSync(SCRIPT));
  writeFileSync(path.join(built, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(path.join(built, '.vite/manifest.json'), '{}');
  writeFileSync(path.join(dir, 'secret.txt'), 'secret');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('static serving of the built web bundles', () => {
  let app: App;
  beforeAll(async () => {
    app = await appServing(path.join(dir, 'built'));
  });
  afterAll(() => app.close());

  it('serves the portal at / with security headers and no caching of the page', async () => {
    const res = await app.inject({ url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(PORTAL);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('same-origin');
  });

  it('falls back to the portal page for the portal routes', async () => {
    for (const url of ['/register', '/login', '/some/deep/path?x=1']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toBe(PORTAL);
    }
  });

  it('serves the console at /admin/ and every console route (single-page fallback)', async () => {
    const redirect = await app.inject({ url: '/admin?x=1' });
    expect(redirect.statusCode).toBe(301);
    expect(redirect.headers.location).toBe('/admin/?x=1');
    for (const url of ['/admin/', '/admin/system/users', '/admin/login']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toBe(ADMIN);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('caches hashed assets for a year and sends them precompressed when accepted', async () => {
    const plain = await app.inject({ url: '/assets/portal-abc.js' });
    expect(plain.statusCode).toBe(200);
    expect(plain.body).toBe(SCRIPT);
    expect(plain.headers['content-type']).toMatch(/javascript/);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const gz = await app.inject({
      url: '/assets/portal-abc.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['content-type']).toMatch(/javascript/);
    expect(gz.headers.vary).toBe('accept-encoding');
    expect(gz.rawPayload.length).toBeLessThan(SCRIPT.length);
  });

  it('answers 404 for a missing asset without caching it, and hides dot directories', async () => {
    const res = await app.inject({ url: '/assets/missing-123.js' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['cache-control']).toBeUndefined();
    expect((await app.inject({ url: '/.vite/manifest.json' })).statusCode).toBe(404);
  });

  it('never serves files outside the build', async () => {
    for (const url of [
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/admin/..%2f..%2fsecret.txt',
    ]) {
      const res = await app.inject({ url });
      expect(res.body, url).not.toContain('secret');
    }
  });

  it('never intercepts the API: known routes answer, unknown ones get the JSON 404', async () => {
    expect((await app.inject({ url: '/api/health' })).json()).toEqual({ ok: true });
    const res = await app.inject({ url: '/api/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND' });
    expect((await app.inject({ method: 'POST', url: '/' })).statusCode).toBe(404);
  });
});

describe('static serving before the web UI is built', () => {
  let app: App;
  beforeAll(async () => {
    app = await appServing(path.join(dir, 'missing'));
  });
  afterAll(() => app.close());

  it('says in Chinese how to build the UI, on every page path', async () => {
    for (const url of ['/', '/register', '/admin', '/admin/system/users']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain('网页界面尚未构建');
      expect(res.body, url).toContain('npm run build');
      expect(res.headers['content-security-policy'], url).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('still answers unknown API paths with the JSON 404', async () => {
    const res = await app.inject({ url: '/api/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND' });
  });
});
