import type { FastifyReply, FastifyRequest } from 'fastify';
import { CONTENT_SECURITY_POLICY } from '../web/static.js';
import { isApiDocs } from './api-path.js';
import type { App } from './types.js';

/**
 * API answers (JSON, downloads, errors) are data, never a page: nothing may load from them, and
 * no site may frame them.
 */
export const API_CONTENT_SECURITY_POLICY =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** One year, subdomains included; sent only on requests that came over HTTPS. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

const COMMON: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

function setIfAbsent(reply: FastifyReply, name: string, value: string): void {
  if (!reply.hasHeader(name)) void reply.header(name, value);
}

/**
 * Security headers on every response — API JSON, errors, downloads, Swagger UI and the built
 * pages: nosniff, Referrer-Policy, X-Frame-Options and a Content-Security-Policy with
 * `frame-ancestors 'none'` (the pages and /api/docs get the web apps' policy, everything else
 * `default-src 'none'`), plus HSTS when the request came over HTTPS (behind a trusted proxy, by
 * its X-Forwarded-Proto). A header a route set itself is kept.
 */
export function applySecurityHeaders(req: FastifyRequest, reply: FastifyReply): void {
  for (const [name, value] of Object.entries(COMMON)) setIfAbsent(reply, name, value);
  const type = String(reply.getHeader('content-type') ?? '');
  const page = isApiDocs(req) || type.startsWith('text/html');
  setIfAbsent(
    reply,
    'content-security-policy',
    page ? CONTENT_SECURITY_POLICY : API_CONTENT_SECURITY_POLICY,
  );
  if (req.protocol === 'https')
    setIfAbsent(reply, 'strict-transport-security', STRICT_TRANSPORT_SECURITY);
}

/** Applies {@link applySecurityHeaders} to every answer, just before it is sent. */
export function installSecurityHeaders(app: App): void {
  app.addHook('onSend', (req: FastifyRequest, reply: FastifyReply, payload, done) => {
    applySecurityHeaders(req, reply);
    done(null, payload);
  });
}
