import { inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { regions } from '../../platform/regions/table.js';

/**
 * Which region codes exist, remembered for one import: each code is looked up once, a batch's
 * new codes in one query. Holds only the codes a file uses (a county's few hundred, at most the
 * 665k of the whole tree), never the whole table up front.
 */
export class RegionCache {
  private readonly known = new Map<string, boolean>();

  /** Looks up the codes not seen yet. */
  async load(db: Executor, codes: Iterable<string>): Promise<void> {
    const wanted = [...new Set(codes)].filter((c) => !this.known.has(c) && /^\d{12}$/.test(c));
    if (wanted.length === 0) return;
    const found = await db
      .select({ code: regions.code })
      .from(regions)
      .where(inArray(regions.code, wanted));
    for (const c of wanted) this.known.set(c, false);
    for (const r of found) this.known.set(r.code, true);
  }

  /** True for a code that exists (after load). */
  exists(code: string): boolean {
    return this.known.get(code) === true;
  }
}
