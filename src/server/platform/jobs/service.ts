import { AppError } from '../../../domain/errors/codes.js';
import type { RequestContext } from '../http/context.js';
import type { AppDeps } from '../http/types.js';
import { assertJobReadable, requireJobReader } from './access.js';
import type { JobViewT } from './contract.js';
import { presentJob } from './presenter.js';
import { findJob, type JobRow } from './repo.js';

/**
 * A job the actor may read (its creator, or a holder of the job's permission over the
 * creator's scope); NOT_FOUND otherwise, FORBIDDEN without any job permission.
 */
export async function readableJob(deps: AppDeps, ctx: RequestContext, id: string): Promise<JobRow> {
  const actor = requireJobReader(ctx);
  const job = await findJob(deps.db, id);
  if (!job) throw new AppError('NOT_FOUND');
  assertJobReadable(actor, job);
  return job;
}

/** Status and progress of a job for a progress bar. */
export async function getJob(deps: AppDeps, ctx: RequestContext, id: string): Promise<JobViewT> {
  return presentJob(await readableJob(deps, ctx, id), ctx.locale);
}
