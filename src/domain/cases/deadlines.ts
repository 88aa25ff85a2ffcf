import type { CaseType } from './case-type.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';

/** Where a step stands against its time limit. */
export type DeadlineStatus = 'none' | 'ok' | 'near' | 'overdue';

/** Working days before the deadline from which a step counts as 临近超时. */
export const NEAR_WORKING_DAYS = 1;

export const DEADLINE_STATUS_NAMES: Record<DeadlineStatus, { zh: string; en: string }> = {
  none: { zh: '不限时', en: 'No time limit' },
  ok: { zh: '正常', en: 'On time' },
  near: { zh: '临近超时', en: 'Due soon' },
  overdue: { zh: '超时', en: 'Overdue' },
};

/**
 * When a case entering `state` at `enteredAt` is due: `limitDays` working days later on the
 * official calendar; null for a state without a limit (or a terminal one).
 *
 * @example
 * nextDeadline(GUARANTEE_LOAN, 'bank_review', new Date('2026-12-04T09:00:00Z'), calendar)
 * // 2026-12-10T09:00:00Z with a Monday–Friday calendar (4 working days)
 */
export function nextDeadline(
  type: CaseType,
  state: string,
  enteredAt: Date,
  calendar: WorkingCalendar,
): Date | null {
  const decl = type.states[state];
  if (!decl || decl.terminal || decl.limitDays === null) return null;
  return calendar.addWorkingDays(enteredAt, decl.limitDays);
}

/**
 * The status of a step due at `due` as seen at `now`: 超时 once past it, 临近超时 within
 * {@link NEAR_WORKING_DAYS} working days of it.
 *
 * @example
 * deadlineStatus(null, now, calendar) // 'none'
 */
export function deadlineStatus(
  due: Date | null,
  now: Date,
  calendar: WorkingCalendar,
  nearDays: number = NEAR_WORKING_DAYS,
): DeadlineStatus {
  if (due === null) return 'none';
  if (now.getTime() > due.getTime()) return 'overdue';
  return calendar.workingDaysBetween(now, due) <= nearDays ? 'near' : 'ok';
}
