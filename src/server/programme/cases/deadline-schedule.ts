import { sql } from 'drizzle-orm';
import type { App, AppDeps } from '../../platform/http/types.js';
import { jobs } from '../../platform/jobs/table.js';
import { CASE_ATTACHMENT_SWEEP_JOB } from './attachment-sweep.js';
import { CASE_DEADLINES_JOB } from './deadline-job.js';

/** How often a serving instance queues the deadline sweep. */
export const SWEEP_EVERY_MS = 3_600_000;

/** How long after one orphan sweep of the attachment store the next is queued. */
export const ORPHAN_SWEEP_EVERY_MS = 86_400_000;

/**
 * Queues a job of `kind` unless one is queued or running, or (with `every`) one was queued less
 * than `every` ago. One statement, so two instances rarely both insert; if they do, both sweeps
 * are idempotent and the second finds nothing to do. The leased job worker runs it.
 */
export async function queueSweep(deps: AppDeps, kind: string, every?: number): Promise<boolean> {
  const now = deps.clock();
  const since = new Date(now.getTime() - (every ?? 0)).toISOString();
  const res = await deps.db.execute(sql`
    INSERT INTO ${jobs} (kind, status, params, created_by, created_at, updated_at)
    SELECT ${kind}, 'queued', '{}'::jsonb, NULL, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
    WHERE NOT EXISTS (
      SELECT 1 FROM ${jobs} WHERE kind = ${kind}
        AND (status IN ('queued', 'running') OR created_at > ${since}::timestamptz)
    )
    RETURNING id`);
  return (res as { rows: unknown[] }).rows.length > 0;
}

/** Queues a deadline sweep unless one is already queued or running. */
export function queueDeadlineSweep(deps: AppDeps): Promise<boolean> {
  return queueSweep(deps, CASE_DEADLINES_JOB);
}

/**
 * From the moment a server listens: a deadline sweep at once, then hourly, and the attachment
 * store's orphan sweep once a day; each tick also reloads the working calendar so a year entered
 * on another instance is taken up. Stops when the app closes.
 */
export function scheduleDeadlineSweeps(app: App, deps: AppDeps): void {
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    void (async () => {
      try {
        await deps.calendarReload?.();
        await queueDeadlineSweep(deps);
        await queueSweep(deps, CASE_ATTACHMENT_SWEEP_JOB, ORPHAN_SWEEP_EVERY_MS);
      } catch (err) {
        app.log.error({ err }, 'queueing the deadline or attachment sweep failed');
      }
    })();
  };
  app.addHook('onListen', (done) => {
    if (!timer) {
      tick();
      timer = setInterval(tick, SWEEP_EVERY_MS);
      timer.unref();
    }
    done();
  });
  app.addHook('onClose', (_app, done) => {
    if (timer) clearInterval(timer);
    timer = undefined;
    done();
  });
}
