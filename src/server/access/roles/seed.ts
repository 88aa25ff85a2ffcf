import { sql } from 'drizzle-orm';
import { BUILTIN_ROLES } from '../../../domain/access/roles.js';
import type { Executor } from '../../platform/db/client.js';
import { roles } from './table.js';

/** Inserts or refreshes the built-in roles; custom roles are left alone. */
export async function seedBuiltinRoles(db: Executor): Promise<void> {
  await db
    .insert(roles)
    .values(
      BUILTIN_ROLES.map((r) => ({
        code: r.code,
        nameZh: r.nameZh,
        nameEn: r.nameEn,
        permissions: r.permissions,
        scopeTypes: r.scopeTypes,
        requireTotp: r.requireTotp,
        builtin: true,
      })),
    )
    .onConflictDoUpdate({
      target: roles.code,
      set: {
        nameZh: sql`excluded.name_zh`,
        nameEn: sql`excluded.name_en`,
        permissions: sql`excluded.permissions`,
        scopeTypes: sql`excluded.scope_types`,
        requireTotp: sql`excluded.require_totp`,
        builtin: sql`true`,
      },
    });
}
