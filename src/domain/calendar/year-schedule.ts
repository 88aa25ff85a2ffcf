/**
 * Checks a year's holiday schedule as an administrator enters it from the State Council notice,
 * before it joins the calendar: every date in that year and listed once, every 调休 working day
 * on a Saturday or Sunday (the notice only ever moves weekend days), and at least one holiday.
 *
 * @module
 */
import type { CalendarDayKind } from './official-days.js';

export interface ScheduleDay {
  date: string;
  kind: CalendarDayKind;
  name: string;
}

export interface ScheduleProblem {
  date: string;
  zh: string;
  en: string;
}

/**
 * The first problem with a year's schedule, or null.
 *
 * @example
 * yearScheduleProblem(2027, [{ date: '2027-01-04', kind: 'workday', name: '元旦调休' }])
 * // => { date: '2027-01-04', zh: '调休上班日应为周六或周日', … } (a Monday)
 */
export function yearScheduleProblem(
  year: number,
  days: readonly ScheduleDay[],
): ScheduleProblem | null {
  const seen = new Set<string>();
  for (const d of days) {
    if (!d.date.startsWith(`${year}-`)) {
      return { date: d.date, zh: `不是 ${year} 年的日期`, en: `not a date in ${year}` };
    }
    if (seen.has(d.date)) return { date: d.date, zh: '重复列出', en: 'listed twice' };
    seen.add(d.date);
    const dow = new Date(`${d.date}T00:00:00Z`).getUTCDay();
    if (d.kind === 'workday' && dow !== 0 && dow !== 6) {
      return {
        date: d.date,
        zh: '调休上班日应为周六或周日',
        en: 'a make-up working day must be a Saturday or Sunday',
      };
    }
  }
  if (!days.some((d) => d.kind === 'holiday')) {
    return { date: `${year}`, zh: '没有列出任何放假日期', en: 'no holiday listed' };
  }
  return null;
}
