/**
 * Counter series: what each live ledger row adds to the figures. A series names its source
 * table, the rows it takes (filter), what each adds (1, or a column's value), the date that
 * places the row in a month, and the dimensions it is broken down by. Indicators read series
 * ({@link ./indicators.ts}); a flow and a stock over the same rows (新增 / 实有) share one.
 *
 * The database keeps one counter per (series, region at every level, month, dimension member)
 * up to date from these declarations (see `src/server/statistics/stats/series-sql.ts`, which writes the
 * triggers from them); {@link ./contributions.ts} evaluates them in memory for tests. Merged
 * rows (`merged_into` set) never count.
 *
 * @module
 */
import type { PersonStatus } from '../ledger/person-categories.js';
import type { Dimension } from './dimensions.js';

export const SOURCE_TABLES = ['people', 'entities'] as const;
export type SourceTable = (typeof SOURCE_TABLES)[number];

/**
 * The date that places a row in a month: the day a person reached 已创业
 * (`status_dates->>'started'`), the day a record was entered (`created_at`, China time), or an
 * entity's founding date. A row without its date counts in every stock and in no flow.
 */
export type DateField = 'status_dates.started' | 'created_at' | 'founded_on';

export type SumColumn = 'jobs_created' | 'jobs_poverty';
export type FlagColumn = 'above_scale' | 'is_workshop' | 'is_ecommerce';

/** Which rows of the source a series takes. */
export type SeriesFilter =
  | { readonly kind: 'all' }
  | { readonly kind: 'status'; readonly statuses: readonly PersonStatus[] }
  | { readonly kind: 'flag'; readonly column: FlagColumn };

/** What each row adds: one, or the value of a whole-number column. */
export type SeriesValue =
  { readonly kind: 'count' } | { readonly kind: 'sum'; readonly column: SumColumn };

export const SERIES_CODES = [
  'people_started',
  'people_pool',
  'entities',
  'entity_jobs',
  'entity_jobs_poverty',
  'entity_above_scale',
  'entity_workshops',
  'entity_ecommerce',
  'people_all',
] as const;
export type SeriesCode = (typeof SERIES_CODES)[number];

export interface SeriesDef {
  readonly code: SeriesCode;
  readonly source: SourceTable;
  readonly filter: SeriesFilter;
  readonly value: SeriesValue;
  readonly date: DateField;
  readonly dims: readonly Dimension[];
}

const COUNT = { kind: 'count' } as const;

/** Every counter series, by code. */
export const SERIES: Readonly<Record<SeriesCode, SeriesDef>> = Object.freeze({
  people_started: {
    code: 'people_started',
    source: 'people',
    filter: { kind: 'status', statuses: ['started'] },
    value: COUNT,
    date: 'status_dates.started',
    dims: ['category'],
  },
  people_pool: {
    code: 'people_pool',
    source: 'people',
    filter: { kind: 'status', statuses: ['abroad', 'intending'] },
    value: COUNT,
    date: 'created_at',
    dims: ['category'],
  },
  entities: {
    code: 'entities',
    source: 'entities',
    filter: { kind: 'all' },
    value: COUNT,
    date: 'founded_on',
    dims: ['entity_type', 'industry_section'],
  },
  entity_jobs: {
    code: 'entity_jobs',
    source: 'entities',
    filter: { kind: 'all' },
    value: { kind: 'sum', column: 'jobs_created' },
    date: 'founded_on',
    dims: ['industry_section'],
  },
  entity_jobs_poverty: {
    code: 'entity_jobs_poverty',
    source: 'entities',
    filter: { kind: 'all' },
    value: { kind: 'sum', column: 'jobs_poverty' },
    date: 'founded_on',
    dims: [],
  },
  entity_above_scale: {
    code: 'entity_above_scale',
    source: 'entities',
    filter: { kind: 'flag', column: 'above_scale' },
    value: COUNT,
    date: 'founded_on',
    dims: [],
  },
  entity_workshops: {
    code: 'entity_workshops',
    source: 'entities',
    filter: { kind: 'flag', column: 'is_workshop' },
    value: COUNT,
    date: 'founded_on',
    dims: [],
  },
  entity_ecommerce: {
    code: 'entity_ecommerce',
    source: 'entities',
    filter: { kind: 'flag', column: 'is_ecommerce' },
    value: COUNT,
    date: 'founded_on',
    dims: [],
  },
  // Every live person whatever the status: the exact totals the people list shows (with
  // people_started and people_pool it also gives the 已返乡 count); last, so the slots of the
  // series before it keep their places.
  people_all: {
    code: 'people_all',
    source: 'people',
    filter: { kind: 'all' },
    value: COUNT,
    date: 'created_at',
    dims: ['category'],
  },
});

/**
 * The series fed by one source table, in declaration order.
 *
 * @example
 * seriesOf('people').map((s) => s.code) // => ['people_started', 'people_pool']
 */
export function seriesOf(source: SourceTable): SeriesDef[] {
  return SERIES_CODES.map((c) => SERIES[c]).filter((s) => s.source === source);
}
