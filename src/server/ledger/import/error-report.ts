import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import type { Locale } from '../../../domain/errors/messages.js';
import type { Db } from '../../platform/db/client.js';
import {
  type OutCell,
  produce,
  type SheetColumn,
  type SheetPrint,
  sheetWriter,
} from '../export/xlsx-stream.js';
import { codeMessage } from '../../platform/jobs/presenter.js';
import { jobRowErrors } from '../../platform/jobs/table.js';
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
 * The error report's columns: who and where first, then the reason in the reader's language, the
 * value as typed, and the code last (for support). Widths fit A4 landscape at about 90 %.
 */
const REPORT_COLUMNS: SheetColumn[] = [
  { header: '行号', width: 7 },
  { header: '姓名／名称', width: 16, wrap: true },
  { header: '列名', width: 18, wrap: true },
  { header: '类型', width: 6 },
  { header: '原因', width: 56, wrap: true },
  { header: '填写内容（已脱敏）', width: 26, text: true, wrap: true },
  { header: '代码（供技术支持）', width: 30 },
];

/** A4 landscape, fitted to the page width, the header row repeated on every page. */
const REPORT_PRINT: SheetPrint = {
  paperSize: 9,
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  printTitlesRow: '1:1',
  horizontalCentered: true,
  margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
};

/**
 * The error report of an import as a streamed .xlsx, laid out to print: one line per problem
 * with the row number as the spreadsheet shows it, whose row it is (姓名 / 主体名称), the column's
 * header, the reason in the reader's language, the value as typed (ID numbers and phones masked)
 * and the code last. Read a few hundred rows at a time.
 */
export async function errorReport(db: Db, jobId: string, locale: Locale) {
  const writer = await sheetWriter('错误报告', REPORT_COLUMNS, REPORT_PRINT);
  produce(writer, async () => {
    let after = 0;
    while (!writer.closed()) {
      const rows = await nextRows(db, jobId, after);
      if (rows.length === 0) break;
      const issues = await issuesOf(db, jobId, rows);
      const cells: OutCell[][] = issues.map((i) => [
        i.rowNumber,
        i.subject || null,
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
