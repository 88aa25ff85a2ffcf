import { rm } from 'node:fs/promises';
import { isAppError } from '../../../domain/errors/codes.js';
import type { JobHandler } from '../../platform/jobs/runner.js';
import type { ImportKind } from './columns.js';
import { ImportParams } from './import-params.js';
import { ImportRun } from './import-run.js';
import { openImportSource } from './source.js';

/**
 * The job handler of a ledger import. A business error (unreadable file, missing columns) fails
 * the job and removes the upload; any other error leaves the upload in place, so the job can be
 * resumed from its checkpoint by the next worker.
 */
export function importJobHandler(kind: ImportKind): JobHandler {
  return async (ctx) => {
    const params = ImportParams.parse(ctx.job.params);
    const cleanUp = () =>
      params.deleteFile ? rm(params.file, { force: true }) : Promise.resolve();
    try {
      const source = await openImportSource(params.file, kind, ctx.deps.config.importXlsxLimits);
      const run = new ImportRun(ctx, kind, params, source);
      try {
        const out = await run.execute();
        await cleanUp();
        return out;
      } finally {
        await run.close();
        await source.close();
      }
    } catch (e) {
      if (isAppError(e)) await cleanUp();
      throw e;
    }
  };
}
