import {
  char,
  integer,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { regions } from '../../platform/regions/table.js';

/**
 * Annual targets (年度目标) per region and indicator, e.g. 南阳市 2021 新增返乡创业人数 11,200.
 * A parent's target is split down to its child regions; the children of a region with a target
 * never add up to more than it (checked on every write, see targets/service.ts).
 */
export const targets = pgTable(
  'targets',
  {
    regionCode: char('region_code', { length: 12 })
      .notNull()
      .references(() => regions.code),
    year: smallint('year').notNull(),
    /** An indicator code from src/domain/indicators/indicators.ts. */
    indicator: text('indicator').notNull(),
    value: numeric('value', { precision: 16, scale: 2 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by'),
    updatedBy: uuid('updated_by'),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ name: 'targets_pkey', columns: [t.regionCode, t.year, t.indicator] })],
);
