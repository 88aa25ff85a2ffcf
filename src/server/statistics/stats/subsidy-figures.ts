import { sql } from 'drizzle-orm';
import type { SubsidySums } from '../../../domain/indicators/subsidy-indicators.js';
import { regionPrefix } from '../../../domain/regions/region-code.js';
import type { Executor } from '../../platform/db/client.js';
import { rowsOfPrepared } from '../../platform/db/prepared.js';
import { arrayParam } from './source.js';

/**
 * Reads of the 贴息 claims for the indicators (src/domain/indicators/subsidy-indicators.ts): the
 * due and paid sums of regions by quarter of a year. The claims are one row per county, bank and
 * quarter, so they are summed when read (a national dashboard sums a few thousand rows).
 */

/** Sums by region code, then by quarter (`2026-Q1` …); absent means nothing claimed. */
export type SubsidySumsByRegion = Map<string, Map<string, SubsidySums>>;

export async function loadSubsidySums(
  db: Executor,
  regionCodes: readonly string[],
  year: number,
): Promise<SubsidySumsByRegion> {
  const out: SubsidySumsByRegion = new Map(
    regionCodes.map((c) => [c, new Map<string, SubsidySums>()]),
  );
  if (regionCodes.length === 0) return out;
  const rows = await rowsOfPrepared<{ code: string; quarter: string; due: number; paid: number }>(
    db,
    sql`SELECT r.code, c.quarter, sum(c.due_fen)::float8 AS due, sum(c.paid_fen)::float8 AS paid
        FROM unnest(${arrayParam(regionCodes, 'text[]')},
                    ${arrayParam(
                      regionCodes.map((c) => `${regionPrefix(c)}%`),
                      'text[]',
                    )}) AS r(code, pattern)
        JOIN subsidy_claims c ON c.region_code LIKE r.pattern
        WHERE c.quarter LIKE ${`${year}-Q%`}
        GROUP BY 1, 2`,
  );
  for (const r of rows) out.get(r.code)?.set(r.quarter, { dueFen: r.due, paidFen: r.paid });
  return out;
}
