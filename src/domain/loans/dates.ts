/**
 * Calendar dates (`YYYY-MM-DD`, China Standard Time as the loan contract reads them) for loan
 * arithmetic: day numbers, months added the way banks roll payment dates, and quarters.
 *
 * @module
 */

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
export function dayNumber(date: string): number {
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new RangeError(`not a date: ${date}`);
  return ms / DAY_MS;
}

/** The `YYYY-MM-DD` date of a day number. */
export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The date `n` months after `date`, on the same day of the month or the month's last day when
 * it is shorter (a loan taken on 31 January is due on 30 April).
 *
 * @example
 * addMonthsClamped('2024-01-31', 1) // => '2024-02-29'
 * addMonthsClamped('2024-01-31', 3) // => '2024-04-30'
 */
export function addMonthsClamped(date: string, n: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + n;
  const d = Number(date.slice(8, 10));
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, last))).toISOString().slice(0, 10);
}

/** A calendar quarter, `YYYY-Qn`. */
export type Quarter = `${number}-Q${1 | 2 | 3 | 4}`;

/**
 * The quarter a date falls in.
 *
 * @example
 * quarterOf('2021-05-20') // => '2021-Q2'
 */
export function quarterOf(date: string): Quarter {
  const q = Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;
  return `${Number(date.slice(0, 4))}-Q${q}` as Quarter;
}

/**
 * First day and the day after the last day of a quarter, as day numbers.
 *
 * @example
 * quarterDays('2021-Q2') // => [dayNumber('2021-04-01'), dayNumber('2021-07-01')]
 */
export function quarterDays(q: Quarter): [number, number] {
  const y = Number(q.slice(0, 4));
  const n = Number(q.slice(6));
  return [Date.UTC(y, (n - 1) * 3, 1) / DAY_MS, Date.UTC(y, n * 3, 1) / DAY_MS];
}

/** The quarters that the days `[from, to)` (day numbers) touch, in order. */
export function quartersBetween(from: number, to: number): Quarter[] {
  const out: Quarter[] = [];
  let d = from;
  while (d < to) {
    const q = quarterOf(dateOfDay(d));
    out.push(q);
    d = quarterDays(q)[1];
  }
  return out;
}
