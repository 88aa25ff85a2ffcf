import {
  bigint,
  bigserial,
  index,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Append-only, hash-chained audit trail. A trigger (migration 0001) refuses UPDATE, DELETE and
 * TRUNCATE; each record's hash is an HMAC (key derived from the master key, see chain.ts) over
 * its fields and the previous record's hash.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    actorId: uuid('actor_id'),
    actorLogin: text('actor_login'),
    actorRoles: text('actor_roles').notNull().default(''),
    ip: text('ip').notNull().default(''),
    action: text('action').notNull(),
    objectType: text('object_type').notNull().default(''),
    objectId: text('object_id').notNull().default(''),
    result: text('result').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_actor_idx').on(t.actorId, t.seq),
    index('audit_log_object_idx').on(t.objectType, t.objectId),
  ],
);

/**
 * The chain's head, updated with every append: a deleted tail no longer matches it.
 * `keyedFrom` is the first sequence number sealed with the keyed HMAC: records before it were
 * written by a version that hashed with plain SHA-256 (set once by the upgrade's migration;
 * the application role may not change it, and every checkpoint repeats it).
 */
export const auditHead = pgTable('audit_head', {
  id: smallint('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
  keyedFrom: bigint('keyed_from', { mode: 'number' }).notNull().default(1),
});
