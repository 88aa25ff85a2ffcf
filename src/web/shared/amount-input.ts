/**
 * Amounts and rates typed by a person, read without floating point: 「12,345.67」 元 or 「30」
 * 万元 → integer fen; 「3.45」 % → basis points. Shared by the console's decision and filing forms
 * and the portal's application form. `null` when the text is not such a number.
 */

export type AmountUnit = 'yuan' | 'wan';

const DECIMAL = /^(\d{1,12})(?:\.(\d+))?$/;

/** Digits of a decimal written with optional thousands separators (「,」 or 「，」). */
function decimal(text: string): { whole: string; frac: string } | null {
  const m = DECIMAL.exec(text.trim().replace(/[,，\s]/g, ''));
  if (!m) return null;
  return { whole: m[1] ?? '0', frac: m[2] ?? '' };
}

/** Whole units of `1/10^places`, or null when the text has more decimals than that. */
function scaled(text: string, places: number): number | null {
  const d = decimal(text);
  if (!d || d.frac.length > places) return null;
  const n = Number(d.whole + d.frac.padEnd(places, '0'));
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * Fen of an amount typed in 元 (two decimals at most) or 万元 (six decimals at most).
 *
 * @example
 * parseAmountFen('12,345.67', 'yuan') // => 1_234_567
 * parseAmountFen('30', 'wan')         // => 30_000_000
 */
export function parseAmountFen(text: string, unit: AmountUnit = 'yuan'): number | null {
  return scaled(text, unit === 'wan' ? 6 : 2);
}

/**
 * Basis points of a rate typed in per cent (two decimals at most).
 *
 * @example
 * parsePercentBp('3.45') // => 345
 */
export function parsePercentBp(text: string): number | null {
  return scaled(text.replace(/%$/, ''), 2);
}

/** Integer fen as 元 with two decimals and thousands separators, without floats. */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.trunc(abs / 100).toLocaleString('en-US');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** Basis points as a per-cent figure: 345 → 「3.45%」. */
export function formatPercent(bp: number): string {
  return `${Math.trunc(bp / 100)}.${String(Math.abs(bp % 100)).padStart(2, '0')}%`;
}
