import { char, index, pgTable, smallint, text } from 'drizzle-orm/pg-core';

/** The national division tree, every region under its 12-digit 统计用区划代码. */
export const regions = pgTable(
  'regions',
  {
    code: char('code', { length: 12 }).primaryKey(),
    parentCode: char('parent_code', { length: 12 }),
    level: smallint('level').notNull(),
    name: text('name').notNull(),
    /** Full pinyin without tones or spaces, e.g. `fengjiexian`. */
    pinyin: text('pinyin').notNull(),
    /** Pinyin initials, e.g. `fjx`. */
    initials: text('initials').notNull(),
    /** The written path, e.g. `重庆市 / 奉节县`. */
    pathName: text('path_name').notNull(),
  },
  (t) => [
    index('regions_parent_idx').on(t.parentCode, t.code),
    index('regions_code_prefix_idx').on(t.code.op('bpchar_pattern_ops')),
    index('regions_initials_idx').on(t.initials.op('text_pattern_ops')),
    index('regions_pinyin_idx').on(t.pinyin.op('text_pattern_ops')),
  ],
);
