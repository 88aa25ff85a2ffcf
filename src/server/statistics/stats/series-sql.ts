import { DIMENSIONS, type Dimension, parseDimKey } from '../../../domain/indicators/dimensions.js';
import { counterLayout } from '../../../domain/indicators/layout.js';
import { UNDATED_MONTH } from '../../../domain/indicators/periods.js';
import {
  type DateField,
  type SeriesDef,
  seriesOf,
  type SeriesFilter,
  type SourceTable,
  type SeriesValue,
} from '../../../domain/indicators/series.js';

/**
 * The series declarations (src/domain/indicators/series.ts) written as SQL, once, for every
 * place that needs them: the counter triggers (generated into a migration by trigger-sql.ts),
 * `stats rebuild` and `stats verify`. Each function returns SQL text over a row alias `r` that
 * carries the source's columns and a `sign` (+1 for a row that arrives, −1 for one that leaves).
 */

/** The source columns the series read, per table. */
export const SOURCE_COLUMNS: Record<SourceTable, readonly string[]> = {
  people: ['region_code', 'status', 'status_dates', 'categories', 'created_at', 'merged_into'],
  entities: [
    'region_code',
    'type',
    'industry_code',
    'founded_on',
    'jobs_created',
    'jobs_poverty',
    'above_scale',
    'is_workshop',
    'is_ecommerce',
    'created_at',
    'merged_into',
  ],
};

