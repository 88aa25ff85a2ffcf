import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export interface FieldChange {
  field: string;
  /** Personal fields (ID number, phone) are recorded masked. */
  from: unknown;
  to: unknown;
}

/** Full change history per ledger record: who changed which field from what to what, when. */
export const recordHistory = pgTable(
  'record_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    objectType: text('object_type').notNull(),
    objectId: uuid('object_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorLogin: text('actor_login'),
    /** create, update, merge_in, merged_away, link, unlink, import, status, consent … */
    action: text('action').notNull(),
    changes: jsonb('changes').$type<FieldChange[]>().notNull().default([]),
    /** Import job, merge partner and similar context. */
    context: jsonb('context').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('record_history_object_idx').on(t.objectType, t.objectId, t.id)],
);
