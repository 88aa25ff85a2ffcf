import { sql } from 'drizzle-orm';
import type { App, AppDeps } from '../../platform/http/types.js';
import { jobs } from '../../platform/jobs/table.js';
import { CASE_DEADLINES_JOB } from './deadline-job.js';

/** How often a serving instance queues the deadline sweep. */
export const SWEEP_EVERY_MS = 3_600_000;

/**
 * Queues a deadline sweep unless one is already queued or running. One statement, so two
 * instances rarely both insert; if they do, the sweep is idempotent (conditional updates, one
 * notice per change of status) and the second finds nothing to do. The leased job worker runs it.
 */
export async function queueDeadlineSweep(deps: AppDeps): Promise<boolean> {
  const now = deps.clock().toISOString();
  const res = await deps.db.execute(sql`
    INSERT INTO ${jobs} (kind, status, params, created_by, created_at, updated_at)
    SELECT ${CASE_DEADLINES_JOB}, 'queued', '{}'::jsonb, NULL, ${now}::timestamptz, ${now}::timestamptz
    WHERE NOT EXISTS (
      SELECT 1 FROM ${jobs} WHERE kind = ${CASE_DEADLINES_JOB} AND status IN ('queued', 'running')
    )
    RETURNING id`);
  return (res as { rows: unknown[] }).rows.length > 0;
}

/**
 * From the moment a server listens: a sweep at once, then hourly; each tick also reloads the
 * working calendar so a year entered on another instance is taken up. Stops when the app closes.
 */
export function scheduleDeadlineSweeps(app: App, deps: AppDeps): void {
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    void (async () => {
      try {
        await deps.calendarReload?.();
        await queueDeadlineSweep(deps);
      } catch (err) {
        app.log.error({ err }, 'queueing the deadline sweep failed');
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
