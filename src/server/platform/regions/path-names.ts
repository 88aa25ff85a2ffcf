import type { Executor } from '../db/client.js';
import type { RegionTree } from './region-tree.js';
import { findRegionPathNames } from './repo.js';

/**
 * The written paths of the regions a page of records names, for lists: from the division tree in
 * memory, and for what it does not hold (villages, or the tree reloading) from one lookup. A list
 * query then reads its page alone instead of joining `regions` once per column on every row it
 * sorts.
 */
export async function regionPathNames(
  deps: { db: Executor; regionTree?: RegionTree | undefined },
  codes: Iterable<string | null>,
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const missing = new Set<string>();
  for (const code of codes) {
    if (code === null || names.has(code)) continue;
    const held = deps.regionTree?.find(code);
    if (held) names.set(code, held.pathName);
    else missing.add(code);
  }
  for (const row of await findRegionPathNames(deps.db, [...missing])) {
    names.set(row.code, row.pathName);
  }
  return names;
}
