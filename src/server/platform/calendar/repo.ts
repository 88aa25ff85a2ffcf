import { asc, between, sql } from 'drizzle-orm';
import type { CalendarDay } from '../../../domain/calendar/official-days.js';
import type { Executor } from '../db/client.js';
import { calendarDays } from './table.js';

/** The official days, in date order, of one year or of all years. */
export async function findCalendarDays(db: Executor, year?: number): Promise<CalendarDay[]> {
  const rows = await db
    .select()
    .from(calendarDays)
    .where(
      year === undefined ? undefined : between(calendarDays.day, `${year}-01-01`, `${year}-12-31`),
    )
    .orderBy(asc(calendarDays.day));
  return rows.map((r) => ({ date: r.day, kind: r.kind, name: r.name, source: r.source }));
}

/** The years that have official days. */
export async function calendarYears(db: Executor): Promise<number[]> {
  const rows = await db
    .select({ year: sql<number>`distinct extract(year from ${calendarDays.day})::int` })
    .from(calendarDays);
  return rows.map((r) => Number(r.year)).sort((a, b) => a - b);
}

/** Inserts official days; a date already present is left as it is. Returns how many were added. */
export async function insertCalendarDays(
  db: Executor,
  days: readonly CalendarDay[],
  meta: { now: Date; actorId: string | null },
): Promise<number> {
  if (days.length === 0) return 0;
  const rows = await db
    .insert(calendarDays)
    .values(
      days.map((d) => ({
        day: d.date,
        kind: d.kind,
        name: d.name,
        source: d.source,
        createdAt: meta.now,
        createdBy: meta.actorId,
      })),
    )
    .onConflictDoNothing()
    .returning({ day: calendarDays.day });
  return rows.length;
}

/** Serialises additions of a year (two administrators entering the same notice at once). */
export async function lockCalendar(tx: Executor): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('calendar_days'))`);
}
