import {
  isPlaceholderRegionName,
  joinRegionPath,
  NATION_CODE,
  REGION_LEVELS,
  type RegionLevel,
} from '../../../domain/regions/region-code.js';
import type { RegionPathViewT, RegionViewT } from './contract.js';
import type { RegionNameRow, RegionRow } from './repo.js';

/** The level name of a stored level number (0 nation … 5 village). */
function levelName(level: number): RegionLevel {
  const name = REGION_LEVELS[level];
  if (!name) throw new Error(`unknown region level ${level}`);
  return name;
}

/** A region as the API shows it, built field by field. */
export function presentRegion(row: RegionRow): RegionViewT {
  return {
    code: row.code,
    name: row.name,
    level: levelName(row.level),
    parentCode: row.parentCode,
    pathName: row.pathName,
    hasChildren: row.hasChildren,
  };
}

/**
 * A region's path from its ancestors' and its own rows (root first): the nation and placeholder
 * names such as 市辖区 and 县 are left out, as officials write it.
 */
export function presentRegionPath(code: string, chain: RegionNameRow[]): RegionPathViewT {
  const shown = chain.filter((r) => r.code !== NATION_CODE && !isPlaceholderRegionName(r.name));
  return {
    code,
    path: shown.map((r) => ({ code: r.code, name: r.name, level: levelName(r.level) })),
    pathName: joinRegionPath(shown.map((r) => r.name)),
  };
}
