import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { entities } from '../../ledger/entities/table.js';
import { people } from '../../ledger/people/table.js';

/**
 * Entrepreneurs' accounts on the portal: a verified mobile number (stored only encrypted, found by
 * the same blind index as the ledger's phone numbers) and a password, linked to their person and
 * enterprise in the real-name ledger once they fill in their profile. Not staff accounts: they hold
 * no roles and their sessions are a table of their own.
 */
export const portalAccounts = pgTable(
  'portal_accounts',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    mobileEnc: text('mobile_enc').notNull(),
    mobileBidx: text('mobile_bidx').notNull(),
    mobileMask: text('mobile_mask').notNull(),
    passwordHash: text('password_hash').notNull(),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    disabled: boolean('disabled').notNull().default(false),
    /** The ledger person this account speaks for (one account per person). */
    personId: uuid('person_id').references(() => people.id),
    /** The enterprise the entrepreneur keeps through the portal. */
    entityId: uuid('entity_id').references(() => entities.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('portal_accounts_mobile_key').on(t.mobileBidx),
    uniqueIndex('portal_accounts_person_key')
      .on(t.personId)
      .where(sql`person_id IS NOT NULL`),
  ],
);

/** Portal sessions: as strict as staff sessions (token hash only, CSRF token, idle and absolute expiry). */
export const portalSessions = pgTable(
  'portal_sessions',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    tokenHash: text('token_hash').notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => portalAccounts.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    ip: text('ip').notNull(),
    userAgent: text('user_agent').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('portal_sessions_token_key').on(t.tokenHash),
    index('portal_sessions_account_idx').on(t.accountId),
  ],
);

/**
 * SMS verification codes: only a keyed hash of the code is stored; each code expires, allows a
 * few attempts and is used once. Rows also pace sending per mobile number.
 */
export const portalSmsCodes = pgTable(
  'portal_sms_codes',
  {
    id: uuid('id').primaryKey(),
    mobileBidx: text('mobile_bidx').notNull(),
    /** What the code is for: `register`. */
    purpose: text('purpose').notNull(),
    codeHash: text('code_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
    ip: text('ip').notNull().default(''),
  },
  (t) => [index('portal_sms_codes_mobile_idx').on(t.mobileBidx, t.createdAt)],
);

/**
 * Superseded by the generic `notifications` table (src/server/outreach/notifications): no longer written
 * or read. Its rows were copied there by the `notifications` migration (the SMS-code rows
 * left out); kept one release so nothing is lost, then to be dropped.
 */
export const portalNotifications = pgTable(
  'portal_notifications',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    accountId: uuid('account_id')
      .notNull()
      .references(() => portalAccounts.id, { onDelete: 'cascade' }),
    /** `sms`, `account`, `profile`, `enterprise`. */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('portal_notifications_account_idx').on(t.accountId, t.createdAt)],
);
