import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations } from '../orgs/table.js';
import { regions } from '../../platform/regions/table.js';
import { roles } from '../roles/table.js';

export const users = pgTable(
  'users',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    login: text('login').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    disabled: boolean('disabled').notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    /** TOTP secret, AES-256-GCM encrypted with the deployment key. */
    totpSecretEnc: text('totp_secret_enc'),
    totpEnabled: boolean('totp_enabled').notNull().default(false),
    /** The last accepted TOTP time step (unix time / 30 s): a code at or before it is a replay. */
    totpLastStep: integer('totp_last_step'),
    /** The region the account belongs to; the system administrator sees accounts in scope by it. */
    regionCode: char('region_code', { length: 12 })
      .notNull()
      .references(() => regions.code),
    orgId: uuid('org_id').references(() => organisations.id),
    /**
     * The user's own mobile number, AES-256-GCM encrypted, for a password reset to reach them.
     * Only the user (or the operator's CLI) sets it, never an administrator through the API.
     */
    mobileEnc: text('mobile_enc'),
    /** The same number masked (138****5678), to say where a reset went. */
    mobileMask: text('mobile_mask'),
    /** Who created the account through the API; null for the CLI, the demo and the seed. */
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('users_login_key').on(t.login),
    index('users_region_idx').on(t.regionCode.op('bpchar_pattern_ops')),
  ],
);

/** A role held by a user within a scope: a region subtree, an organisation or a park. */
export const roleAssignments = pgTable(
  'role_assignments',
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
    grantedBy: uuid('granted_by'),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('role_assignments_user_idx').on(t.userId)],
);
