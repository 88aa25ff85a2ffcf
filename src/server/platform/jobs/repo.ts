import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { jobs } from './table.js';

export type JobRow = typeof jobs.$inferSelect;

/** What a new job needs: its kind, parameters and creator. */
export interface NewJob {
  id?: string;
  kind: string;
  params: Record<string, unknown>;
  createdBy: string | null;
  now: Date;
}

/** Inserts a queued job, returning its id. */
export async function insertJob(db: Executor, job: NewJob): Promise<string> {
  const [row] = await db
    .insert(jobs)
    .values({
      ...(job.id ? { id: job.id } : {}),
      kind: job.kind,
      status: 'queued',
      params: job.params,
      createdBy: job.createdBy,
      createdAt: job.now,
      updatedAt: job.now,
    })
    .returning({ id: jobs.id });
  if (!row) throw new Error('job insert returned nothing');
  return row.id;
}

/** A job by id. */
export async function findJob(db: Executor, id: string): Promise<JobRow | undefined> {
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
  return row;
}

/**
 * Claims the oldest job that is queued, or running under a lease that has run out (its worker
 * died), for `owner` until `leaseUntil`. `FOR UPDATE SKIP LOCKED` keeps two instances off the
 * same job; works on PostgreSQL 15 and PGlite. `onlyId` limits the claim to one job (CLI).
 */
export async function claimJob(
  db: Executor,
  owner: string,
  now: Date,
  leaseUntil: Date,
  onlyId?: string,
): Promise<JobRow | undefined> {
  const nowIso = now.toISOString();
  const only = onlyId ? sql`AND id = ${onlyId}` : sql``;
  const [row] = await db
    .update(jobs)
    .set({
      status: 'running',
      leaseOwner: owner,
      leaseUntil,
      attempts: sql`${jobs.attempts} + 1`,
      updatedAt: now,
    })
    .where(
      sql`${jobs.id} = (SELECT id FROM jobs WHERE status IN ('queued', 'running')
        AND (lease_until IS NULL OR lease_until < ${nowIso}::timestamptz) ${only}
        ORDER BY created_at FOR UPDATE SKIP LOCKED LIMIT 1)`,
    )
    .returning();
  return row;
}

/** Progress committed with a batch: the resume point, the counts and the running result. */
export interface JobProgress {
  checkpoint: number;
  done: number;
  total: number | null;
  result: Record<string, unknown>;
}

/**
 * Commits progress and extends the lease, only while `owner` still holds the job; false when
 * the lease was lost (another worker took the job over), so the caller rolls back.
 */
export async function saveProgress(
  tx: Executor,
  id: string,
  owner: string,
  now: Date,
  leaseUntil: Date,
  p: JobProgress,
): Promise<boolean> {
  const done = await tx
    .update(jobs)
    .set({ ...p, leaseUntil, updatedAt: now })
    .where(and(eq(jobs.id, id), eq(jobs.leaseOwner, owner), eq(jobs.status, 'running')))
    .returning({ id: jobs.id });
  return done.length > 0;
}

/** Extends the lease of a running job; false when `owner` no longer holds it. */
export async function renewLease(
  db: Executor,
  id: string,
  owner: string,
  now: Date,
  leaseUntil: Date,
): Promise<boolean> {
  const done = await db
    .update(jobs)
    .set({ leaseUntil, updatedAt: now })
    .where(and(eq(jobs.id, id), eq(jobs.leaseOwner, owner), eq(jobs.status, 'running')))
    .returning({ id: jobs.id });
  return done.length > 0;
}

/** How a job ends or pauses, as {@link endJob} writes it. */
export interface JobEnd {
  status: 'done' | 'failed' | 'queued';
  now: Date;
  result?: Record<string, unknown>;
  error?: string | null;
  done?: number;
  total?: number | null;
  /** A job handed back because its worker is stopping: the attempt does not count. */
  refundAttempt?: boolean;
}

/**
 * Ends a job (done or failed) or hands it back to the queue (queued), releasing the lease; only
 * while `owner` holds it.
 */
export async function endJob(db: Executor, id: string, owner: string, e: JobEnd): Promise<void> {
  await db
    .update(jobs)
    .set({
      status: e.status,
      leaseOwner: null,
      leaseUntil: null,
      updatedAt: e.now,
      finishedAt: e.status === 'queued' ? null : e.now,
      ...(e.result === undefined ? {} : { result: e.result }),
      ...(e.error === undefined ? {} : { error: e.error }),
      ...(e.done === undefined ? {} : { done: e.done }),
      ...(e.total === undefined ? {} : { total: e.total }),
      ...(e.refundAttempt ? { attempts: sql`GREATEST(${jobs.attempts} - 1, 0)` } : {}),
    })
    .where(and(eq(jobs.id, id), eq(jobs.leaseOwner, owner)));
}
