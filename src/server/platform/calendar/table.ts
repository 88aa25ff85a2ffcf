import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The official calendar's exceptions to the Monday–Friday week: State Council public holidays
 * (`holiday`) and weekend days worked in exchange (`workday`, 调休上班), each with the notice it
 * comes from. Seeded from src/domain/calendar/official-days.ts; a system administrator adds the
 * next year when its notice is published. Rows are never changed or deleted.
 */
export const calendarDays = pgTable(
  'calendar_days',
  {
    day: date('day', { mode: 'string' }).primaryKey(),
    kind: text('kind', { enum: ['holiday', 'workday'] }).notNull(),
    name: text('name').notNull(),
    source: text('source').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** Null for seeded rows. */
    createdBy: uuid('created_by'),
  },
  (t) => [index('calendar_days_kind_idx').on(t.kind, t.day)],
);
