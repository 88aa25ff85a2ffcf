/**
 * The official working-day calendar as the case engine needs it: State Council holidays and
 * 调休 make-up days. The calendar itself (data an administrator extends each year) lives in
 * src/domain/calendar; the engine only takes this narrow interface, so tests can hand in a plain
 * Monday–Friday calendar.
 */
export interface WorkingCalendar {
  /** The instant `n` working days after `from` (same time of day). */
  addWorkingDays(from: Date, n: number): Date;
  /** Whole working days from `from` to `to` (negative when `to` is earlier). */
  workingDaysBetween(from: Date, to: Date): number;
}
