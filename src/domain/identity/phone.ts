/**
 * Mainland China mobile phone numbers (11 digits, `1[3-9]` prefix).
 *
 * @module
 */
import { toHalfWidthTrimmed } from './normalise.js';

/** Reason a mobile number is rejected by {@link parseMobile}. */
export type PhoneError = 'PHONE_FORMAT';

/** Result of {@link parseMobile}. */
export type MobileResult = { ok: true; value: string } | { ok: false; code: PhoneError };

const SEPARATORS_RE = /[\s-]/g;
const MOBILE_RE = /^(?:\+?86)?(1[3-9]\d{9})$/;

/**
 * Validates a mainland mobile number and returns its canonical 11-digit form.
 *
 * Accepts full-width characters, spaces and dashes anywhere, and an optional
 * `+86` / `86` country prefix.
 *
 * @param raw - Untrusted input.
 * @example
 * parseMobile('+86 138-1234-5678'); // => { ok: true, value: '13812345678' }
 * parseMobile('12812345678');       // => { ok: false, code: 'PHONE_FORMAT' }
 */
export function parseMobile(raw: string): MobileResult {
  const compact = toHalfWidthTrimmed(raw).replace(SEPARATORS_RE, '');
  const match = MOBILE_RE.exec(compact);
  const digits = match?.[1];
  return digits === undefined ? { ok: false, code: 'PHONE_FORMAT' } : { ok: true, value: digits };
}

/**
 * Masks a mobile number for display: first 3 digits, 4 asterisks, last 4.
 * Inputs of 7 characters or fewer are fully masked so that nothing is leaked.
 *
 * @param mobile - A (normally already validated) 11-digit mobile number.
 * @example
 * maskMobile('13812345678'); // => '138****5678'
 */
export function maskMobile(mobile: string): string {
  if (mobile.length <= 7) return '*'.repeat(mobile.length);
  return `${mobile.slice(0, 3)}****${mobile.slice(-4)}`;
}
