import { asc, eq, inArray } from 'drizzle-orm';
import { isPlaceholderRegionName, NATION_CODE } from '../../../domain/regions/region-code.js';
import { visibleChildren } from '../../../domain/regions/visible-regions.js';
import type { Executor } from '../../platform/db/client.js';
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

/** One region by code, or undefined. */
export async function findReportRegion(
  db: Executor,
  code: string,
): Promise<ReportRegion | undefined> {
  const [row] = await db.select(columns).from(regions).where(eq(regions.code, code));
  return row;
}

/**
 * The children of a region in code order, with each placeholder child replaced by its own
 * children.
 *
 * @example
 * await reportChildren(db, '500000000000') // 万州区 … 奉节县 … (no 市辖区 / 县 rows)
 */
export async function reportChildren(db: Executor, code: string): Promise<ReportRegion[]> {
  const direct = await db
    .select(columns)
    .from(regions)
    .where(eq(regions.parentCode, code))
    .orderBy(asc(regions.code));
  return visibleChildren(direct, (placeholders) =>
    db
      .select(columns)
      .from(regions)
      .where(inArray(regions.parentCode, placeholders))
      .orderBy(asc(regions.code)),
  );
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
