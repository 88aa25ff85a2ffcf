import { isPlaceholderRegionName } from './region-code.js';

/**
 * The division tree as people read it. The statistical tree has placeholder levels — 市辖区,
 * 县, 省直辖县级行政区划 — that stand for no place: 重庆市 → 县 → 奉节县. Officials and
 * entrepreneurs write 重庆市 → 奉节县, so pickers and reports show a placeholder's children in
 * its place. One rule for every caller (the portal's pickers, the reports' region lists).
 */

/** What this needs of a region: its code and name. */
export interface NamedRegion {
  code: string;
  name: string;
}

/**
 * A region's children with each placeholder replaced by its own children (loaded with
 * `loadChildrenOf`, which gets every placeholder code at once), in code order. With
 * `expand: false` placeholders are left out instead: a city picker for 重庆市 then offers no city,
 * since 重庆 has none.
 *
 * @example
 * await visibleChildren(childrenOf重庆, (codes) => childrenOfAll(codes))
 * // 万州区 … 奉节县 … (no 市辖区 / 县 rows)
 */
export async function visibleChildren<R extends NamedRegion>(
  direct: readonly R[],
  loadChildrenOf: (codes: string[]) => Promise<R[]>,
  opts: { expand: boolean } = { expand: true },
): Promise<R[]> {
  const placeholders = direct.filter((r) => isPlaceholderRegionName(r.name)).map((r) => r.code);
  const kept = direct.filter((r) => !isPlaceholderRegionName(r.name));
  if (placeholders.length === 0 || !opts.expand) return kept;
  const below = await loadChildrenOf(placeholders);
  return [...kept, ...below].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
