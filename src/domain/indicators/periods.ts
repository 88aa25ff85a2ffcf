/**
 * Periods of the figures, at the counters' resolution of one calendar month (China time): a
 * month `YYYY-MM`, a quarter, a year, or year-to-date. A flow sums the months of its period; a
 * stock at a date sums every month up to the end of the date's month. Rows without a reference
 * date sit in {@link UNDATED_MONTH}, before every real month.
 *
 * @module
 */

/** The month key of rows whose reference date is missing: inside every stock, in no flow. */
export const UNDATED_MONTH = '0000-00';

/** An inclusive range of months, `from` ≤ `to`, each `YYYY-MM`. */
export interface MonthRange {
  readonly from: string;
  readonly to: string;
}

const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const CST_OFFSET_MS = 8 * 3_600_000;

/** True for a month key `YYYY-MM`. */
export function isMonth(s: string): boolean {
  return MONTH_RE.test(s);
}

/**
 * The month of a calendar date or an ISO timestamp's date part.
 *
 * @example
 * monthOf('2021-09-30') // => '2021-09'
 */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/**
 * The China-time calendar date of an instant, `YYYY-MM-DD`.
 *
 * @example
 * cstDate(new Date('2021-09-30T17:00:00Z')) // => '2021-10-01'
 */
export function cstDate(instant: Date): string {
  return new Date(instant.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The month `n` months after (or before, for negative `n`) `month`.
 *
 * @example
 * addMonths('2021-11', 3) // => '2022-02'
 */
export function addMonths(month: string, n: number): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7)) - 1 + n;
  const year = y + Math.floor(m / 12);
  const mm = ((m % 12) + 12) % 12;
  return `${String(year).padStart(4, '0')}-${String(mm + 1).padStart(2, '0')}`;
}

/**
 * Every month of a range, in order.
 *
 * @example
 * monthsIn({ from: '2021-11', to: '2022-01' }) // => ['2021-11', '2021-12', '2022-01']
 */
export function monthsIn(range: MonthRange): string[] {
  const out: string[] = [];
  for (let m = range.from; m <= range.to; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** The twelve months of a year. */
export function yearRange(year: number): MonthRange {
  const y = String(year).padStart(4, '0');
  return { from: `${y}-01`, to: `${y}-12` };
}

/**
 * The three months of a quarter (1–4).
 *
 * @example
 * quarterRange(2021, 3) // => { from: '2021-07', to: '2021-09' }
 */
export function quarterRange(year: number, quarter: number): MonthRange {
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) {
    throw new RangeError(`quarter must be 1–4, got ${quarter}`);
  }
  const from = addMonths(yearRange(year).from, (quarter - 1) * 3);
  return { from, to: addMonths(from, 2) };
}

/**
 * January of `year` up to the month of `asOf` (the whole year when `asOf` is later, and an
 * empty range — `to` before `from` — when it is earlier).
 *
 * @example
 * yearToDate(2021, '2021-09-30') // => { from: '2021-01', to: '2021-09' }
 */
export function yearToDate(year: number, asOf: string): MonthRange {
  const full = yearRange(year);
  const at = monthOf(asOf);
  return { from: full.from, to: at < full.to ? at : full.to };
}

/**
 * The share of `year` that has passed at the end of day `asOf`, in percent with one decimal: 0
 * before the year, 100 after it. Set beside progress, it shows who lags.
 *
 * @example
 * timeElapsedPct(2021, '2021-09-30') // => 74.8 (273 of 365 days)
 * timeElapsedPct(2021, '2026-01-01') // => 100
 */
export function timeElapsedPct(year: number, asOf: string): number {
  if (!DATE_RE.test(asOf)) throw new RangeError(`not a date: ${asOf}`);
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  const at = Date.parse(`${asOf}T00:00:00Z`) + 86_400_000;
  const share = Math.min(Math.max((at - start) / (end - start), 0), 1);
  return Math.round(share * 1000) / 10;
}

/**
 * Progress towards a target in percent with one decimal; null without a positive target.
 *
 * @example
 * progressPct(8_400, 11_200) // => 75
 * progressPct(3, 0) // => null
 */
export function progressPct(actual: number, target: number | null): number | null {
  if (target === null || !(target > 0)) return null;
  return Math.round((actual / target) * 1000) / 10;
}
