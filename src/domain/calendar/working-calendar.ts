/**
 * Working days (工作日) on the official calendar: Monday to Friday, minus the State Council's
 * public holidays, plus the weekend days worked in exchange (调休上班). Time limits of case steps
 * ("15 个工作日") are counted on it.
 *
 * Dates are calendar dates in China Standard Time (UTC+8, no daylight saving): an instant is
 * placed on the CST date it falls on. Years the calendar holds no official days for are counted
 * as plain Monday–Friday weeks; {@link WorkingCalendar.coversYear} tells a caller whether the
 * year's notice has been entered.
 *
 * @module
 */
import type { CalendarDay } from './official-days.js';

/** The calendar a workflow counts its time limits on (helper code depends on this shape). */
export interface WorkingCalendar {
  /**
   * The instant `n` working days after `from` (before it for negative `n`), at the same time of
   * day; `n = 0` returns `from` unchanged.
   */
  addWorkingDays(from: Date, n: number): Date;
  /**
   * Working days after `from`'s date up to and including `to`'s date. When `to` is earlier, minus
   * the working days from `to`'s date up to but excluding `from`'s date, so that
   * `workingDaysBetween(d, addWorkingDays(d, n)) === n` for every whole `n`.
   */
  workingDaysBetween(from: Date, to: Date): number;
}

/** A {@link WorkingCalendar} with day-level queries. */
export interface OfficialCalendar extends WorkingCalendar {
  /** Whether a CST date (`YYYY-MM-DD`) or the CST date of an instant is a working day. */
  isWorkingDay(day: string | Date): boolean;
  /** Whether official days were entered for this year (otherwise only weekends count). */
  coversYear(year: number): boolean;
}

const DAY_MS = 86_400_000;
const CST_OFFSET_MS = 8 * 3_600_000;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Days since 1970-01-01 of an instant's CST date. */
function dayNumberOf(instant: Date): number {
  return Math.floor((instant.getTime() + CST_OFFSET_MS) / DAY_MS);
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
function dayNumberOfDate(date: string): number {
  if (!DATE_RE.test(date)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`not a calendar date: ${date}`);
  }
  return ms / DAY_MS;
}

/** Monday–Friday test on a day number (1970-01-01 was a Thursday). */
function isWeekday(day: number): boolean {
  const dow = (((day + 4) % 7) + 7) % 7; // 0 = Sunday
  return dow >= 1 && dow <= 5;
}

/**
 * Builds the working calendar from the official days (holidays and 调休 working weekends).
 * Later entries for the same date replace earlier ones.
 *
 * @example
 * const cal = workingCalendar(OFFICIAL_CALENDAR_DAYS);
 * cal.isWorkingDay('2025-10-01'); // => false (国庆节)
 * cal.isWorkingDay('2025-09-28'); // => true  (Sunday worked in exchange)
 * cal.addWorkingDays(new Date('2025-09-30T02:00:00Z'), 1); // => 2025-10-09T02:00:00Z
 */
export function workingCalendar(days: readonly CalendarDay[]): OfficialCalendar {
  const exceptions = new Map<number, boolean>();
  const years = new Set<number>();
  for (const d of days) {
    exceptions.set(dayNumberOfDate(d.date), d.kind === 'workday');
    years.add(Number(d.date.slice(0, 4)));
  }
  const works = (day: number) => exceptions.get(day) ?? isWeekday(day);

  return {
    isWorkingDay(day) {
      return works(typeof day === 'string' ? dayNumberOfDate(day) : dayNumberOf(day));
    },
    coversYear(year) {
      return years.has(year);
    },
    addWorkingDays(from, n) {
      if (!Number.isInteger(n)) throw new RangeError(`working days must be whole: ${n}`);
      const step = n < 0 ? -1 : 1;
      let day = dayNumberOf(from);
      let left = Math.abs(n);
      let moved = 0;
      while (left > 0) {
        day += step;
        moved += step;
        if (works(day)) left -= 1;
      }
      return new Date(from.getTime() + moved * DAY_MS);
    },
    workingDaysBetween(from, to) {
      const a = dayNumberOf(from);
      const b = dayNumberOf(to);
      let count = 0;
      if (a <= b) {
        for (let d = a + 1; d <= b; d++) if (works(d)) count += 1;
        return count;
      }
      for (let d = b; d < a; d++) if (works(d)) count += 1;
      return count === 0 ? 0 : -count;
    },
  };
}
