import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { targets } from './table.js';

export type TargetRow = typeof targets.$inferSelect;

/** A stored target with its value as a number. */
export interface Target {
  regionCode: string;
  year: number;
  indicator: string;
  value: number;
  version: number;
  updatedAt: Date;
}

function toTarget(r: TargetRow): Target {
  return {
    regionCode: r.regionCode,
    year: r.year,
    indicator: r.indicator,
    value: Number(r.value),
    version: r.version,
    updatedAt: r.updatedAt,
  };
}

/** Targets of some regions in a year, optionally of one indicator. */
export async function findTargets(
  db: Executor,
  regionCodes: string[],
  year: number,
  indicator?: string,
): Promise<Target[]> {
  if (regionCodes.length === 0) return [];
  const rows = await db
    .select()
    .from(targets)
    .where(
      and(
        inArray(targets.regionCode, regionCodes),
        eq(targets.year, year),
        indicator === undefined ? undefined : eq(targets.indicator, indicator),
      ),
    );
  return rows.map(toTarget);
}

/** One target, locked for update when `lock`. */
export async function findTarget(
  db: Executor,
  key: { regionCode: string; year: number; indicator: string },
  lock = false,
): Promise<Target | undefined> {
  const q = db
    .select()
    .from(targets)
    .where(
      and(
        eq(targets.regionCode, key.regionCode),
        eq(targets.year, key.year),
        eq(targets.indicator, key.indicator),
      ),
    );
  const [row] = lock ? await q.for('update') : await q;
  return row ? toTarget(row) : undefined;
}

/** Sets a target, creating it or bumping its version. */
export async function upsertTarget(
  db: Executor,
  t: { regionCode: string; year: number; indicator: string; value: number },
  meta: { actorId: string | null; now: Date },
): Promise<void> {
  const value = t.value.toFixed(2);
  await db
    .insert(targets)
    .values({
      ...t,
      value,
      createdAt: meta.now,
      updatedAt: meta.now,
      createdBy: meta.actorId,
      updatedBy: meta.actorId,
    })
    .onConflictDoUpdate({
      target: [targets.regionCode, targets.year, targets.indicator],
      set: {
        value,
        updatedAt: meta.now,
        updatedBy: meta.actorId,
        version: sql`${targets.version} + 1`,
      },
    });
}
