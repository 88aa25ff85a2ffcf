/**
 * The browser's API client, shared by the console and the portal: fetch with the session cookie,
 * the CSRF header on state-changing requests, the UI language as Accept-Language (so the server's
 * messages follow it) and errors as {@link ApiError} carrying the API's `{ code, message, details }`.
 *
 * When the session is gone (401 SESSION_EXPIRED or UNAUTHENTICATED) the request waits for the
 * handler set by {@link setSessionLostHandler} — the console opens a re-login dialog over the
 * page — and is then sent again, so nothing the user typed is lost.
 */
import type { UiLocale } from './locale';

export interface ApiErrorBody {
  code: string;
  message: string;
  details: Record<string, unknown>;
}

export class ApiError extends Error implements ApiErrorBody {
  readonly code: string;
  readonly status: number;
  readonly details: Record<string, unknown>;

  constructor(status: number, body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.details = body.details;
  }

  /** Field problems of a VALIDATION error: `{ path, code, message }`. */
  get issues(): { path: string; code: string; message: string }[] {
    const raw = this.details.issues;
    return Array.isArray(raw) ? (raw as { path: string; code: string; message: string }[]) : [];
  }
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Do not open the re-login dialog on 401 (login itself, the first session probe). */
  noRelogin?: boolean;
  signal?: AbortSignal;
}

const NETWORK_MESSAGE: Record<UiLocale, string> = {
  'zh-CN': '网络连接失败，请检查网络后重试',
  en: 'Network error; check the connection and try again',
};
const SESSION_LOST = new Set(['SESSION_EXPIRED', 'UNAUTHENTICATED']);

let csrfToken: string | null = null;
let locale: UiLocale = 'zh-CN';
let sessionLost: ((error: ApiError) => Promise<void>) | null = null;
const activityListeners = new Set<() => void>();

/** The token from the login or session response; sent as `x-csrf-token`. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setApiLocale(value: UiLocale): void {
  locale = value;
}

/** The CSRF token of the current session (a re-login replaces it). */
export function currentCsrfToken(): string | null {
  return csrfToken;
}

/**
 * For requests sent without {@link api} (the import upload, for its progress): when `error` says
 * the session is gone, opens the re-login dialog and resolves true once the user is back (the
 * caller sends again); false for any other error. Rejects when the user gives up.
 */
export async function reloginIfSessionLost(error: ApiError): Promise<boolean> {
  if (!SESSION_LOST.has(error.code) || !sessionLost) return false;
  await sessionLost(error);
  return true;
}

/** Resolves when the user has logged in again; rejects when they gave up. */
export function setSessionLostHandler(handler: ((error: ApiError) => Promise<void>) | null): void {
  sessionLost = handler;
}

/** Called after every answered request: the server counts it as activity of the session. */
export function onApiActivity(listener: () => void): () => void {
  activityListeners.add(listener);
  return () => activityListeners.delete(listener);
}

/**
 * Builds `path?query`, leaving out empty values.
 *
 * @example
 * withQuery('/api/users', { q: '王', page: 2, region: undefined }) // '/api/users?q=%E7%8E%8B&page=2'
 */
export function withQuery(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function readError(res: Response): Promise<ApiErrorBody> {
  try {
    const body = (await res.json()) as Partial<ApiErrorBody>;
    if (typeof body.code === 'string' && typeof body.message === 'string') {
      return { code: body.code, message: body.message, details: body.details ?? {} };
    }
  } catch {
    // Not JSON: a proxy or gateway answered.
  }
  return { code: `HTTP_${res.status}`, message: `${res.status} ${res.statusText}`, details: {} };
}

async function send(path: string, opts: RequestOptions): Promise<Response> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': locale === 'en' ? 'en' : 'zh-CN',
  };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  try {
    return await fetch(withQuery(path, opts.query), {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, { code: 'NETWORK', message: NETWORK_MESSAGE[locale], details: {} });
  }
}

/** A fresh CSRF token after another tab logged in again (a new session, a new token). */
async function refreshCsrf(): Promise<boolean> {
  const res = await send('/api/auth/session', {});
  if (!res.ok) return false;
  const body = (await res.json()) as { csrfToken?: string };
  csrfToken = body.csrfToken ?? null;
  return true;
}

/**
 * Calls the API and returns the parsed JSON body.
 *
 * @example
 * const page = await api<UserList>('/api/users', { query: { q: '王', page: 1 } });
 * await api('/api/users/' + id + '/disable', { method: 'POST' });
 */
export async function api<T>(path: string, opts: RequestOptions = {}, retried = false): Promise<T> {
  const res = await send(path, opts);
  if (res.ok) {
    for (const listener of activityListeners) listener();
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
  const error = new ApiError(res.status, await readError(res));
  if (!retried && error.code === 'CSRF_INVALID' && (await refreshCsrf())) {
    return api<T>(path, opts, true);
  }
  if (!retried && !opts.noRelogin && (await reloginIfSessionLost(error))) {
    return api<T>(path, opts, true);
  }
  throw error;
}
