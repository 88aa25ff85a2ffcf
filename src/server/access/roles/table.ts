import { boolean, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** A role is a named set of permissions; built-in roles come from src/domain/access/roles.ts. */
export const roles = pgTable('roles', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  permissions: text('permissions').array().notNull(),
  scopeTypes: text('scope_types').array().notNull(),
  requireTotp: boolean('require_totp').notNull().default(false),
  builtin: boolean('builtin').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
