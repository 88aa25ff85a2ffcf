import type { Executor } from '../../platform/db/client.js';
import type { RequestContext } from '../../platform/http/context.js';
import { type PageRequest, type Paged, toPage } from '../../platform/http/paging.js';
import type { HistoryEntryViewT } from './contract.js';
import { timelineNames } from './actors.js';
import { presentHistoryEntry } from './presenter.js';
import { appendHistory, type HistoryInsert, listHistory } from './repo.js';
import type { FieldChange } from './table.js';

/** The record types that keep a history. */
export type HistoryObjectType = 'person' | 'entity';

/** Who made a change and when: the request's actor, or an import job's owner. */
export interface ChangeMeta {
  actorId: string | null;
  actorLogin: string | null;
  now: Date;
}

/** The change metadata of a request: its actor and the time read once from the clock. */
export function changeMeta(ctx: RequestContext, now: Date): ChangeMeta {
  return { actorId: ctx.actor?.userId ?? null, actorLogin: ctx.actor?.login ?? null, now };
}

/** One history entry to append. */
export interface HistoryEvent {
  objectType: HistoryObjectType;
  objectId: string;
  action: string;
  changes?: FieldChange[];
  context?: Record<string, unknown>;
}

/**
 * Writes history entries in the caller's transaction. Callers mask personal fields first (see
 * `changes.ts`); nothing here looks inside the values.
 *
 * @example
 * await writeHistory(tx, meta, [{ objectType: 'person', objectId: id, action: 'create', changes }]);
 */
export async function writeHistory(
  tx: Executor,
  meta: ChangeMeta,
  events: HistoryEvent[],
): Promise<void> {
  const rows: HistoryInsert[] = events.map((e) => ({
    objectType: e.objectType,
    objectId: e.objectId,
    at: meta.now,
    actorId: meta.actorId,
    actorLogin: meta.actorLogin,
    action: e.action,
    changes: e.changes ?? [],
    context: e.context ?? {},
  }));
  await appendHistory(tx, rows);
}

/**
 * The timeline of a record and of every record merged into it, newest first, with each actor
 * named (name and role) and linked enterprises named. The caller has
 * already checked that the actor may read the record.
 */
export async function readTimeline(
  db: Executor,
  objectType: HistoryObjectType,
  objectIds: string[],
  page: PageRequest,
): Promise<Paged<HistoryEntryViewT>> {
  const { rows, total } = await listHistory(db, objectType, objectIds, page);
  const names = await timelineNames(db, rows);
  return toPage(rows, total, page, (row) => presentHistoryEntry(row, names));
}
