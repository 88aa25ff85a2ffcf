import type { HistoryEntryViewT } from './contract.js';
import type { HistoryRow } from './repo.js';

/** A history row as the timeline shows it, field by field. */
export function presentHistoryEntry(row: HistoryRow): HistoryEntryViewT {
  return {
    id: row.id,
    objectType: row.objectType === 'entity' ? 'entity' : 'person',
    objectId: row.objectId,
    at: row.at.toISOString(),
    actorLogin: row.actorLogin,
    action: row.action,
    changes: row.changes.map((c) => ({ field: c.field, from: c.from, to: c.to })),
    context: row.context,
  };
}
