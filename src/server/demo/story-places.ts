import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../platform/db/client.js';
import { organisations } from '../access/orgs/table.js';
import { regions } from '../platform/regions/table.js';
import { FENGJIE_PARKS } from './story-data.js';
import type { Random } from './random.js';

/** A county of the story with its townships (from the regions table) and their weights. */
export interface StoryCounty {
  code: string;
  name: string;
  townships: { code: string; name: string; weight: number }[];
  seat: string;
}

/** Towns (镇) are where most returnees start up; streets (街道) of the seat and 乡 less so. */
export function townshipWeight(name: string): number {
  if (name.endsWith('街道')) return 0.6;
  if (name.endsWith('乡')) return 0.7;
  return 1;
}

/** The story's counties as the regions table has them; missing ones are left out. */
export async function loadCounties(db: Executor, codes: readonly string[]): Promise<StoryCounty[]> {
  const counties = await db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(
      inArray(
        regions.code,
        codes.map((c) => `${c}000000`),
      ),
    );
  const out: StoryCounty[] = [];
  for (const c of counties.sort((a, b) => (a.code < b.code ? -1 : 1))) {
    const towns = await db
      .select({ code: regions.code, name: regions.name })
      .from(regions)
      .where(eq(regions.parentCode, c.code))
      .orderBy(regions.code);
    if (towns.length === 0) continue;
    out.push({
      code: c.code.slice(0, 6),
      name: c.name,
      townships: towns.map((t) => ({ ...t, weight: townshipWeight(t.name) })),
      seat: towns[0]?.code ?? c.code,
    });
  }
  return out;
}

/** A township of the county, by weight. */
export function pickTownship(r: Random, county: StoryCounty, boost?: ReadonlyMap<string, number>) {
  return r.weighted(
    county.townships.map((t) => [t, t.weight * (boost?.get(t.code) ?? 1)] as const),
  );
}

/** 奉节's parks (from the foundation demo) by town: their organisation ids. */
export async function loadParks(db: Executor): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(
      and(
        eq(organisations.type, 'park'),
        inArray(
          organisations.name,
          FENGJIE_PARKS.map((p) => p.name),
        ),
      ),
    );
  const byTown = new Map<string, string>();
  for (const p of FENGJIE_PARKS) {
    const found = rows.find((r) => r.name === p.name);
    if (found) byTown.set(p.town, found.id);
  }
  return byTown;
}
