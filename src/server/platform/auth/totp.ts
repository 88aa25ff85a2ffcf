import { Secret, TOTP } from 'otpauth';

/** RFC 6238 TOTP as authenticator apps expect it: SHA-1, 6 digits, 30 seconds. */
function totp(secretBase32: string, label: string): TOTP {
  return new TOTP({
    issuer: '返乡创业服务平台',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secretBase32),
  });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUrl(secretBase32: string, login: string): string {
  return totp(secretBase32, login).toString();
}

/** Accepts the code of the current 30 s step or the one either side (clock drift). */
export function checkTotp(secretBase32: string, code: string, now: Date): boolean {
  return (
    totp(secretBase32, '').validate({ token: code, timestamp: now.getTime(), window: 1 }) !== null
  );
}

/** The 30 s time step a moment falls in (unix seconds / 30). */
export function totpStepAt(now: Date): number {
  return Math.floor(now.getTime() / 30_000);
}

/**
 * The time step whose code `code` is (the current one or either neighbour, for clock drift), or
 * null when it matches none. The caller refuses a step at or before the last one accepted, so a
 * code works once.
 */
export function matchTotpStep(secretBase32: string, code: string, now: Date): number | null {
  const delta = totp(secretBase32, '').validate({
    token: code,
    timestamp: now.getTime(),
    window: 1,
  });
  return delta === null ? null : totpStepAt(now) + delta;
}

/** The code for a moment; used by tests and the demo. */
export function totpCode(secretBase32: string, now: Date): string {
  return totp(secretBase32, '').generate({ timestamp: now.getTime() });
}
