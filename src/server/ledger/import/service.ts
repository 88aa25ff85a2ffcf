import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { AppError } from '../../../domain/errors/codes.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Executor } from '../../platform/db/client.js';
import { PRIVATE_DIR_MODE } from '../../platform/db/private-files.js';
import type { Actor, RequestContext } from '../../platform/http/context.js';
import type { AppDeps } from '../../platform/http/types.js';
import { jobAccessFor } from '../../platform/jobs/access.js';
import { insertJob } from '../../platform/jobs/repo.js';
import { readableJob } from '../../platform/jobs/service.js';
import { requirePermission, scopeRoots } from '../../access/scope/scope.js';
import type { ImportKind } from './columns.js';
import type { ImportAcceptedT } from './contract.js';
import { errorReport } from './error-report.js';
import { IMPORT_JOB_KIND, type ImportParamsT } from './import-params.js';
import { regionsUnder } from './region-names.js';
import { sniffFormat } from './source.js';
import { templateWorkbook } from './template.js';
import { receiveUpload } from './upload.js';

/**
 * The import template of a kind (needs ledger.import), with a sheet of the importer's own
 * townships and villages and their codes behind the region columns' drop-downs.
 */
export async function importTemplate(
  deps: AppDeps,
  ctx: RequestContext,
  kind: ImportKind,
): Promise<Buffer> {
  const actor = requirePermission(ctx, 'ledger.import');
  const places = await regionsUnder(deps.db, scopeRoots(actor, 'ledger.import'));
  return templateWorkbook(kind, places ?? []);
}

/** The directory uploads wait in until their job has read them. */
export function importsDir(deps: AppDeps): string {
  return path.join(deps.config.dataDir, 'imports');
}

/**
 * Queues an import job for a file already on disk, with the importer's scope at this moment
 * (ledger.import, the write permission of the kind, person.read for founder links).
 */
export async function insertImportJob(
  tx: Executor,
  actor: Actor,
  kind: ImportKind,
  jobId: string,
  file: Pick<ImportParamsT, 'file' | 'deleteFile' | 'fileName' | 'bytes'>,
  now: Date,
): Promise<void> {
  const params: ImportParamsT = {
    ...file,
    actor: { userId: actor.userId, login: actor.login },
    scopes: {
      import: scopeRoots(actor, 'ledger.import'),
      write: scopeRoots(actor, kind === 'people' ? 'person.write' : 'entity.write'),
      read: scopeRoots(actor, 'person.read'),
    },
  };
  await insertJob(tx, {
    id: jobId,
    kind: IMPORT_JOB_KIND[kind],
    params: { ...params, access: jobAccessFor(actor, 'ledger.import') },
    createdBy: actor.userId,
    now,
  });
}

/**
 * Accepts an import: needs ledger.import and person.write (entity.write for entities); streams
 * the body to the data directory, checks it is an .xlsx or a text file, and queues the job with
 * the importer's scope, all audited in one transaction. The rows are checked by the job.
 */
export async function startImport(
  deps: AppDeps,
  ctx: RequestContext,
  kind: ImportKind,
  body: Readable,
  upload: { fileName?: string | undefined; contentLength?: number | undefined },
): Promise<ImportAcceptedT> {
  const actor = requirePermission(ctx, 'ledger.import');
  requirePermission(ctx, kind === 'people' ? 'person.write' : 'entity.write');
  const jobId = randomUUID();
  await mkdir(importsDir(deps), { recursive: true, mode: PRIVATE_DIR_MODE });
  const file = path.join(importsDir(deps), jobId);
  const bytes = await receiveUpload(body, file, undefined, upload.contentLength);
  try {
    const format = await sniffFormat(file);
    const now = deps.clock();
    await deps.db.transaction(async (tx) => {
      const stored = { file, deleteFile: true, fileName: upload.fileName ?? null, bytes };
      await insertImportJob(tx, actor, kind, jobId, stored, now);
      await recordAudit(tx, ctx, now, {
        action: 'ledger.import',
        objectType: 'job',
        objectId: jobId,
        permission: 'ledger.import',
        details: { kind, format, bytes },
      });
    });
  } catch (e) {
    await rm(file, { force: true });
    throw e;
  }
  return { jobId, status: 'queued', statusUrl: `/api/jobs/${jobId}` };
}

/** The error report of an import job the actor may read (NOT_FOUND for other jobs). */
export async function importErrors(
  deps: AppDeps,
  ctx: RequestContext,
  jobId: string,
): Promise<Readable> {
  const job = await readableJob(deps, ctx, jobId);
  if (!Object.values(IMPORT_JOB_KIND).includes(job.kind)) throw new AppError('NOT_FOUND');
  return errorReport(deps.db, job.id, ctx.locale);
}
