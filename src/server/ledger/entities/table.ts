import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations } from '../../access/orgs/table.js';
import { people } from '../people/table.js';
import { regions } from '../../platform/regions/table.js';

/** Market entities: 企业, 个体工商户, 农民专业合作社, 家庭农场 (with the 就业帮扶车间 flag). */
export const entities = pgTable(
  'entities',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    name: text('name').notNull(),
    creditCode: text('credit_code').notNull(),
    /** Early pilot codes fail the GB 32100 check yet are legal: kept with a warning. */
    creditCodeChecksumValid: boolean('credit_code_checksum_valid').notNull().default(true),
    /** Marked by an officer as an early pilot code (required for a code failing the check). */
    pilotCode: boolean('pilot_code').notNull().default(false),
    /** Why the code is taken as an early pilot code; null unless `pilotCode`. */
    pilotCodeReason: text('pilot_code_reason'),
    type: text('type').notNull(),
    isWorkshop: boolean('is_workshop').notNull().default(false),
    industryCode: text('industry_code'),
    regionCode: char('region_code', { length: 12 })
      .notNull()
      .references(() => regions.code),
    parkOrgId: uuid('park_org_id').references(() => organisations.id),
    parkUnit: text('park_unit'),
    foundedOn: date('founded_on'),
    registeredCapitalWan: numeric('registered_capital_wan', { precision: 16, scale: 4 }),
    employees: integer('employees').notNull().default(0),
    jobsCreated: integer('jobs_created').notNull().default(0),
    jobsPoverty: integer('jobs_poverty').notNull().default(0),
    annualRevenueWan: numeric('annual_revenue_wan', { precision: 16, scale: 4 }),
    /** 规上: annual revenue ≥ 2000万元, derived on every write. */
    aboveScale: boolean('above_scale').notNull().default(false),
    isEcommerce: boolean('is_ecommerce').notNull().default(false),
    products: text('products').notNull().default(''),
    searchTokens: text('search_tokens')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    mergedInto: uuid('merged_into'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by'),
    updatedBy: uuid('updated_by'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('entities_credit_code_live_key')
      .on(t.creditCode)
      .where(sql`merged_into IS NULL`),
    index('entities_region_idx').on(t.regionCode.op('bpchar_pattern_ops'), t.id),
    index('entities_search_idx').using('gin', t.searchTokens),
    index('entities_park_idx').on(t.parkOrgId),
    index('entities_industry_idx').on(t.industryCode),
    // The list's sorts over live rows (see people_live_*): keyset paging walks them.
    index('entities_live_updated_idx')
      .on(t.updatedAt.desc(), t.id.desc())
      .where(sql`merged_into IS NULL`),
    index('entities_live_name_idx')
      .on(sql`${t.name} COLLATE "C"`, t.id)
      .where(sql`merged_into IS NULL`),
    index('entities_live_region_updated_idx')
      .on(t.regionCode.op('bpchar_pattern_ops'), t.updatedAt.desc(), t.id.desc())
      .where(sql`merged_into IS NULL`),
  ],
);

/** Links between people and entities: founder, legal representative, core member. */
export const entityLinks = pgTable(
  'entity_links',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    role: text('role').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('entity_links_key').on(t.entityId, t.personId, t.role),
    index('entity_links_person_idx').on(t.personId),
  ],
);
