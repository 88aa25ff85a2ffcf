import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../../platform/db/client.js';
import { settings } from './table.js';

/** Security settings, owned by the security administrator; defaults follow the policy. */
export const SecuritySettings = z.object({
  lockoutThreshold: z.number().int().min(3).max(20).default(5),
  lockoutMinutes: z.number().int().min(1).max(1440).default(30),
  idleMinutes: z.number().int().min(5).max(240).default(30),
  absoluteHours: z.number().int().min(1).max(72).default(12),
  passwordMinLength: z.number().int().min(8).max(64).default(8),
  passwordMinClasses: z.number().int().min(2).max(4).default(3),
});
export type SecuritySettings = z.infer<typeof SecuritySettings>;

const KEY = 'security';
const TTL_MS = 5_000;
let cache: { value: SecuritySettings; at: number; db: object } | null = null;

/**
 * The current settings. Cached for a few seconds per database, so a change made on another
 * instance takes effect within that time.
 */
export async function readSecuritySettings(db: Executor): Promise<SecuritySettings> {
  if (cache && cache.db === db && Date.now() - cache.at < TTL_MS) return cache.value;
  const [row] = await db.select().from(settings).where(eq(settings.key, KEY));
  const value = SecuritySettings.parse(row?.value ?? {});
  cache = { value, at: Date.now(), db };
  return value;
}

export async function writeSecuritySettings(
  tx: Executor,
  value: SecuritySettings,
  userId: string,
  now: Date,
): Promise<void> {
  await tx
    .insert(settings)
    .values({ key: KEY, value, updatedAt: now, updatedBy: userId })
    .onConflictDoUpdate({
      target: settings.key,
      set: { value, updatedAt: now, updatedBy: userId },
    });
  cache = null;
}
