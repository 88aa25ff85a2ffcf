import { sql } from 'drizzle-orm';
import { char, check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../orgs/table.js';
import { regions } from '../../platform/regions/table.js';
import { roles } from '../roles/table.js';
import { users } from '../users/table.js';

/**
 * A grant that carries personal-data permissions, asked for by a system administrator and waiting
 * for the security administrator: `pending` until approved (the role assignment is made then) or
 * rejected with a reason. The requester never decides their own request.
 */
export const grantRequests = pgTable(
  'grant_requests',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    roleCode: text('role_code')
      .notNull()
      .references(() => roles.code),
    scopeType: text('scope_type').notNull(),
    scopeRegion: char('scope_region', { length: 12 }).references(() => regions.code),
    scopeOrgId: uuid('scope_org_id').references(() => organisations.id),
    /** The region subtree the grant would reach: the scope region or the organisation's region. */
    regionCode: char('region_code', { length: 12 })
      .notNull()
      .references(() => regions.code),
    status: text('status').notNull().default('pending'),
    requestedBy: uuid('requested_by').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** Why it was rejected; required for a rejection. */
    reason: text('reason'),
    /** The role assignment an approval made. */
    assignmentId: uuid('assignment_id'),
  },
  (t) => [
    index('grant_requests_region_idx').on(t.regionCode.op('bpchar_pattern_ops')),
    index('grant_requests_user_idx').on(t.userId),
    check('grant_requests_status_check', sql`${t.status} IN ('pending', 'approved', 'rejected')`),
  ],
);
