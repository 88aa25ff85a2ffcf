/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015.
 *
 * Layout of the 18 characters (alphabet `0-9A-HJ-NP-RTUWXY`, i.e. without I, O, Z, S, V):
 * - 1     registration authority (e.g. 1 organs, 5 civil affairs, 9 market regulation, Y other);
 * - 2     organisation category;
 * - 3–8   administrative division code (6 digits);
 * - 9–17  organisation code body;
 * - 18    MOD 31 check character.
 *
 * @module
 */
import { toHalfWidthTrimmed } from './normalise.js';

/** Characters allowed in a credit code; a character's index is its numeric value. */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Reason a credit code is rejected by {@link parseCreditCode}. */
export type CreditCodeError = 'CREDIT_CODE_FORMAT';

/** Data extracted from a well-formed credit code. */
export interface ParsedCreditCode {
  /** Normalised code: 18 upper-case ASCII characters. */
  creditCode: string;
  /** Administrative division code, positions 3–8. */
  regionCode: string;
  /** Whether the check character matches; `false` for some early pilot codes. */
  checksumValid: boolean;
}

/** Result of {@link parseCreditCode}. */
export type CreditCodeResult =
  | { ok: true; value: ParsedCreditCode; warning?: 'CREDIT_CODE_CHECKSUM' }
  | { ok: false; code: CreditCodeError };

/** Weights 3^(i-1) mod 31 for positions i = 1..17. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const FIRST17_RE = /^[0-9A-HJ-NP-RTUWXY]{17}$/;
const FULL_RE = /^[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}$/;

/**
 * Computes the GB 32100 check character for the first 17 characters.
 *
 * @param first17 - 17 characters from {@link CREDIT_CODE_ALPHABET} (upper case).
 * @returns A character of {@link CREDIT_CODE_ALPHABET}.
 * @throws {RangeError} If `first17` is not 17 alphabet characters.
 * @example
 * creditCodeCheckChar('91350100M000100Y4'); // => '3'
 */
export function creditCodeCheckChar(first17: string): string {
  if (!FIRST17_RE.test(first17)) {
    throw new RangeError(
      'creditCodeCheckChar: expected 17 characters from the credit-code alphabet',
    );
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += CREDIT_CODE_ALPHABET.indexOf(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  }
  return CREDIT_CODE_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/**
 * Appends the check character, producing a checksum-valid code (used by
 * demo-data generators and tests; the division digits are not checked).
 *
 * @param first17 - 17 characters from {@link CREDIT_CODE_ALPHABET}.
 * @throws {RangeError} If `first17` is not 17 alphabet characters.
 * @example
 * makeCreditCode('91350100M000100Y4'); // => '91350100M000100Y43'
 */
export function makeCreditCode(first17: string): string {
  return first17 + creditCodeCheckChar(first17);
}

/**
 * Validates and parses a unified social credit code.
 *
 * Input is normalised first (full-width → ASCII, trimmed, upper-cased).
 * A code with the right format but a wrong check character is still accepted —
 * some early pilot codes were issued that way — with `checksumValid: false`
 * and `warning: 'CREDIT_CODE_CHECKSUM'`.
 *
 * @param raw - Untrusted input.
 * @example
 * parseCreditCode('91350100m000100y43');
 * // => { ok: true, value: { creditCode: '91350100M000100Y43', regionCode: '350100', checksumValid: true } }
 * parseCreditCode('91350100M000100Y40');
 * // => { ok: true, value: { ..., checksumValid: false }, warning: 'CREDIT_CODE_CHECKSUM' }
 * parseCreditCode('9135010OM000100Y43'); // => { ok: false, code: 'CREDIT_CODE_FORMAT' }
 */
export function parseCreditCode(raw: string): CreditCodeResult {
  const code = toHalfWidthTrimmed(raw).toUpperCase();
  if (!FULL_RE.test(code)) return { ok: false, code: 'CREDIT_CODE_FORMAT' };
  const checksumValid = creditCodeCheckChar(code.slice(0, 17)) === code.charAt(17);
  const value: ParsedCreditCode = { creditCode: code, regionCode: code.slice(2, 8), checksumValid };
  return checksumValid ? { ok: true, value } : { ok: true, value, warning: 'CREDIT_CODE_CHECKSUM' };
}
