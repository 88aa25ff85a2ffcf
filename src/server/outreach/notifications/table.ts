import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { NotificationParams } from '../../../domain/notifications/kinds.js';
import { portalAccounts } from '../../portal/accounts/table.js';
import { users } from '../../access/users/table.js';

/**
 * Notifications: one row per recipient — a staff user (the console's bell) or an entrepreneur's
 * portal account (我的 → 消息). Audiences (the officers of a region, an organisation) are resolved
 * to users when the notification is sent. Title and body are text keys with parameters, rendered
 * in the reader's language at read time (src/domain/notifications/kinds.ts). Written in the
 * transaction of the change it reports, so it exists exactly when the change committed.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id').references(() => portalAccounts.id, { onDelete: 'cascade' }),
    /** The kind's code, e.g. `portal.request_opened`. */
    kind: text('kind').notNull(),
    titleKey: text('title_key').notNull(),
    bodyKey: text('body_key').notNull(),
    params: jsonb('params').$type<NotificationParams>().notNull().default({}),
    /** Where a click goes: a console path (`/admin/...` relative to the console) or a portal path. */
    link: text('link'),
    /** What it is about: an object type and id (`portal_request`, uuid). */
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    /** The text-message channel: null (not sent by SMS), `pending`, `sent`, `failed`, `unavailable`. */
    smsState: text('sms_state'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    check('notifications_one_recipient', sql`(user_id IS NULL) <> (account_id IS NULL)`),
    index('notifications_user_idx')
      .on(t.userId, t.createdAt)
      .where(sql`user_id IS NOT NULL`),
    index('notifications_account_idx')
      .on(t.accountId, t.createdAt)
      .where(sql`account_id IS NOT NULL`),
    index('notifications_sms_pending_idx')
      .on(t.createdAt)
      .where(sql`sms_state = 'pending'`),
  ],
);
