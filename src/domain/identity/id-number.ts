/**
 * 居民身份证号 (resident identity card number), GB 11643-1999.
 *
 * Layout of the 18 characters:
 * - 1–2   province code, 3–6 rest of the county-level division code
 *         (historical codes such as 512226 奉节 are legal, so only the
 *         province is checked);
 * - 7–14  birth date `YYYYMMDD`;
 * - 15–17 sequence code, the 17th digit is odd for men, even for women;
 * - 18    ISO 7064 MOD 11-2 check character (`0-9` or `X`).
 *
 * @module
 */
import { toHalfWidthTrimmed } from './normalise.js';

/** Reasons an ID number is rejected by {@link parseIdNumber}. */
export type IdNumberError =
  'ID_NUMBER_FORMAT' | 'ID_NUMBER_CHECKSUM' | 'ID_NUMBER_BIRTH_DATE' | 'ID_NUMBER_PROVINCE';

/** Data extracted from a valid ID number. */
export interface ParsedIdNumber {
  /** Normalised number: 18 ASCII characters, check character upper case. */
  idNumber: string;
  /** Birth date as `YYYY-MM-DD`. */
  birthDate: string;
  /** `M` when the 17th digit is odd, `F` when even. */
  sex: 'M' | 'F';
  /** First two digits, e.g. `50`. */
  provinceCode: string;
  /** First six digits (county-level division at time of issue), e.g. `500236`. */
  countyCode: string;
}

/** Result of {@link parseIdNumber}. */
export type IdNumberResult =
  { ok: true; value: ParsedIdNumber } | { ok: false; code: IdNumberError };

/**
 * Province-level codes allowed in positions 1–2: the 31 mainland provinces,
 * plus 71/81/82 used by residence permits for Taiwan, Hong Kong and Macau residents.
 */
// prettier-ignore
export const ID_PROVINCE_CODES: readonly string[] = Object.freeze([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64',
  '65', '71', '81', '82',
]);

const PROVINCES = new Set(ID_PROVINCE_CODES);
/** MOD 11-2 weights 2^(18-i) mod 11 for positions i = 1..17. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check character indexed by (weighted sum mod 11). */
const CHECK_CHARS = '10X98765432';
const FIRST17_RE = /^\d{17}$/;
const FULL_RE = /^\d{17}[\dX]$/;
const MIN_BIRTH_YEAR = 1900;

/**
 * Computes the GB 11643 check character for the first 17 digits.
 *
 * @param first17 - Exactly 17 ASCII digits.
 * @returns `'0'`–`'9'` or `'X'`.
 * @throws {RangeError} If `first17` is not 17 ASCII digits.
 * @example
 * idNumberCheckChar('11010519491231002'); // => 'X'
 */
export function idNumberCheckChar(first17: string): string {
  if (!FIRST17_RE.test(first17)) {
    throw new RangeError('idNumberCheckChar: expected exactly 17 digits');
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS.charAt(sum % 11);
}

/**
 * Appends the check character to 17 digits, producing a checksum-valid number
 * (used by demo-data generators and tests; province and birth date are not checked).
 *
 * @param first17 - Exactly 17 ASCII digits.
 * @throws {RangeError} If `first17` is not 17 ASCII digits.
 * @example
 * makeIdNumber('11010519491231002'); // => '11010519491231002X'
 */
export function makeIdNumber(first17: string): string {
  return first17 + idNumberCheckChar(first17);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Validates `YYYYMMDD`; returns `YYYY-MM-DD` or `null`. `today` is read in local time. */
function checkBirthDate(yyyymmdd: string, today: Date): string | null {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < MIN_BIRTH_YEAR || m < 1 || m > 12 || d < 1) return null;
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > daysInMonth) return null;
  const todayKey =
    pad(today.getFullYear(), 4) + pad(today.getMonth() + 1, 2) + pad(today.getDate(), 2);
  if (yyyymmdd > todayKey) return null;
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

/**
 * Validates and parses an 18-character resident ID number.
 *
 * Input is normalised first: full-width digits/letters become ASCII, surrounding
 * whitespace is trimmed and a lowercase `x` check character becomes `X`.
 * Checks run in the order format → checksum → province → birth date; the
 * first failure is reported.
 *
 * @param raw - Untrusted input, e.g. pasted from a spreadsheet.
 * @param today - Reference date for the "not born in the future" rule
 *   (local calendar date); defaults to now.
 * @example
 * parseIdNumber(' １１０１０５１９４９１２３１００２ｘ ');
 * // => { ok: true, value: { idNumber: '11010519491231002X', birthDate: '1949-12-31',
 * //      sex: 'F', provinceCode: '11', countyCode: '110105' } }
 * parseIdNumber('110105194912310021'); // => { ok: false, code: 'ID_NUMBER_CHECKSUM' }
 */
export function parseIdNumber(raw: string, today: Date = new Date()): IdNumberResult {
  const id = toHalfWidthTrimmed(raw).toUpperCase();
  if (!FULL_RE.test(id)) return { ok: false, code: 'ID_NUMBER_FORMAT' };
  if (idNumberCheckChar(id.slice(0, 17)) !== id.charAt(17)) {
    return { ok: false, code: 'ID_NUMBER_CHECKSUM' };
  }
  const provinceCode = id.slice(0, 2);
  if (!PROVINCES.has(provinceCode)) return { ok: false, code: 'ID_NUMBER_PROVINCE' };
  const birthDate = checkBirthDate(id.slice(6, 14), today);
  if (birthDate === null) return { ok: false, code: 'ID_NUMBER_BIRTH_DATE' };
  const sex = Number(id.charAt(16)) % 2 === 1 ? 'M' : 'F';
  return {
    ok: true,
    value: { idNumber: id, birthDate, sex, provinceCode, countyCode: id.slice(0, 6) },
  };
}

/**
 * Masks an ID number for display: first 6 characters, 8 asterisks, last 4
 * (hides the birth date). Inputs of 10 characters or fewer are fully masked
 * so that nothing is leaked.
 *
 * @param id - A (normally already validated) ID number.
 * @example
 * maskIdNumber('500236199001011234'); // => '500236********1234'
 */
export function maskIdNumber(id: string): string {
  if (id.length <= 10) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}${'*'.repeat(8)}${id.slice(-4)}`;
}
