import { visibleText } from '../../../domain/text/plain-text.js';
import type { Executor } from '../../platform/db/client.js';
import { bulkInsert, type BulkColumn } from './sql-bulk.js';
import type { RowIssue } from './row-types.js';

/** A problem with a row, at its row number. */
export interface IssueAt extends RowIssue {
  n: number;
  /** Whose row it is (姓名 / 主体名称 as the file gives it), for the error report. */
  subject?: string;
}

/**
 * Issue codes that are warnings: the row was imported, the report points it out. A credit code
 * failing its check character is an error (CREDIT_CODE_CHECKSUM) unless the row marks it as an
 * early pilot code (CREDIT_CODE_PILOT).
 */
export const WARNING_CODES: ReadonlySet<string> = new Set(['CREDIT_CODE_PILOT']);

/** Attaches a row number to a row's issues. */
export function at(n: number, issues: readonly RowIssue[]): IssueAt[] {
  return issues.map((i) => ({ n, ...i }));
}

/**
 * Stores a batch's issues for the error report, in the batch's transaction; control characters
 * in a value are stored visible (␀), since PostgreSQL cannot store U+0000.
 */
export async function saveIssues(tx: Executor, jobId: string, issues: IssueAt[]): Promise<void> {
  const columns: BulkColumn<IssueAt>[] = [
    { name: 'row_number', type: 'integer', value: (i) => i.n },
    { name: 'column', type: 'text', value: (i) => visibleText(i.column) },
    { name: 'code', type: 'text', value: (i) => i.code },
    { name: 'value', type: 'text', value: (i) => visibleText(i.value) },
    { name: 'subject', type: 'text', value: (i) => visibleText(i.subject ?? '').slice(0, 100) },
  ];
  await bulkInsert(tx, 'job_row_errors', columns, issues, [
    { name: 'job_id', type: 'uuid', value: jobId },
  ]);
}
