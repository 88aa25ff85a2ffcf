import { asc, eq, inArray } from 'drizzle-orm';
import { isPlaceholderRegionName, NATION_CODE } from '../../../domain/regions/region-code.js';
import { visibleChildren } from '../../../domain/regions/visible-regions.js';
import type { Executor } from '../../platform/db/client.js';
import type { RegionTree } from '../../platform/regions/region-tree.js';
import type { RegionRow } from '../../platform/regions/repo.js';
import { regions } from '../../platform/regions/table.js';

/**
 * Regions as reports see them: a placeholder level (市辖区, 县, 省直辖县级行政区划) is skipped, so
 * 重庆市's children are its districts and counties and 奉节县's parent is 重庆市.
 */

export interface ReportRegion {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
  /** The written path, e.g. `重庆市 / 奉节县` (empty for the nation). */
  pathName: string;
}

const columns = {
  code: regions.code,
  name: regions.name,
  level: regions.level,
  parentCode: regions.parentCode,
  pathName: regions.pathName,
};

const reportRegion = (r: RegionRow): ReportRegion => ({
  code: r.code,
  name: r.name,
  level: r.level,
  parentCode: r.parentCode,
  pathName: r.pathName,
});

/** One region by code, or undefined: from the division tree in memory when it holds it. */
export async function findReportRegion(
  db: Executor,
  code: string,
  tree?: RegionTree,
): Promise<ReportRegion | undefined> {
  const held = tree?.find(code);
  if (held) return reportRegion(held);
  const [row] = await db.select(columns).from(regions).where(eq(regions.code, code));
  return row;
}

/** The children of each code in code order, all from memory, or null when the tree lacks any. */
function heldChildren(tree: RegionTree | undefined, codes: string[]): ReportRegion[] | null {
  if (!tree) return null;
  const out: ReportRegion[] = [];
  for (const code of codes) {
    const children = tree.children(code);
    if (!children) return null;
    out.push(...children.map(reportRegion));
  }
  return out.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/**
 * The children of a region in code order, with each placeholder child replaced by its own
 * children; from the division tree in memory when it holds them (down to townships).
 *
 * @example
 * await reportChildren(db, '500000000000') // 万州区 … 奉节县 … (no 市辖区 / 县 rows)
 */
export async function reportChildren(
  db: Executor,
  code: string,
  tree?: RegionTree,
): Promise<ReportRegion[]> {
  const childrenOf = async (codes: string[]) =>
    heldChildren(tree, codes) ??
    (await db
      .select(columns)
      .from(regions)
      .where(
        codes.length === 1 ? eq(regions.parentCode, codes[0]!) : inArray(regions.parentCode, codes),
      )
      .orderBy(asc(regions.code)));
  return visibleChildren(await childrenOf([code]), childrenOf);
}

/** The parent of a region as reports see it (a placeholder parent skipped); null for the nation. */
export async function reportParent(db: Executor, code: string): Promise<ReportRegion | null> {
  let current = await findReportRegion(db, code);
  while (current?.parentCode) {
    const parent = await findReportRegion(db, current.parentCode);
    if (!parent) return null;
    if (!isPlaceholderRegionName(parent.name) || parent.code === NATION_CODE) return parent;
    current = parent;
  }
  return null;
}
