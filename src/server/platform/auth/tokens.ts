import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'fx_sid';
export const CSRF_HEADER = 'x-csrf-token';

/** A fresh 256-bit token in base64url. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the sessions table stores instead of the token itself. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Constant-time string comparison. */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
