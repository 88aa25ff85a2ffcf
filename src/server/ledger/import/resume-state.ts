import { and, asc, eq, gt, notInArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { jobRowErrors } from '../../platform/jobs/table.js';
import { RowSet } from './fingerprint.js';
import { WARNING_CODES } from './issues.js';

/** The running totals an import commits with every batch (its result). */
export interface ImportCounters {
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  warnings: number;
  /** The template's example rows (张三 / 李梅), skipped: never filed as records. */
  skipped: number;
}

/** The totals committed so far (zero for a fresh job). */
export function countersOf(result: Record<string, unknown>): ImportCounters {
  const n = (k: string) => (typeof result[k] === 'number' ? result[k] : 0);
  return {
    total: n('total'),
    created: n('created'),
    updated: n('updated'),
    unchanged: n('unchanged'),
    failed: n('failed'),
    warnings: n('warnings'),
    skipped: n('skipped'),
  };
}

/**
 * Row numbers up to `checkpoint` that failed, read a page at a time: on resume their keys do not
 * count as imported when looking for duplicates.
 */
export async function failedRows(db: Executor, jobId: string, checkpoint: number): Promise<RowSet> {
  const set = new RowSet();
  let last = 0;
  for (;;) {
    const rows = await db
      .selectDistinct({ n: jobRowErrors.rowNumber })
      .from(jobRowErrors)
      .where(
        and(
          eq(jobRowErrors.jobId, jobId),
          gt(jobRowErrors.rowNumber, last),
          notInArray(jobRowErrors.code, [...WARNING_CODES]),
        ),
      )
      .orderBy(asc(jobRowErrors.rowNumber))
      .limit(10_000);
    for (const r of rows) set.add(r.n);
    const tail = rows.at(-1);
    if (!tail || tail.n >= checkpoint || rows.length < 10_000) return set;
    last = tail.n;
  }
}
