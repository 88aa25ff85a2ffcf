import { AppError } from '../../../domain/errors/codes.js';
import type { Locale } from '../../../domain/errors/messages.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { AppDeps } from '../../platform/http/types.js';
import { codeMessage, presentJob } from '../../platform/jobs/presenter.js';
import type { JobRow } from '../../platform/jobs/repo.js';
import { readableJob } from '../../platform/jobs/service.js';
import { requirePermission } from '../../access/scope/scope.js';
import type { ImportKind } from './columns.js';
import type {
  ImportErrorPreviewT,
  ImportJobItemT,
  ImportJobListT,
} from './import-jobs-contract.js';
import { countRowErrors, firstRowErrors, jobsCreatedBy } from './import-jobs-repo.js';
import { IMPORT_JOB_KIND } from './import-params.js';
import { WARNING_CODES } from './issues.js';

const KIND_OF_JOB = new Map<string, ImportKind>(
  Object.entries(IMPORT_JOB_KIND).map(([kind, jobKind]) => [jobKind, kind as ImportKind]),
);

/** An import job with what the upload said about its file (never the stored path or scope). */
function presentImportJob(row: JobRow, kind: ImportKind, locale: Locale): ImportJobItemT {
  const fileName = row.params.fileName;
  const bytes = row.params.bytes;
  return {
    ...presentJob(row, locale),
    importKind: kind,
    fileName: typeof fileName === 'string' && fileName ? fileName : null,
    bytes: typeof bytes === 'number' && Number.isInteger(bytes) && bytes >= 0 ? bytes : null,
  };
}

/** The actor's own recent imports, newest first (needs ledger.import). */
export async function recentImports(
  deps: AppDeps,
  ctx: RequestContext,
  limit: number,
): Promise<ImportJobListT> {
  const actor = requirePermission(ctx, 'ledger.import');
  const rows = await jobsCreatedBy(deps.db, actor.userId, [...KIND_OF_JOB.keys()], limit);
  return {
    items: rows.flatMap((row) => {
      const kind = KIND_OF_JOB.get(row.kind);
      return kind ? [presentImportJob(row, kind, ctx.locale)] : [];
    }),
  };
}

/**
 * The first problems of an import the actor may read, with the reason in their language and
 * values masked as the report stores them (NOT_FOUND for other jobs).
 */
export async function importErrorPreview(
  deps: AppDeps,
  ctx: RequestContext,
  jobId: string,
  limit: number,
): Promise<ImportErrorPreviewT> {
  const job = await readableJob(deps, ctx, jobId);
  if (!KIND_OF_JOB.has(job.kind)) throw new AppError('NOT_FOUND');
  const rows = await firstRowErrors(deps.db, job.id, limit);
  const total = await countRowErrors(deps.db, job.id);
  return {
    total,
    items: rows.map((i) => ({
      row: i.rowNumber,
      subject: i.subject,
      column: i.column,
      severity: WARNING_CODES.has(i.code) ? 'warning' : 'error',
      reason: codeMessage(i.code, ctx.locale, { code: i.value, value: i.value, field: i.column }),
      value: i.value,
      code: i.code,
    })),
  };
}
