import { OFFICIAL_CALENDAR_DAYS } from '../../../domain/calendar/official-days.js';
import {
  type OfficialCalendar,
  workingCalendar,
} from '../../../domain/calendar/working-calendar.js';
import { yearScheduleProblem } from '../../../domain/calendar/year-schedule.js';
import { AppError } from '../../../domain/errors/codes.js';
import { recordAudit } from '../audit/record.js';
import type { Executor } from '../db/client.js';
import type { RequestContext } from '../http/context.js';
import type { AppDeps } from '../http/types.js';
import { requireNationWide, requirePermission } from '../../access/scope/scope.js';
import type { AddCalendarYearBodyT, CalendarQueryT, CalendarViewT } from './contract.js';
import { calendarYears, findCalendarDays, insertCalendarDays, lockCalendar } from './repo.js';

/**
 * The official working-day calendar: read by every staff user (it is public information),
 * extended one year at a time by a nation-wide system administrator (calendar.manage) from the
 * State Council's notice. A year is entered once; days are never changed or deleted.
 */

/** The calendar as stored, for time limits (e.g. the case engine's working-day deadlines). */
export async function loadWorkingCalendar(db: Executor): Promise<OfficialCalendar> {
  return workingCalendar(await findCalendarDays(db));
}

/** Seeds the official days shipped with the code (2025, 2026); idempotent. */
export async function seedCalendarDays(db: Executor, now = new Date()): Promise<number> {
  return insertCalendarDays(db, OFFICIAL_CALENDAR_DAYS, { now, actorId: null });
}

/** The official days of a year (or all), with the years covered. */
export async function listCalendar(
  deps: AppDeps,
  ctx: RequestContext,
  q: CalendarQueryT,
): Promise<CalendarViewT> {
  requirePermission(ctx, 'region.read');
  return { years: await calendarYears(deps.db), days: await findCalendarDays(deps.db, q.year) };
}

/**
 * Checks and stores a year's schedule inside the caller's transaction (which also writes the
 * audit record): the route below and `fanxiang calendar add` share it. Same refusals as
 * {@link addCalendarYear}.
 */
export async function enterCalendarYear(
  tx: Executor,
  body: AddCalendarYearBodyT,
  meta: { now: Date; actorId: string | null },
): Promise<{ holidays: number; workdays: number }> {
  const problem = yearScheduleProblem(body.year, body.days);
  if (problem) {
    throw new AppError('CALENDAR_DAYS_INVALID', {
      date: problem.date,
      problemZh: problem.zh,
      problemEn: problem.en,
    });
  }
  await lockCalendar(tx);
  if ((await findCalendarDays(tx, body.year)).length > 0) {
    throw new AppError('CALENDAR_YEAR_EXISTS', { year: body.year });
  }
  await insertCalendarDays(
    tx,
    body.days.map((d) => ({ ...d, source: body.source })),
    meta,
  );
  return {
    holidays: body.days.filter((d) => d.kind === 'holiday').length,
    workdays: body.days.filter((d) => d.kind === 'workday').length,
  };
}

/**
 * Enters a year's holidays and 调休 working days from its notice. Refuses a year already
 * entered (CALENDAR_YEAR_EXISTS) and a schedule that cannot be right (CALENDAR_DAYS_INVALID:
 * a date outside the year or listed twice, a working day that is not a weekend day, no holiday).
 */
export async function addCalendarYear(
  deps: AppDeps,
  ctx: RequestContext,
  body: AddCalendarYearBodyT,
): Promise<CalendarViewT> {
  const actor = requireNationWide(ctx, 'calendar.manage');
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    const counts = await enterCalendarYear(tx, body, { now, actorId: actor.userId });
    await recordAudit(tx, ctx, now, {
      action: 'calendar.add_year',
      objectType: 'calendar_year',
      objectId: String(body.year),
      permission: 'calendar.manage',
      details: { source: body.source, ...counts },
    });
  });
  await deps.calendarReload?.();
  return { years: await calendarYears(deps.db), days: await findCalendarDays(deps.db, body.year) };
}

/** The stored calendar kept in memory, reloaded when a year is added (see {@link liveCalendar}). */
export interface LiveCalendar {
  calendar: OfficialCalendar;
  reload(): Promise<void>;
}

/**
 * The calendar as stored, behind a stable object whose answers follow {@link LiveCalendar.reload}:
 * the instance that enters a year reloads at once, the others at their next hourly deadline sweep.
 */
export async function liveCalendar(db: Executor): Promise<LiveCalendar> {
  let current = await loadWorkingCalendar(db);
  const calendar: OfficialCalendar = {
    addWorkingDays: (from, n) => current.addWorkingDays(from, n),
    workingDaysBetween: (from, to) => current.workingDaysBetween(from, to),
    isWorkingDay: (day) => current.isWorkingDay(day),
    coversYear: (year) => current.coversYear(year),
  };
  return {
    calendar,
    async reload() {
      current = await loadWorkingCalendar(db);
    },
  };
}
