import {
  boolean,
  char,
  date,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** Loan products (创业担保贷款 and any local product added later). */
export const loanProducts = pgTable('loan_products', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/**
 * One dated value of one parameter of a product (see src/domain/loans/products.ts): the region it
 * applies to (000000000000 for national), its period, the value as JSON (whole fen, bp, months,
 * a boolean or a list of group codes) and the issuing document. Values are only ever added: a
 * change of rule is a new value from a later date, and the old one stays as history.
 */
export const loanProductValues = pgTable(
  'loan_product_values',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    product: text('product')
      .notNull()
      .references(() => loanProducts.code),
    key: text('key').notNull(),
    regionCode: char('region_code', { length: 12 }).notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    value: jsonb('value').notNull(),
    source: text('source').notNull(),
    /** 演示值: an illustrative value no document gives. */
    illustrative: boolean('illustrative').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** Null for seeded rows. */
    createdBy: uuid('created_by'),
  },
  (t) => [
    uniqueIndex('loan_product_values_key_uq').on(t.product, t.key, t.regionCode, t.validFrom),
    index('loan_product_values_region_idx').on(t.regionCode.op('bpchar_pattern_ops')),
  ],
);
