import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { isAppError } from '../../../domain/errors/codes.js';
import type { Executor } from '../db/client.js';
import type { AppDeps } from '../http/types.js';
import {
  claimJob,
  endJob,
  findJob,
  type JobProgress,
  type JobRow,
  renewLease,
  saveProgress,
} from './repo.js';

/** The lease a worker holds on a job; renewed with every batch and every third of this. */
export const DEFAULT_LEASE_MS = 60_000;
/** A job whose worker died this many times is failed rather than tried again. */
export const MAX_ATTEMPTS = 3;

/** Thrown inside a batch's transaction when another worker has taken the job over. */
export class LeaseLost extends Error {
  constructor() {
    super('job lease lost');
  }
}

/** Thrown between batches when the worker is stopping; the job goes back to the queue. */
export class JobAborted extends Error {
  constructor() {
    super('job aborted: worker stopping');
  }
}

/** Where a handler stands after a committed batch (for progress lines and crash tests). */
export interface BatchInfo {
  batch: number;
  checkpoint: number;
  done: number;
  total: number | null;
}

/** Knobs of one run; tests and the CLI set them, the server uses the defaults. */
export interface JobRunOptions {
  /** Lease owner name; defaults to `<host>:<pid>:<random>`. */
  owner?: string;
  leaseMs?: number;
  /** Rows per committed batch (imports default to 1,000). */
  batchSize?: number;
  /** Validation threads: 0 validates in-process; undefined decides by file size. */
  workers?: number;
  /** Called after each committed batch; a throw here simulates a killed process. */
  afterBatch?: (info: BatchInfo) => void | Promise<void>;
  /** Stops the run at the next batch boundary, handing the job back to the queue. */
  signal?: AbortSignal;
  log?: { error(obj: unknown, msg?: string): void };
}

/** What a handler receives: the job, the dependencies and the progress plumbing. */
export interface JobContext {
  deps: AppDeps;
  job: JobRow;
  owner: string;
  options: JobRunOptions;
  /** Commits progress and the checkpoint inside the batch's own transaction. */
  saveProgress(tx: Executor, p: JobProgress): Promise<void>;
  /** Call after each committed batch: runs the afterBatch hook and honours a stop request. */
  batchCommitted(info: BatchInfo): Promise<void>;
}

/** A finished handler's result and final counts. */
export interface JobOutcome {
  result: Record<string, unknown>;
  done: number;
  total: number;
}

export type JobHandler = (ctx: JobContext) => Promise<JobOutcome>;
export type JobHandlers = Readonly<Record<string, JobHandler>>;

/** A lease owner name unique to this process and run. */
export function newOwnerName(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

function leaseEnd(deps: AppDeps, options: JobRunOptions): Date {
  return new Date(deps.clock().getTime() + (options.leaseMs ?? DEFAULT_LEASE_MS));
}

/** Claims the next runnable job (or the one given) for `owner`. */
export function claimNextJob(
  deps: AppDeps,
  owner: string,
  options: JobRunOptions = {},
  onlyId?: string,
): Promise<JobRow | undefined> {
  return claimJob(deps.db, owner, deps.clock(), leaseEnd(deps, options), onlyId);
}

/**
 * Runs a claimed job's handler with its lease renewed in the background, without recording
 * the outcome: a throw leaves the job running under a lease that will run out, exactly as a
 * killed process would. {@link runClaimedJob} adds the bookkeeping.
 */
export async function runJobHandler(
  deps: AppDeps,
  job: JobRow,
  handlers: JobHandlers,
  options: JobRunOptions = {},
): Promise<JobOutcome> {
  const handler = handlers[job.kind];
  if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
  const owner = job.leaseOwner ?? '';
  const every = (options.leaseMs ?? DEFAULT_LEASE_MS) / 3;
  const timer = setInterval(() => {
    renewLease(deps.db, job.id, owner, deps.clock(), leaseEnd(deps, options)).catch(
      (err: unknown) => options.log?.error({ err, jobId: job.id }, 'job lease renewal failed'),
    );
  }, every);
  timer.unref();
  let batches = 0;
  const ctx: JobContext = {
    deps,
    job,
    owner,
    options,
    async saveProgress(tx, p) {
      const ok = await saveProgress(tx, job.id, owner, deps.clock(), leaseEnd(deps, options), p);
      if (!ok) throw new LeaseLost();
    },
    async batchCommitted(info) {
      batches++;
      await options.afterBatch?.({ ...info, batch: batches });
      if (options.signal?.aborted) throw new JobAborted();
    },
  };
  try {
    return await handler(ctx);
  } finally {
    clearInterval(timer);
  }
}

/**
 * Runs a claimed job to its end and records the outcome: done with its result; failed with
 * the error code of a business error (bad file, missing columns) or after {@link MAX_ATTEMPTS}
 * crashes; back to the queue when the worker is stopping or an unexpected error may pass.
 */
export async function runClaimedJob(
  deps: AppDeps,
  job: JobRow,
  handlers: JobHandlers,
  options: JobRunOptions = {},
): Promise<JobRow['status']> {
  const owner = job.leaseOwner ?? '';
  if (job.attempts > MAX_ATTEMPTS) {
    await endJob(deps.db, job.id, owner, {
      status: 'failed',
      now: deps.clock(),
      error: 'INTERNAL',
    });
    return 'failed';
  }
  try {
    const out = await runJobHandler(deps, job, handlers, options);
    await endJob(deps.db, job.id, owner, { status: 'done', now: deps.clock(), ...out });
    return 'done';
  } catch (err) {
    if (err instanceof LeaseLost) return 'running';
    if (err instanceof JobAborted) {
      await endJob(deps.db, job.id, owner, {
        status: 'queued',
        now: deps.clock(),
        refundAttempt: true,
      });
      return 'queued';
    }
    const now = deps.clock();
    if (isAppError(err)) {
      const fresh = await findJob(deps.db, job.id);
      const result = { ...(fresh?.result ?? {}), errorDetails: err.details };
      await endJob(deps.db, job.id, owner, { status: 'failed', now, error: err.code, result });
      return 'failed';
    }
    options.log?.error({ err, jobId: job.id }, 'job failed');
    const last = job.attempts >= MAX_ATTEMPTS;
    await endJob(deps.db, job.id, owner, {
      status: last ? 'failed' : 'queued',
      now,
      error: last ? 'INTERNAL' : null,
    });
    return last ? 'failed' : 'queued';
  }
}

/**
 * Claims and runs jobs one after another until none is runnable; returns how many ran. Tests
 * call this to run a job to completion deterministically.
 *
 * @example
 * await runJobsUntilIdle(t.deps, JOB_HANDLERS, { batchSize: 50 });
 */
export async function runJobsUntilIdle(
  deps: AppDeps,
  handlers: JobHandlers,
  options: JobRunOptions = {},
): Promise<number> {
  const owner = options.owner ?? newOwnerName();
  let ran = 0;
  while (!options.signal?.aborted) {
    const job = await claimNextJob(deps, owner, options);
    if (!job) break;
    await runClaimedJob(deps, job, handlers, { ...options, owner });
    ran++;
  }
  return ran;
}
