import { rm } from 'node:fs/promises';
import type { AppDeps } from '../../platform/http/types.js';
import type { JobHandler } from '../../platform/jobs/runner.js';
import { filesBefore, incomingDir } from '../../platform/storage/attachment-store.js';
import { attachmentStoreOf } from './attachment-store-of.js';
import { attachmentKeys } from './repo.js';

/** The job kind of the orphan sweep (queued daily by deadline-schedule.ts). */
export const CASE_ATTACHMENT_SWEEP_JOB = 'cases.attachments.sweep';

/**
 * How old an object without a row must be before the sweep removes it: an upload puts its object
 * first and commits its row a moment later, so a younger object may be an upload in flight.
 */
export const ORPHAN_GRACE_MS = 3_600_000;

/** Keys the store is given: `<caseId>/<attachmentId>`, both UUIDs. Anything else is left alone. */
const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/([0-9a-f-]{36})$/;

export interface AttachmentSweepResult {
  /** Objects older than the grace period that were looked up. */
  checked: number;
  /** Objects without a row, removed. */
  removed: number;
  /** Temporary uploads left behind by a process that died while receiving them, removed. */
  incomingRemoved: number;
}

/**
 * Removes what a crash can leave in the attachment store: an object whose upload died between
 * putting the bytes and committing the row (the order that never leaves a row without bytes),
 * and temporary files of uploads that were being received. Only objects older than
 * {@link ORPHAN_GRACE_MS} are considered; an object with a row is never touched. Idempotent, so
 * two sweeps at once do no harm.
 *
 * @example
 * await sweepOrphanAttachments(deps) // { checked: 1204, removed: 1, incomingRemoved: 0 }
 */
export async function sweepOrphanAttachments(
  deps: AppDeps,
  opts: { batchSize?: number } = {},
): Promise<AttachmentSweepResult> {
  const before = new Date(deps.clock().getTime() - ORPHAN_GRACE_MS);
  const store = attachmentStoreOf(deps);
  const size = opts.batchSize ?? 500;
  const result: AttachmentSweepResult = { checked: 0, removed: 0, incomingRemoved: 0 };
  let batch: { key: string; id: string }[] = [];
  const flush = async () => {
    const rows = await attachmentKeys(
      deps.db,
      batch.map((b) => b.id),
    );
    for (const b of batch) {
      if (rows.get(b.id) === b.key) continue;
      await store.remove(b.key);
      result.removed++;
    }
    result.checked += batch.length;
    batch = [];
  };
  for await (const o of store.listBefore(before)) {
    const id = KEY.exec(o.key)?.[1];
    if (!id) continue;
    batch.push({ key: o.key, id });
    if (batch.length >= size) await flush();
  }
  if (batch.length > 0) await flush();
  result.incomingRemoved = await sweepIncoming(incomingDir(deps.config), before);
  return result;
}

/** Removes temporary uploads older than `before`; a missing folder has nothing to sweep. */
async function sweepIncoming(dir: string, before: Date): Promise<number> {
  let removed = 0;
  for await (const f of filesBefore(dir, before)) {
    await rm(f.file, { force: true });
    removed++;
  }
  return removed;
}

export const attachmentSweepJobHandler: JobHandler = async (ctx) => {
  const r = await sweepOrphanAttachments(ctx.deps);
  return { result: { ...r }, done: r.checked, total: r.checked };
};
