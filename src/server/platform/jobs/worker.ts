import type { AppDeps } from '../http/types.js';
import { type JobHandlers, type JobRunOptions, newOwnerName, runJobsUntilIdle } from './runner.js';

/** How often an idle worker looks for work. */
export const POLL_MS = 500;

/** A running background worker. */
export interface JobWorker {
  /** Looks for work now instead of at the next poll (after a job was queued here). */
  wake(): void;
  /** Stops polling; a running job stops at its next batch boundary and goes back to the queue. */
  stop(): Promise<void>;
}

/**
 * Starts a worker that polls for runnable jobs every {@link POLL_MS} and runs them one at a
 * time. Every instance may run one: the claim's `FOR UPDATE SKIP LOCKED` and the lease keep two
 * workers off the same job, and a job whose worker died is taken over when its lease runs out.
 *
 * @example
 * const worker = startJobWorker(deps, JOB_HANDLERS, { log: app.log });
 * await worker.stop();
 */
export function startJobWorker(
  deps: AppDeps,
  handlers: JobHandlers,
  options: Pick<JobRunOptions, 'log' | 'leaseMs'> & { pollMs?: number } = {},
): JobWorker {
  const abort = new AbortController();
  const owner = newOwnerName();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;

  const tick = (): void => {
    timer = undefined;
    if (abort.signal.aborted || running) return;
    running = runJobsUntilIdle(deps, handlers, { ...options, owner, signal: abort.signal })
      .then(() => undefined)
      .catch((err: unknown) => options.log?.error({ err }, 'job worker poll failed'))
      .finally(() => {
        running = null;
        schedule(options.pollMs ?? POLL_MS);
      });
  };
  const schedule = (ms: number): void => {
    if (abort.signal.aborted || timer) return;
    timer = setTimeout(tick, ms);
    timer.unref();
  };
  schedule(0);

  return {
    wake() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      schedule(0);
    },
    async stop() {
      abort.abort();
      if (timer) clearTimeout(timer);
      timer = undefined;
      await running;
    },
  };
}
