import { sql } from 'drizzle-orm';
import { char, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { regions } from '../../platform/regions/table.js';

/** Departments, banks, guarantee agencies, parks and service centres, each on a region. */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    name: text('name').notNull(),
    type: text('type').notNull(),
    regionCode: char('region_code', { length: 12 })
      .notNull()
      .references(() => regions.code),
    creditCode: text('credit_code'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('organisations_region_idx').on(t.regionCode.op('bpchar_pattern_ops'))],
);
