import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { type JobRow } from '../../platform/jobs/repo.js';
import { jobRowErrors, jobs } from '../../platform/jobs/table.js';

/** The newest jobs of `kinds` created by `userId` (served by jobs_creator_idx). */
export function jobsCreatedBy(
  db: Executor,
  userId: string,
  kinds: string[],
  limit: number,
): Promise<JobRow[]> {
  return db
    .select()
    .from(jobs)
    .where(and(eq(jobs.createdBy, userId), inArray(jobs.kind, kinds)))
    .orderBy(desc(jobs.createdAt), desc(jobs.id))
    .limit(limit);
}

/** The first `limit` problems of a job, by row number then column. */
export function firstRowErrors(db: Executor, jobId: string, limit: number) {
  return db
    .select()
    .from(jobRowErrors)
    .where(eq(jobRowErrors.jobId, jobId))
    .orderBy(asc(jobRowErrors.rowNumber), asc(jobRowErrors.column))
    .limit(limit);
}

/** How many problems a job recorded. */
export function countRowErrors(db: Executor, jobId: string): Promise<number> {
  return db.$count(jobRowErrors, eq(jobRowErrors.jobId, jobId));
}
