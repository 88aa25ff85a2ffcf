import type { FastifyRequest } from 'fastify';

/**
 * The path as the router sees it: query dropped, percent-escapes decoded, dot segments resolved
 * and runs of slashes collapsed, so `/%61pi/x`, `//api/x` and `/api//x` all read `/api/x`.
 * An escape that does not decode leaves the raw text (such a path matches no API route).
 */
export function normalisedPath(rawUrl: string): string {
  const raw = rawUrl.split('?')[0] ?? '';
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // keep the raw path
  }
  const collapsed = `/${decoded}`.replace(/\/{2,}/g, '/');
  try {
    return new URL(collapsed, 'http://fanxiang.invalid').pathname.replace(/\/{2,}/g, '/');
  } catch {
    return collapsed;
  }
}

function underApi(p: string): boolean {
  return p === '/api' || p.startsWith('/api/');
}

/**
 * True when a request belongs to the API: the matched route is an API route, or — for a request
 * no route matched — its normalised path lies under `/api`. Never decided on the raw URL, which a
 * client can spell `/%61pi/…` or `//api/…` and still reach the same route.
 */
export function isApiRequest(req: FastifyRequest): boolean {
  const route = req.routeOptions.url;
  return (route !== undefined && underApi(route)) || underApi(normalisedPath(req.url));
}

/** True for the Swagger UI pages under `/api/docs`, public by design. */
export function isApiDocs(req: FastifyRequest): boolean {
  const route = req.routeOptions.url ?? normalisedPath(req.url);
  return route === '/api/docs' || route.startsWith('/api/docs/');
}
