import { sql } from 'drizzle-orm';
import { SOURCE_TABLES, type SourceTable } from '../../../domain/indicators/series.js';
import { NATION_CODE } from '../../../domain/regions/region-code.js';
import type { Database, Executor } from '../../platform/db/client.js';
import {
  applyIncrementsSql,
  nationRecountSql,
  recountSql,
  sourceRows,
  storedSql,
} from './series-sql.js';
import { rowsOf } from '../../platform/db/rows.js';
import { allCaseContribSql, caseFillSql } from './case-counter-sql.js';

/**
 * `stats verify` and `stats rebuild`: the counters recomputed from the ledger with a plain
 * GROUP BY, compared or written back, one province at a time (so a national ledger aggregates in
 * memory, piece by piece) and the nation on its own. Both read one consistent snapshot.
 */

/** A counter value whose stored value differs from the recount. */
export interface CounterDifference {
  series: string;
  regionCode: string;
  month: string;
  dim: string;
  expected: number;
  actual: number;
}

export interface VerifyReport {
  /** Counter values the recount produced (non-zero; one per series, region, month, dimension member). */
  checked: number;
  differences: number;
  /** The first differences found. */
  sample: CounterDifference[];
}

/** The two-digit prefixes of the provinces, and `00` for rows kept at the nation itself. */
async function provinces(db: Executor): Promise<string[]> {
  const rows = await rowsOf<{ p: string }>(
    db,
    sql`SELECT left(code, 2) AS p FROM regions WHERE level = 1 ORDER BY 1`,
  );
  return [...rows.map((r) => r.p), '00'];
}

const under = (p: string) => `public.%s WHERE region_code LIKE '${p}%'`;

/** Gives the statements of a long recount room to aggregate in memory. */
async function roomToAggregate(tx: Executor): Promise<void> {
  await tx.execute(sql`SET LOCAL work_mem = '256MB'`);
}

/** Compares expected and stored counter values, both `series, region_code, month, dim, value`. */
async function compare(
  tx: Executor,
  expected: string,
  stored: string,
  report: VerifyReport,
  sampleSize: number,
): Promise<void> {
  const diffs = await rowsOf<CounterDifference & { differs: boolean }>(
    tx,
    sql`WITH e AS (${sql.raw(expected)}), s AS (${sql.raw(stored)})
      SELECT coalesce(e.series, s.series) AS series, coalesce(e.region_code, s.region_code) AS "regionCode",
        coalesce(e.month, s.month) AS month, coalesce(e.dim, s.dim) AS dim,
        coalesce(e.value, 0)::float8 AS expected, coalesce(s.value, 0)::float8 AS actual
      FROM e FULL JOIN s ON s.series = e.series AND s.region_code = e.region_code AND s.month = e.month AND s.dim = e.dim
      WHERE coalesce(e.value, 0) <> coalesce(s.value, 0)
      ORDER BY 1, 2, 3, 4`,
  );
  const [n] = await rowsOf<{ n: number }>(
    tx,
    sql`SELECT count(*)::int AS n FROM (${sql.raw(expected)}) AS e`,
  );
  report.checked += n?.n ?? 0;
  report.differences += diffs.length;
  report.sample.push(...diffs.slice(0, Math.max(0, sampleSize - report.sample.length)));
}

/** The case counters recomputed from the cases and transitions, in compare's columns. */
const CASE_EXPECTED = `SELECT d.case_type || ':' || d.metric AS series, l.code AS region_code, d.month, d.org_id AS dim, sum(d.value) AS value
  FROM (${allCaseContribSql()}) AS d CROSS JOIN LATERAL stats.lineage(d.region_code) AS l(code)
  GROUP BY 1, 2, 3, 4 HAVING sum(d.value) <> 0`;
const CASE_STORED = `SELECT case_type || ':' || metric AS series, region_code, month, org_id AS dim, sum(value) AS value
  FROM stats.case_counters GROUP BY 1, 2, 3, 4 HAVING sum(value) <> 0`;

/**
 * Recomputes every counter value from the live ledger rows and compares with the stored ones (a
 * missing value and a zero are the same). Read-only.
 *
 * @example
 * const report = await verifyCounters(database.db); // report.differences === 0 when all is well
 */
export async function verifyCounters(db: Database['db'], sampleSize = 20): Promise<VerifyReport> {
  return db.transaction(
    async (tx) => {
      await roomToAggregate(tx);
      const report: VerifyReport = { checked: 0, differences: 0, sample: [] };
      for (const source of SOURCE_TABLES) {
        for (const p of await provinces(tx)) {
          if (p === '00') continue;
          const rows = sourceRows(source, under(p).replace('%s', source), 1);
          await compare(
            tx,
            recountSql(source, rows, `l.code LIKE '${p}%'`),
            storedSql(source, `c.region_code LIKE '${p}%'`),
            report,
            sampleSize,
          );
        }
        const all = sourceRows(source, `public.${source}`, 1);
        await compare(
          tx,
          nationRecountSql(source, all),
          storedSql(source, `c.region_code = '${NATION_CODE}'`),
          report,
          sampleSize,
        );
      }
      await compare(tx, CASE_EXPECTED, CASE_STORED, report, sampleSize);
      return report;
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/**
 * Rebuilds every counter from the ledger in one transaction: writers to the ledger wait
 * (SHARE lock) while readers go on, the counters are emptied and refilled province by province
 * through the triggers' own upsert, and the new values appear at commit.
 */
export async function rebuildCounters(
  db: Database['db'],
  onProgress?: (done: number, total: number) => void,
): Promise<{ counters: number }> {
  return db.transaction(async (tx) => {
    await roomToAggregate(tx);
    await tx.execute(sql`LOCK TABLE public.people, public.entities IN SHARE MODE`);
    await tx.execute(sql`LOCK TABLE stats.counters IN ACCESS EXCLUSIVE MODE`);
    await tx.execute(sql`TRUNCATE stats.counters`);
    const parts = await provinces(tx);
    const steps: [SourceTable, string][] = SOURCE_TABLES.flatMap((s) =>
      parts.map((p) => [s, p] as [SourceTable, string]),
    );
    let done = 0;
    for (const [source, p] of steps) {
      await tx.execute(
        sql.raw(applyIncrementsSql(source, sourceRows(source, under(p).replace('%s', source), 1))),
      );
      onProgress?.(++done, steps.length);
    }
    await tx.execute(sql`LOCK TABLE public.cases, public.case_transitions IN SHARE MODE`);
    await tx.execute(sql`DELETE FROM stats.case_counters`);
    await tx.execute(sql.raw(caseFillSql()));
    const [row] = await rowsOf<{ n: number }>(
      tx,
      sql`SELECT count(*)::int AS n FROM stats.counters`,
    );
    return { counters: row?.n ?? 0 };
  });
}
