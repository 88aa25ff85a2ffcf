import { and, asc, eq, ne, type SQL, sql } from 'drizzle-orm';
import { caseType } from '../../../domain/cases/case-types.js';
import { type DeadlineStatus, deadlineStatus } from '../../../domain/cases/deadlines.js';
import type { AppDeps } from '../../platform/http/types.js';
import type { JobHandler } from '../../platform/jobs/runner.js';
import { caseHooks, sendNotice } from './hooks.js';
import { cases } from './table.js';

/** The job kind of the deadline sweep (queue it with insertJob; the worker leases and runs it). */
export const CASE_DEADLINES_JOB = 'cases.deadlines';

/**
 * Only steps due within this many calendar days can be 临近超时 (one working day before the
 * deadline, however long a holiday lies between): the sweep reads no further ahead.
 */
const LOOKAHEAD_DAYS = 15;

export interface SweepResult {
  checked: number;
  near: number;
  overdue: number;
}

/**
 * Marks open steps 临近超时 and 超时 against their deadlines on the working-day calendar and
 * notifies the organisation (or the region officers) owning each step, once per change of status:
 * the update is conditional on the status and version read, so two sweeps running at once, or a
 * transition fired meanwhile, never produce a second notice. Each batch commits on its own; a
 * sweep killed midway leaves whole batches and the next one carries on.
 *
 * @example
 * await sweepDeadlines(deps) // { checked: 120, near: 3, overdue: 1 }
 */
export async function sweepDeadlines(
  deps: AppDeps,
  opts: { batchSize?: number; afterBatch?: () => Promise<void> } = {},
): Promise<SweepResult> {
  const { calendar, notify } = caseHooks(deps);
  const now = deps.clock();
  const horizon = new Date(now.getTime() + LOOKAHEAD_DAYS * 86_400_000);
  const size = opts.batchSize ?? 500;
  const result: SweepResult = { checked: 0, near: 0, overdue: 0 };
  let after: { dueAt: Date; id: string } | null = null;
  for (;;) {
    const where: SQL[] = [
      sql`NOT ${cases.terminal}`,
      sql`${cases.dueAt} IS NOT NULL`,
      sql`${cases.dueAt} < ${horizon.toISOString()}::timestamptz`,
      ne(cases.deadlineStatus, 'overdue'),
    ];
    if (after)
      where.push(
        sql`(${cases.dueAt}, ${cases.id}) > (${after.dueAt.toISOString()}::timestamptz, ${after.id}::uuid)`,
      );
    const rows = await deps.db
      .select({
        id: cases.id,
        type: cases.type,
        state: cases.state,
        version: cases.version,
        regionCode: cases.regionCode,
        ownerOrgId: cases.ownerOrgId,
        ownerRegion: cases.ownerRegion,
        dueAt: cases.dueAt,
        deadlineStatus: cases.deadlineStatus,
      })
      .from(cases)
      .where(and(...where))
      .orderBy(asc(cases.dueAt), asc(cases.id))
      .limit(size);
    if (rows.length === 0) break;
    await deps.db.transaction(async (tx) => {
      for (const r of rows) {
        const status: DeadlineStatus = deadlineStatus(r.dueAt, now, calendar);
        if (status === r.deadlineStatus) continue;
        const changed = await tx
          .update(cases)
          .set({ deadlineStatus: status })
          .where(
            and(
              eq(cases.id, r.id),
              eq(cases.version, r.version),
              eq(cases.deadlineStatus, r.deadlineStatus),
            ),
          )
          .returning({ id: cases.id });
        if (changed.length === 0 || (status !== 'near' && status !== 'overdue')) continue;
        result[status] += 1;
        const target = r.ownerOrgId
          ? { orgId: r.ownerOrgId }
          : r.ownerRegion
            ? { regionCode: r.regionCode }
            : null;
        if (!target) continue;
        const type = caseType(r.type);
        await sendNotice(tx, notify, {
          ...target,
          kind: status === 'near' ? 'case.deadline_near' : 'case.deadline_overdue',
          caseId: r.id,
          params: {
            type: r.type,
            state: r.state,
            stateName: type?.states[r.state]?.zh ?? r.state,
            dueAt: r.dueAt?.toISOString() ?? null,
          },
        });
      }
    });
    result.checked += rows.length;
    const last = rows.at(-1)!;
    after = { dueAt: last.dueAt!, id: last.id };
    await opts.afterBatch?.();
    if (rows.length < size) break;
  }
  return result;
}

/** The leased job that runs the sweep (JOB_HANDLERS['cases.deadlines']). */
export const deadlineJobHandler: JobHandler = async (ctx) => {
  const r = await sweepDeadlines(ctx.deps, {
    afterBatch: () => ctx.batchCommitted({ batch: 0, checkpoint: 0, done: 0, total: null }),
  });
  return { result: { ...r }, done: r.checked, total: r.checked };
};
