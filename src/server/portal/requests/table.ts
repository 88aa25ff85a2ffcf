import { sql } from 'drizzle-orm';
import { char, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { portalAccounts } from '../accounts/table.js';

/**
 * What an entrepreneur asks of a ledger record they cannot change alone, waiting for an officer:
 * a claim (link my account to this existing person or enterprise) or a change (apply these
 * values to a record an officer keeps). Nothing in the ledger changes until an officer in scope
 * accepts; a rejection carries a reason the entrepreneur sees.
 */
export const portalRequests = pgTable(
  'portal_requests',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    accountId: uuid('account_id')
      .notNull()
      .references(() => portalAccounts.id, { onDelete: 'cascade' }),
    /** `person` or `entity`. */
    objectType: text('object_type').notNull(),
    /**
     * `claim` (link the account, then apply the values), `registration` (the submission created
     * the record and linked the account; an officer confirms it, or rejects and unlinks) or
     * `change` (apply the values).
     */
    kind: text('kind').notNull(),
    /** The ledger record the request is about. */
    objectId: uuid('object_id').notNull(),
    /** The record's region when the request was made: whose queue it is in. */
    regionCode: char('region_code', { length: 12 }).notNull(),
    /**
     * The proposed values, by API field name. Never an ID number or a phone number: the ID
     * number is the record's own (matched by blind index), the mobile is the account's.
     */
    proposed: jsonb('proposed').$type<Record<string, unknown>>().notNull(),
    /** `pending`, `accepted`, `rejected`. */
    state: text('state').notNull().default('pending'),
    reason: text('reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by'),
    decidedByLogin: text('decided_by_login'),
  },
  (t) => [
    index('portal_requests_account_idx').on(t.accountId, t.createdAt),
    index('portal_requests_queue_idx')
      .on(t.regionCode.op('bpchar_pattern_ops'), t.createdAt)
      .where(sql`state = 'pending'`),
  ],
);
