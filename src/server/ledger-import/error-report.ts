import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import type { Locale } from '../../domain/errors/messages.js';
import type { Db } from '../db/client.js';
import { produce, sheetWriter, type OutCell } from '../ledger-export/xlsx-stream.js';
import { codeMessage } from '../jobs/presenter.js';
import { jobRowErrors } from '../jobs/table.js';
import { WARNING_CODES } from './issues.js';

/** Rows of the file per read of the report (all their issues together). */
const ROWS_PER_PAGE = 500;

/** The next rows (by row number) that have issues, after `after`. */
async function nextRows(db: Db, jobId: string, after: number): Promise<number[]> {
  const rows = await db
    .selectDistinct({ n: jobRowErrors.rowNumber })
    .from(jobRowErrors)
    .where(and(eq(jobRowErrors.jobId, jobId), gt(jobRowErrors.rowNumber, after)))
    .orderBy(asc(jobRowErrors.rowNumber))
    .limit(ROWS_PER_PAGE);
  return rows.map((r) => r.n);
}

function issuesOf(db: Db, jobId: string, rows: number[]) {
  return db
    .select()
    .from(jobRowErrors)
    .where(and(eq(jobRowErrors.jobId, jobId), inArray(jobRowErrors.rowNumber, rows)))
    .orderBy(asc(jobRowErrors.rowNumber), asc(jobRowErrors.column));
}

/**
 * The error report of an import as a streamed .xlsx: one line per problem with the row number as
 * the spreadsheet shows it, the column's header, the reason in the reader's language, the code,
 * and the value as typed (ID numbers and phones masked). Read a few hundred rows at a time.
 */
export async function errorReport(db: Db, jobId: string, locale: Locale) {
  const writer = await sheetWriter('错误报告', [
    { header: '行号', width: 8 },
    { header: '列名', width: 20 },
    { header: '类型', width: 8 },
    { header: '原因', width: 60 },
    { header: '填写内容（已脱敏）', width: 28, text: true },
    { header: '代码', width: 26 },
  ]);
  produce(writer, async () => {
    let after = 0;
    while (!writer.closed()) {
      const rows = await nextRows(db, jobId, after);
      if (rows.length === 0) break;
      const issues = await issuesOf(db, jobId, rows);
      const cells: OutCell[][] = issues.map((i) => [
        i.rowNumber,
        i.column,
        WARNING_CODES.has(i.code) ? '提示' : '错误',
        codeMessage(i.code, locale, { code: i.value, value: i.value, field: i.column }),
        i.value,
        i.code,
      ]);
      await writer.add(cells);
      after = rows[rows.length - 1] ?? after;
    }
  });
  return writer.stream;
}
