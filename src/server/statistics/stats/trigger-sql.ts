import { DIVISION_ROWS } from '../../../domain/ledger/industry-data.js';
import { SOURCE_TABLES, type SourceTable } from '../../../domain/indicators/series.js';
import { applyIncrementsSql, incrementsSql, sourceRows } from './series-sql.js';

/**
 * Writes the SQL of the counter machinery from the series declarations: helper functions, one
 * PL/pgSQL trigger function per source table, statement-level AFTER triggers with transition
 * tables, and the initial fill from rows already in the ledger. Its output is committed as the
 * custom migration `stats_triggers`; a test keeps that migration equal to this output, so the
 * declarations and the database cannot drift apart. A later series or indicator source adds a
 * new custom migration with the regenerated functions (`CREATE OR REPLACE`) and a rebuild.
 *
 * Regenerate with: `npx tsx src/server/statistics/stats/print-trigger-sql.ts > drizzle/<file>.sql`.
 */

const BREAK = '\n--> statement-breakpoint\n';

/**
 * `stats.lineage(code)`: the nation and each level of the code with a non-zero segment, down to
 * the code itself (a zero segment is a level the tree skips: 东莞's towns are right under the
 * city, so 441900003000 rolls up to 441900000000 once, not twice).
 */
const LINEAGE = `CREATE OR REPLACE FUNCTION stats.lineage(code char(12)) RETURNS SETOF char(12)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT '000000000000'::char(12)
  UNION ALL SELECT (left(code, 2) || '0000000000')::char(12) WHERE substr(code, 1, 2) <> '00'
  UNION ALL SELECT (left(code, 4) || '00000000')::char(12) WHERE substr(code, 3, 2) <> '00'
  UNION ALL SELECT (left(code, 6) || '000000')::char(12) WHERE substr(code, 5, 2) <> '00'
  UNION ALL SELECT (left(code, 9) || '000')::char(12) WHERE substr(code, 7, 3) <> '000'
  UNION ALL SELECT code WHERE substr(code, 10, 3) <> '000'
$$`;

/** `stats.vec_add(a, b)`: slot-by-slot sum of two counter vectors (a shorter one padded with 0). */
const VEC_ADD = `CREATE OR REPLACE FUNCTION stats.vec_add(a bigint[], b bigint[]) RETURNS bigint[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ARRAY(SELECT coalesce(x, 0) + coalesce(y, 0) FROM unnest(a, b) WITH ORDINALITY AS t(x, y, i) ORDER BY i)
$$`;

/** Consecutive division ranges of each section, from the GB/T 4754 table. */
function sectionRanges(): { from: string; to: string; section: string }[] {
  const out: { from: string; to: string; section: string }[] = [];
  for (const [code, section] of DIVISION_ROWS) {
    const last = out[out.length - 1];
    if (last && last.section === section) last.to = code;
    else out.push({ from: code, to: code, section });
  }
  return out;
}

/** `stats.industry_section(code)`: the GB/T 4754 section of a section letter or division. */
function industrySectionSql(): string {
  const cases = sectionRanges()
    .map((r) => `    WHEN code BETWEEN '${r.from}' AND '${r.to}' THEN '${r.section}'`)
    .join('\n');
  return `CREATE OR REPLACE FUNCTION stats.industry_section(code text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN code ~ '^[A-T]$' THEN code
    WHEN code !~ '^[0-9]{2}$' THEN NULL
${cases}
  END
$$`;
}

function triggerFunction(source: SourceTable): string {
  const added = sourceRows(source, 'fx_new', 1);
  const removed = sourceRows(source, 'fx_old', -1);
  const indent = (s: string) => s.replace(/\n/g, '\n    ');
  // work_mem only for the trigger: a COPY chunk's contributions aggregate in memory.
  return `CREATE OR REPLACE FUNCTION stats.${source}_counters() RETURNS trigger
LANGUAGE plpgsql SET work_mem = '64MB' AS $$
BEGIN
  -- Statement level: one grouped upsert per statement, whatever its row count.
  IF TG_OP = 'INSERT' THEN
    ${indent(applyIncrementsSql(source, added))};
  ELSIF TG_OP = 'UPDATE' THEN
    ${indent(applyIncrementsSql(source, `${added} UNION ALL ${removed}`))};
  ELSE
    ${indent(applyIncrementsSql(source, removed))};
  END IF;
  RETURN NULL;
END;
$$`;
}

function triggers(source: SourceTable): string[] {
  const fn = `stats.${source}_counters()`;
  return [
    `CREATE OR REPLACE TRIGGER ${source}_counters_insert AFTER INSERT ON public.${source} REFERENCING NEW TABLE AS fx_new FOR EACH STATEMENT EXECUTE FUNCTION ${fn}`,
    `CREATE OR REPLACE TRIGGER ${source}_counters_update AFTER UPDATE ON public.${source} REFERENCING OLD TABLE AS fx_old NEW TABLE AS fx_new FOR EACH STATEMENT EXECUTE FUNCTION ${fn}`,
    `CREATE OR REPLACE TRIGGER ${source}_counters_delete AFTER DELETE ON public.${source} REFERENCING OLD TABLE AS fx_old FOR EACH STATEMENT EXECUTE FUNCTION ${fn}`,
  ];
}

/**
 * The counters of every row now in `source`, for an empty counter table (initial fill and
 * `stats rebuild`).
 */
export function fillSql(source: SourceTable): string {
  return [
    'INSERT INTO stats.counters (source, region_code, month, value)',
    incrementsSql(source, sourceRows(source, `public.${source}`, 1), false),
  ].join('\n');
}

/**
 * The whole migration: functions, triggers, and the initial fill.
 *
 * @example
 * writeFileSync('drizzle/0004_stats_triggers.sql', triggerMigrationSql());
 */
export function triggerMigrationSql(): string {
  const header =
    '-- Generated by src/server/statistics/stats/trigger-sql.ts from src/domain/indicators/series.ts: do not edit.\n';
  const statements = [
    LINEAGE,
    VEC_ADD,
    industrySectionSql(),
    ...SOURCE_TABLES.map(triggerFunction),
    ...SOURCE_TABLES.flatMap(triggers),
    // Positional vectors: a changed layout is refilled from the ledger.
    'TRUNCATE stats.counters',
    ...SOURCE_TABLES.map(fillSql),
  ];
  return `${header}${statements.join(`;${BREAK}`)};\n`;
}
