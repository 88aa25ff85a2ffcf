import type { WorkingCalendar } from '../../../domain/cases/working-calendar.js';
import type { Executor } from '../../platform/db/client.js';

/**
 * What the case engine takes from outside its room, as narrow interfaces: the official working-day
 * calendar and the notifications service. AppDeps.caseHooks hands them in; until the merge wires
 * the real ones, the defaults below apply.
 */

/** Who a notification is for: an organisation's staff, region officers of a region, or users. */
export type NotifyTarget = { orgId: string } | { regionCode: string } | { userIds: string[] };

/** One notification of the case engine (a step arrived, a step is due soon or overdue). */
export type CaseNotice = NotifyTarget & {
  kind: 'case.step' | 'case.deadline_near' | 'case.deadline_overdue';
  caseId: string;
  params: Record<string, string | number | null>;
};

/**
 * Sends a notice inside the caller's transaction (站内信 and SMS are the notifications service's
 * business), so a rolled-back transition notifies no one.
 */
export type NotifyHook = (tx: Executor, notice: CaseNotice) => Promise<void>;

export interface CaseHooks {
  calendar: WorkingCalendar;
  notify: NotifyHook;
}

const DAY_MS = 86_400_000;

function isWeekend(d: Date): boolean {
  const day = d.getUTCDay();
  return day === 0 || day === 6;
}

/**
 * MERGE: replace with the official calendar of src/domain/calendar/working-days.ts (State
 * Council holidays and 调休 make-up days). Until then: Monday to Friday (in UTC+8), no holidays.
 */
export const WEEKDAY_CALENDAR_PLACEHOLDER: WorkingCalendar = {
  addWorkingDays(from, n) {
    let t = from.getTime();
    let left = n;
    while (left > 0) {
      t += DAY_MS;
      if (!isWeekend(new Date(t + 8 * 3_600_000))) left--;
    }
    return new Date(t);
  },
  workingDaysBetween(from, to) {
    const sign = to >= from ? 1 : -1;
    const [a, b] = sign > 0 ? [from.getTime(), to.getTime()] : [to.getTime(), from.getTime()];
    let n = 0;
    for (let t = a + DAY_MS; t <= b; t += DAY_MS) if (!isWeekend(new Date(t + 8 * 3_600_000))) n++;
    return sign * n;
  },
};

/** MERGE: replace with the notifications service (src/server/outreach/notifications). Sends nothing. */
export const NOTIFY_NOTHING: NotifyHook = () => Promise.resolve();

/** The hooks in force: those handed in, else the defaults. */
export function caseHooks(deps: { caseHooks?: Partial<CaseHooks> | undefined }): CaseHooks {
  return {
    calendar: deps.caseHooks?.calendar ?? WEEKDAY_CALENDAR_PLACEHOLDER,
    notify: deps.caseHooks?.notify ?? NOTIFY_NOTHING,
  };
}
