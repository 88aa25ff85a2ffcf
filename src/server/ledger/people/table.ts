import { sql } from 'drizzle-orm';
import {
  char,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { regions } from '../../platform/regions/table.js';

/**
 * Entrepreneurs and prospects (the talent pool). ID number and phone are stored only encrypted
 * (`*_enc`), found by a keyed hash (`*_bidx`), and shown through a precomputed mask.
 */
export const people = pgTable(
  'people',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    name: text('name').notNull(),
    sex: char('sex', { length: 1 }).notNull(),
    birthDate: date('birth_date').notNull(),
    idNumberEnc: text('id_number_enc').notNull(),
    idNumberBidx: text('id_number_bidx').notNull(),
    idNumberMask: text('id_number_mask').notNull(),
    phoneEnc: text('phone_enc'),
    phoneBidx: text('phone_bidx'),
    phoneMask: text('phone_mask'),
    /** The region whose ledger holds the person: the scope column. */
    regionCode: char('region_code', { length: 12 })
      .notNull()
      .references(() => regions.code),
    hukouRegionCode: char('hukou_region_code', { length: 12 }).references(() => regions.code),
    currentRegionCode: char('current_region_code', { length: 12 }).references(() => regions.code),
    categories: text('categories').array().notNull(),
    awayProvinceCode: char('away_province_code', { length: 2 }),
    awayCityCode: char('away_city_code', { length: 4 }),
    monthsAway: integer('months_away'),
    returnDate: date('return_date'),
    education: text('education'),
    skills: text('skills').notNull().default(''),
    status: text('status').notNull(),
    /** Date each status was reached, e.g. `{ "returned": "2024-03-01" }`. */
    statusDates: jsonb('status_dates').$type<Record<string, string>>().notNull().default({}),
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
    uniqueIndex('people_id_number_live_key')
      .on(t.idNumberBidx)
      .where(sql`merged_into IS NULL`),
    index('people_phone_idx').on(t.phoneBidx),
    index('people_region_idx').on(t.regionCode.op('bpchar_pattern_ops'), t.id),
    index('people_status_idx').on(t.status),
    index('people_search_idx').using('gin', t.searchTokens),
    index('people_categories_idx').using('gin', t.categories),
    // The list's sorts over live rows, ties by id in the same direction (keyset paging walks
    // them): the national and provincial first pages read these in order and stop after a page.
    index('people_live_updated_idx')
      .on(t.updatedAt.desc(), t.id.desc())
      .where(sql`merged_into IS NULL`),
    index('people_live_name_idx')
      .on(sql`${t.name} COLLATE "C"`, t.id)
      .where(sql`merged_into IS NULL`),
    // One status sorted by recency (已创业 nationally or in a province, say): the list walks it
    // in order and stops after a page instead of sorting every row of that status.
    index('people_live_status_updated_idx')
      .on(t.status, t.updatedAt.desc(), t.id.desc())
      .where(sql`merged_into IS NULL`),
    // A region subtree sorted by recency: a county's or township's first page without a sort.
    index('people_live_region_updated_idx')
      .on(t.regionCode.op('bpchar_pattern_ops'), t.updatedAt.desc(), t.id.desc())
      .where(sql`merged_into IS NULL`),
  ],
);

/** What a person agreed to share with whom; withdrawable. */
export const personConsents = pgTable(
  'person_consents',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    purpose: text('purpose').notNull(),
    grantedTo: text('granted_to').notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (t) => [index('person_consents_person_idx').on(t.personId)],
);
