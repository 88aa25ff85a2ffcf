import { ERROR_STATUS, type ErrorCode } from '../../../domain/errors/codes.js';
import { errorMessage, type Locale } from '../../../domain/errors/messages.js';
import { ledgerIssueMessage } from '../../../domain/ledger/ledger-issues.js';
import type { JobViewT } from './contract.js';
import { JOB_STATUSES } from './contract.js';
import type { JobRow } from './repo.js';

/**
 * The message for an error or row-issue code: the error catalog, else the ledger issue catalog,
 * else the code itself.
 *
 * @example
 * codeMessage('REGION_NOT_FOUND', 'zh-CN', { code: '500236999000' }) // '行政区划代码 500236999000 不存在'
 */
export function codeMessage(
  code: string,
  locale: Locale,
  details: Record<string, unknown> = {},
): string {
  if (Object.hasOwn(ERROR_STATUS, code)) return errorMessage(code as ErrorCode, locale, details);
  return ledgerIssueMessage(code, locale);
}

function numbers(result: Record<string, unknown>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(result)) if (typeof v === 'number') out[k] = v;
  return out;
}

function percent(row: JobRow): number {
  if (row.status === 'done') return 100;
  if (!row.total || row.total <= 0) return 0;
  return Math.min(99.9, Math.floor((row.done / row.total) * 1000) / 10);
}

function details(row: JobRow): Record<string, unknown> {
  const d = row.result.errorDetails;
  return d && typeof d === 'object' ? (d as Record<string, unknown>) : {};
}

/** A job as the progress endpoint shows it, field by field. */
export function presentJob(row: JobRow, locale: Locale): JobViewT {
  const result = numbers(row.result);
  const status = (JOB_STATUSES as readonly string[]).includes(row.status)
    ? (row.status as JobViewT['status'])
    : 'failed';
  const hasRowErrors = row.kind.startsWith('ledger.import.') && (result.failed ?? 0) > 0;
  return {
    id: row.id,
    kind: row.kind,
    status,
    done: row.done,
    total: row.total,
    percent: percent(row),
    result,
    error: row.error
      ? { code: row.error, message: codeMessage(row.error, locale, details(row)) }
      : null,
    errorReportUrl: hasRowErrors ? `/api/ledger/imports/${row.id}/errors.xlsx` : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    finishedAt: row.finishedAt ? row.finishedAt.toISOString() : null,
  };
}
