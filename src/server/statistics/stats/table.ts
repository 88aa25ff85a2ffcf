import { bigint, char, pgSchema, primaryKey, smallint, text } from 'drizzle-orm/pg-core';

/**
 * Derived statistics live in their own schema: they are rebuilt from the ledger (`fanxiang stats
 * rebuild`), so backups (which copy the `public` schema) leave them out, and a restore refills
 * them through the ledger's triggers as it inserts the rows.
 */
export const statsSchema = pgSchema('stats');

/**
 * The counters: one row per source table (`people`, `entities`), region — at every level of the
 * tree: the nation, the province, city, county, township (and village) of each ledger row — and
 * month of the rows' reference dates (`YYYY-MM`, or `0000-00` for undated rows). `value` is a
 * vector with one slot per series total and dimension member (src/domain/indicators/layout.ts).
 * Kept exact inside every writing transaction by the statement-level triggers of migration
 * `stats_triggers`. A vector that falls back to zeros is kept (removing it would cost another
 * statement on every write); readers and `stats verify` treat zeros and a missing row alike.
 */
export const statCounters = statsSchema.table(
  'counters',
  {
    source: text('source').notNull(),
    regionCode: char('region_code', { length: 12 }).notNull(),
    month: char('month', { length: 7 }).notNull(),
    value: bigint('value', { mode: 'number' }).array().notNull(),
  },
  (t) => [primaryKey({ name: 'counters_pkey', columns: [t.source, t.regionCode, t.month] })],
);

/**
 * Counters of cases (办件) and guarantee loans: one number per case type, region at every level
 * (the case's region and each region above it), organisation (`''` for all; else the owner of
 * the current step, the lending bank, or the organisation that ended a step), month (`0000-00`
 * for the current state) and metric (src/domain/indicators/case-indicators.ts). Kept exact by the
 * triggers of migration `case_counters` on `cases` and `case_transitions`; `stats verify`
 * recomputes them.
 */
export const caseCounters = statsSchema.table(
  'case_counters',
  {
    caseType: text('case_type').notNull(),
    regionCode: char('region_code', { length: 12 }).notNull(),
    orgId: text('org_id').notNull(),
    month: char('month', { length: 7 }).notNull(),
    metric: text('metric').notNull(),
    value: bigint('value', { mode: 'number' }).notNull(),
    /**
     * One of CASE_COUNTER_SLOTS rows per number, chosen by the writing connection, so that
     * concurrent transitions do not queue on the same row (the nation's, the province's) until
     * they commit. Readers sum the slots.
     */
    slot: smallint('slot').notNull().default(0),
  },
  (t) => [
    primaryKey({
      name: 'case_counters_pkey',
      columns: [t.regionCode, t.caseType, t.orgId, t.metric, t.month, t.slot],
    }),
  ],
);
