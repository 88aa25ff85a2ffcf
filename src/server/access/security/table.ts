import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Security settings the security administrator owns (lock-out, session timeouts, password policy). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});
