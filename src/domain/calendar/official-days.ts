/**
 * The official holiday schedule of the State Council (国务院办公厅关于 20xx 年部分节假日安排的通知),
 * as data: the public holidays (放假) and the weekend days worked in exchange (调休上班). The
 * server seeds its `calendar_days` table from this list; an administrator adds the next year's
 * notice there when it is published (usually in November), see `fanxiang calendar add`.
 *
 * Source of the dates: the two notices named in {@link CALENDAR_SOURCES}; checked against the
 * MIT-licensed npm package `chinese-days` 1.5.7 (github.com/vsme/chinese-days,
 * `dist/chinese-days.json`), from which only the dates (facts) were copied.
 *
 * @module
 */

/** Whether an official day is a public holiday or a weekend day worked in exchange (调休). */
export type CalendarDayKind = 'holiday' | 'workday';

/** One official exception to the Monday–Friday week. */
export interface CalendarDay {
  /** Calendar date in China Standard Time, `YYYY-MM-DD`. */
  date: string;
  kind: CalendarDayKind;
  /** The festival, e.g. 春节 or 春节调休上班. */
  name: string;
  /** The issuing document (title, and 文号 where known). */
  source: string;
}

/** The State Council notice behind each seeded year. */
export const CALENDAR_SOURCES: Readonly<Record<number, string>> = {
  2025: '国务院办公厅关于2025年部分节假日安排的通知',
  2026: '国务院办公厅关于2026年部分节假日安排的通知',
};

const ROWS: [string, CalendarDayKind, string, number][] = [
  ['2025-01-01', 'holiday', '元旦', 2025],
  ['2025-01-26', 'workday', '春节调休上班', 2025],
  ['2025-01-28', 'holiday', '春节', 2025],
  ['2025-01-29', 'holiday', '春节', 2025],
  ['2025-01-30', 'holiday', '春节', 2025],
  ['2025-01-31', 'holiday', '春节', 2025],
  ['2025-02-01', 'holiday', '春节', 2025],
  ['2025-02-02', 'holiday', '春节', 2025],
  ['2025-02-03', 'holiday', '春节', 2025],
  ['2025-02-04', 'holiday', '春节', 2025],
  ['2025-02-08', 'workday', '春节调休上班', 2025],
  ['2025-04-04', 'holiday', '清明', 2025],
  ['2025-04-05', 'holiday', '清明', 2025],
  ['2025-04-06', 'holiday', '清明', 2025],
  ['2025-04-27', 'workday', '劳动节调休上班', 2025],
  ['2025-05-01', 'holiday', '劳动节', 2025],
  ['2025-05-02', 'holiday', '劳动节', 2025],
  ['2025-05-03', 'holiday', '劳动节', 2025],
  ['2025-05-04', 'holiday', '劳动节', 2025],
  ['2025-05-05', 'holiday', '劳动节', 2025],
  ['2025-05-31', 'holiday', '端午', 2025],
  ['2025-06-01', 'holiday', '端午', 2025],
  ['2025-06-02', 'holiday', '端午', 2025],
  ['2025-09-28', 'workday', '国庆节调休上班', 2025],
  ['2025-10-01', 'holiday', '国庆节', 2025],
  ['2025-10-02', 'holiday', '国庆节', 2025],
  ['2025-10-03', 'holiday', '国庆节', 2025],
  ['2025-10-04', 'holiday', '国庆节', 2025],
  ['2025-10-05', 'holiday', '国庆节', 2025],
  ['2025-10-06', 'holiday', '中秋', 2025],
  ['2025-10-07', 'holiday', '国庆节', 2025],
  ['2025-10-08', 'holiday', '国庆节', 2025],
  ['2025-10-11', 'workday', '国庆节调休上班', 2025],
  ['2026-01-01', 'holiday', '元旦', 2026],
  ['2026-01-02', 'holiday', '元旦', 2026],
  ['2026-01-03', 'holiday', '元旦', 2026],
  ['2026-01-04', 'workday', '元旦调休上班', 2026],
  ['2026-02-14', 'workday', '春节调休上班', 2026],
  ['2026-02-15', 'holiday', '春节', 2026],
  ['2026-02-16', 'holiday', '春节', 2026],
  ['2026-02-17', 'holiday', '春节', 2026],
  ['2026-02-18', 'holiday', '春节', 2026],
  ['2026-02-19', 'holiday', '春节', 2026],
  ['2026-02-20', 'holiday', '春节', 2026],
  ['2026-02-21', 'holiday', '春节', 2026],
  ['2026-02-22', 'holiday', '春节', 2026],
  ['2026-02-23', 'holiday', '春节', 2026],
  ['2026-02-28', 'workday', '春节调休上班', 2026],
  ['2026-04-04', 'holiday', '清明', 2026],
  ['2026-04-05', 'holiday', '清明', 2026],
  ['2026-04-06', 'holiday', '清明', 2026],
  ['2026-05-01', 'holiday', '劳动节', 2026],
  ['2026-05-02', 'holiday', '劳动节', 2026],
  ['2026-05-03', 'holiday', '劳动节', 2026],
  ['2026-05-04', 'holiday', '劳动节', 2026],
  ['2026-05-05', 'holiday', '劳动节', 2026],
  ['2026-05-09', 'workday', '劳动节调休上班', 2026],
  ['2026-06-19', 'holiday', '端午', 2026],
  ['2026-06-20', 'holiday', '端午', 2026],
  ['2026-06-21', 'holiday', '端午', 2026],
  ['2026-09-20', 'workday', '国庆节调休上班', 2026],
  ['2026-09-25', 'holiday', '中秋', 2026],
  ['2026-09-26', 'holiday', '中秋', 2026],
  ['2026-09-27', 'holiday', '中秋', 2026],
  ['2026-10-01', 'holiday', '国庆节', 2026],
  ['2026-10-02', 'holiday', '国庆节', 2026],
  ['2026-10-03', 'holiday', '国庆节', 2026],
  ['2026-10-04', 'holiday', '国庆节', 2026],
  ['2026-10-05', 'holiday', '国庆节', 2026],
  ['2026-10-06', 'holiday', '国庆节', 2026],
  ['2026-10-07', 'holiday', '国庆节', 2026],
  ['2026-10-10', 'workday', '国庆节调休上班', 2026],
];

/** The seeded official days for 2025 and 2026, in date order. */
export const OFFICIAL_CALENDAR_DAYS: readonly CalendarDay[] = ROWS.map(
  ([date, kind, name, year]) => ({ date, kind, name, source: CALENDAR_SOURCES[year]! }),
);
