import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../http/types.js';

/**
 * The browser's rules for the built pages: scripts only from this origin (the build has no inline
 * script), styles also inline (antd writes its CSS-in-JS into `<style>` elements and `style`
 * attributes), images also as data: URLs (the TOTP QR code), no framing by anyone.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

/** Hashed build output: the name changes with the content, so it may be kept for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Pages are revalidated on every load, so a new build is picked up at once. */
const REVALIDATE = 'no-cache';
/** Unhashed files (favicon): an hour. */
const SHORT = 'public, max-age=3600';

const NOT_BUILT_HTML = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>网页界面尚未构建 · 返乡创业服务平台</title>
<style>body{font-family:system-ui,'Noto Sans CJK SC',sans-serif;max-width:36em;margin:4em auto;padding:0 1em;line-height:1.7;color:#1f2329}code{background:#f3f3f3;padding:2px 6px;border-radius:4px}</style>
</head>
<body>
<h1>网页界面尚未构建</h1>
<p>返乡创业服务平台的接口已在运行，但网页界面（工作人员控制台和创业者门户）还没有构建。请在项目目录运行 <code>npm run build</code>，然后重新启动服务。</p>
<p>接口文档：<a href="/api/docs">/api/docs</a></p>
<p lang="en">The web UI is not built yet: run <code>npm run build</code>, then restart the server.</p>
</body>
</html>
`;

/** dist/web of this checkout: four levels up from src/server/platform/web and from dist/server/platform/web. */
export function defaultWebRoot(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../dist/web');
}

export interface WebStaticOptions {
  /** The Vite build output (default dist/web). */
  root?: string;
}

function withSecurityHeaders(reply: FastifyReply): FastifyReply {
  return reply.headers(SECURITY_HEADERS);
}

/** Cache policy by file, set only when a file is actually sent (never on a 404). */
function cacheHeaders(
  res: { setHeader: (name: string, value: string) => unknown },
  filePath: string,
): void {
  const file = filePath.replace(/\.(br|gz)$/, '');
  const policy = file.endsWith('.html')
    ? REVALIDATE
    : file.split(path.sep).includes('assets')
      ? IMMUTABLE
      : SHORT;
  res.setHeader('cache-control', policy);
  res.setHeader('vary', 'accept-encoding');
}

function wildcard(req: FastifyRequest): string {
  return (req.params as { '*'?: string })['*'] ?? '';
}

/** True for `assets/x.js`, `favicon.svg`; false for client-side routes like `system/users`. */
function looksLikeFile(p: string): boolean {
  return /\.[a-z0-9]+$/i.test(p);
}

function isApi(p: string): boolean {
  return p === 'api' || p.startsWith('api/');
}

const ROUTE = { schema: { hide: true }, config: { public: true } } as const;

/** Without a build (tests, `npm run dev`): a short page saying how to build the UI. */
function registerNotBuilt(app: App): void {
  const page = (_req: FastifyRequest, reply: FastifyReply) =>
    withSecurityHeaders(reply)
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(NOT_BUILT_HTML);
  app.get('/', ROUTE, page);
  app.get('/admin', ROUTE, page);
  app.get('/admin/*', ROUTE, page);
  app.get('/*', ROUTE, (req, reply) =>
    isApi(wildcard(req)) ? reply.callNotFound() : page(req, reply),
  );
}

/**
 * Serves the built console (`/admin/…`, single-page: every path without a file extension gets
 * admin/index.html) and the portal (`/` and its paths get index.html), precompressed when the
 * browser accepts it, with long caching for hashed assets and none for pages. `/api/…` is never
 * answered here: unknown API paths still get the API's JSON 404.
 */
export async function registerWebStatic(app: App, options: WebStaticOptions = {}): Promise<void> {
  const root = options.root ?? defaultWebRoot();
  const built =
    existsSync(path.join(root, 'index.html')) && existsSync(path.join(root, 'admin/index.html'));
  if (!built) {
    registerNotBuilt(app);
    return;
  }
  await app.register(fastifyStatic, {
    root,
    serve: false,
    preCompressed: true,
    cacheControl: false,
    dotfiles: 'ignore',
    setHeaders: cacheHeaders,
  });

  const file = (reply: FastifyReply, name: string) => withSecurityHeaders(reply).sendFile(name);

  app.get('/', ROUTE, (_req, reply) => file(reply, 'index.html'));
  app.get('/admin', ROUTE, (req, reply) => {
    const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
    return reply.redirect(`/admin/${query}`, 301);
  });
  app.get('/admin/*', ROUTE, (req, reply) => {
    const rest = wildcard(req);
    return file(reply, looksLikeFile(rest) ? `admin/${rest}` : 'admin/index.html');
  });
  app.get('/*', ROUTE, (req, reply) => {
    const rest = wildcard(req);
    if (isApi(rest)) return reply.callNotFound();
    return file(reply, looksLikeFile(rest) ? rest : 'index.html');
  });
}