function literal(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

function filterSql(f: SeriesFilter): string {
  switch (f.kind) {
    case 'all':
      return 'true';
    case 'status':
      return `r.status IN (${f.statuses.map(literal).join(', ')})`;
    case 'flag':
      return `r.${f.column}`;
  }
}

/** The `YYYY-MM` of the row's reference date (China time for instants), or the undated key. */
function monthSql(d: DateField): string {
  const undated = literal(UNDATED_MONTH);
  switch (d) {
    case 'status_dates.started':
      return `coalesce(left(r.status_dates ->> 'started', 7), ${undated})`;
    case 'founded_on':
      return `coalesce(to_char(r.founded_on, 'YYYY-MM'), ${undated})`;
    case 'created_at':
      return `coalesce(to_char((r.created_at AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM'), ${undated})`;
  }
}

function valueSql(v: SeriesValue): string {
  return v.kind === 'count' ? 'r.sign' : `r.sign * r.${v.column}`;
}

function dimSql(d: Dimension): string {
  const prefix = literal(`${DIMENSIONS[d].prefix}:`);
  switch (d) {
    case 'category':
      return `SELECT ${prefix} || u.c FROM unnest(r.categories) AS u(c)`;
    case 'entity_type':
      return `SELECT ${prefix} || r.type`;
    case 'industry_section':
      return `SELECT ${prefix} || s.c FROM (SELECT stats.industry_section(r.industry_code)) AS s(c) WHERE s.c IS NOT NULL`;
  }
}

/** `SELECT series, region_code, month, dim, value` of one series over `src` rows `r`. */
function seriesSql(s: SeriesDef, src: string): string {
  const dims =
    s.dims.length === 0
      ? `(SELECT ''::text) AS x(dim)`
      : `LATERAL (SELECT ''::text UNION ALL ${s.dims.map(dimSql).join(' UNION ALL ')}) AS x(dim)`;
  return [
    `SELECT ${literal(s.code)}::text AS series, r.region_code, ${monthSql(s.date)} AS month, x.dim, ${valueSql(s.value)} AS value`,
    `FROM ${src} AS r CROSS JOIN ${dims}`,
    `WHERE r.merged_into IS NULL AND ${filterSql(s.filter)}`,
  ].join('\n      ');
}

/**
 * The rows of a relation as the series read them: its columns plus `sign`.
 *
 * @example
 * sourceRows('people', 'fx_old', -1) // "SELECT region_code, …, -1 AS sign FROM fx_old"
 */
export function sourceRows(source: SourceTable, relation: string, sign: 1 | -1): string {
  return `SELECT ${SOURCE_COLUMNS[source].join(', ')}, ${sign} AS sign FROM ${relation}`;
}

/**
 * `WITH src AS (rows), contrib AS (…)`: one row per counter increment at the row's own region
 * (`series, region_code, month, dim, value`), for a query to aggregate.
 */
export function contributionsCte(source: SourceTable, rows: string): string {
  const parts = seriesOf(source).map((s) => seriesSql(s, 'src'));
  return [
    `WITH src AS MATERIALIZED (${rows}),`,
    `  contrib AS (\n      ${parts.join('\n      UNION ALL\n      ')}\n  )`,
  ].join('\n');
}

/** The slots of a source's counter vector as a relation `layout(series, dim, slot)`. */
export function layoutSql(source: SourceTable): string {
  const rows = counterLayout(source).map(
    (x, i) => `(${literal(x.series)}, ${literal(x.dim)}, ${i + 1})`,
  );
  return `(VALUES ${rows.join(', ')}) AS layout(series, dim, slot)`;
}

/** The value a row puts in one slot of its counter vector. */
function slotSql(def: SeriesDef, dim: string): string {
  const when = filterSql(def.filter);
  const value = valueSql(def.value);
  const parsed = parseDimKey(dim);
  if (!parsed) return `CASE WHEN ${when} THEN ${value} ELSE 0 END`;
  const member = literal(parsed.member);
  switch (parsed.dimension) {
    case 'category':
      return `CASE WHEN ${when} THEN ${value} * coalesce(cardinality(array_positions(r.categories, ${member}::text)), 0) ELSE 0 END`;
    case 'entity_type':
      return `CASE WHEN ${when} AND r.type = ${member} THEN ${value} ELSE 0 END`;
    case 'industry_section':
      return `CASE WHEN ${when} AND r.section = ${member} THEN ${value} ELSE 0 END`;
  }
}

/** Prefix lengths of the levels (village … nation), each with the one above it. */
const LEVELS: readonly (readonly [number, number])[] = [
  [12, 9],
  [9, 6],
  [6, 4],
  [4, 2],
  [2, 0],
];

/**
 * The counter increments that `rows` (a query giving the source's columns and `sign`) make,
 * rolled up to every ancestor region: `SELECT source, region_code, month, value` with `value`
 * the vector of the source's layout, for the (region, month) pairs that change.
 *
 * Each row becomes one vector per reference date (slots of series dated otherwise are 0);
 * vectors are summed per region and month where the rows are, then each level (village,
 * township, county, city, province, nation) sums the rows at or below it, so a batch of
 * thousands of rows costs a few grouped passes over one small relation. `ordered` sorts by the
 * counter key, so concurrent writers lock counter rows in the same order within a statement.
 */
export function incrementsSql(source: SourceTable, rows: string, ordered: boolean): string {
  const layout = counterLayout(source);
  const s = layout.map((_, i) => `s${i + 1}`);
  const vector = `ARRAY[${s.map((c) => `sum(${c})`).join(', ')}]::bigint[]`;
  const dates = [...new Set(seriesOf(source).map((d) => d.date))];
  const wide = dates.map((date) => {
    const defs = seriesOf(source).filter((d) => d.date === date);
    const slots = layout.map((x, i) => {
      const def = defs.find((d) => d.code === x.series);
      return `${def ? slotSql(def, x.dim) : '0'} AS s${i + 1}`;
    });
    const any = defs.map((d) => `(${filterSql(d.filter)})`).join(' OR ');
    return `SELECT r.region_code, ${monthSql(date)} AS month, ${slots.join(', ')} FROM src AS r WHERE r.merged_into IS NULL AND (${any})`;
  });
  const section = source === 'entities' ? ', stats.industry_section(industry_code) AS section' : '';
  // Level L takes the rows with a non-zero segment at L (at or below L), under their L-digit
  // prefix. A zero segment is a skipped level (东莞's towns sit right under the city).
  const levels = [
    ...LEVELS.map(
      ([n, above]) =>
        `SELECT (left(region_code, ${n}) || '${'0'.repeat(12 - n)}')::char(12) AS region_code, month, ${vector} AS value FROM leaf WHERE substr(region_code, ${above + 1}, ${n - above}) <> '${'0'.repeat(n - above)}' GROUP BY 1, 2`,
    ),
    `SELECT '000000000000'::char(12), month, ${vector} FROM leaf GROUP BY 2`,
  ];
  return [
    `WITH src AS MATERIALIZED (SELECT *${section} FROM (${rows}) AS q),`,
    `  wide AS (${wide.join(' UNION ALL ')}),`,
    `  leaf AS (SELECT region_code, month, ${s.map((c) => `sum(${c}) AS ${c}`).join(', ')} FROM wide GROUP BY 1, 2),`,
    `  rolled AS (${levels.join('\n    UNION ALL ')})`,
    `SELECT ${literal(source)}::text AS source, region_code, month, value FROM rolled`,
    `WHERE NOT (value <@ ARRAY[0::bigint])`,
    ordered ? `ORDER BY region_code, month` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/** An upsert of the increments into the counters (the trigger body). */
export function applyIncrementsSql(source: SourceTable, rows: string): string {
  return [
    'INSERT INTO stats.counters AS c (source, region_code, month, value)',
    incrementsSql(source, rows, true),
    'ON CONFLICT (source, region_code, month) DO UPDATE SET value = stats.vec_add(c.value, excluded.value)',
  ].join('\n');
}

/**
 * Every counter value of `rows` as one row per series, region, month and dimension member
 * (`series, region_code, month, dim, value`, zeros left out), for the regions `regions` selects
 * (a condition on `l.code`): the recount `stats verify` compares.
 */
export function recountSql(source: SourceTable, rows: string, regions = 'true'): string {
  return [
    contributionsCte(source, rows),
    `SELECT k.series, l.code AS region_code, k.month, k.dim, sum(k.value) AS value`,
    `FROM contrib AS k CROSS JOIN LATERAL stats.lineage(k.region_code) AS l(code)`,
    `WHERE ${regions}`,
    `GROUP BY 1, 2, 3, 4 HAVING sum(k.value) <> 0`,
  ].join('\n');
}

/** The recount of the nation's counter values only: every row, no roll-up needed. */
export function nationRecountSql(source: SourceTable, rows: string): string {
  return [
    contributionsCte(source, rows),
    `SELECT series, '000000000000'::char(12) AS region_code, month, dim, sum(value) AS value`,
    `FROM contrib GROUP BY 1, 3, 4 HAVING sum(value) <> 0`,
  ].join('\n');
}

/** The stored counters of a source in the same shape as {@link recountSql}, for regions matching `regions` (a condition on `c.region_code`). */
export function storedSql(source: SourceTable, regions = 'true'): string {
  return [
    `SELECT layout.series, c.region_code, c.month, layout.dim, u.v AS value`,
    `FROM stats.counters AS c CROSS JOIN LATERAL unnest(c.value) WITH ORDINALITY AS u(v, slot)`,
    `JOIN ${layoutSql(source)} ON layout.slot = u.slot`,
    `WHERE c.source = ${literal(source)} AND u.v <> 0 AND ${regions}`,
  ].join('\n');
}
