/**
 * 12-digit 统计用区划代码: 2 province + 2 city + 2 county + 3 township + 3 village digits.
 * A region's code is its own path: the significant prefix of a county (e.g. `500236`) starts
 * the code of everything below it, so data scope is a prefix test.
 */

export const REGION_LEVELS = [
  'nation',
  'province',
  'city',
  'county',
  'township',
  'village',
] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/** The national root, parent of the provinces. */
export const NATION_CODE = '000000000000';

const PREFIX_LENGTH: Record<RegionLevel, number> = {
  nation: 0,
  province: 2,
  city: 4,
  county: 6,
  township: 9,
  village: 12,
};

/** True for a 12-digit string. */
export function isRegionCode(code: string): boolean {
  return /^\d{12}$/.test(code);
}

/**
 * Pads a 2/4/6/9/12-digit division code to 12 digits.
 *
 * @example
 * toRegionCode('500236') // '500236000000'
 */
export function toRegionCode(short: string): string {
  if (!/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/.test(short)) {
    throw new RangeError(`not a division code: ${short}`);
  }
  return short.padEnd(12, '0');
}

/**
 * The level a 12-digit code denotes, from its trailing zeros.
 *
 * @example
 * regionLevel('500236104000') // 'township'
 */
export function regionLevel(code: string): RegionLevel {
  if (code === NATION_CODE) return 'nation';
  if (code.endsWith('0000000000')) return 'province';
  if (code.endsWith('00000000')) return 'city';
  if (code.endsWith('000000')) return 'county';
  if (code.endsWith('000')) return 'township';
  return 'village';
}

/**
 * The significant prefix of a code: every code in its subtree starts with it.
 *
 * @example
 * regionPrefix('500236000000') // '500236'
 * regionPrefix('000000000000') // ''
 */
export function regionPrefix(code: string): string {
  return code.slice(0, PREFIX_LENGTH[regionLevel(code)]);
}

/**
 * The parent's 12-digit code, or null for the nation.
 *
 * @example
 * parentRegionCode('500236104000') // '500236000000'
 */
export function parentRegionCode(code: string): string | null {
  const level = regionLevel(code);
  const index = REGION_LEVELS.indexOf(level);
  if (index <= 0) return null;
  const parentLevel = REGION_LEVELS[index - 1] as RegionLevel;
  return code.slice(0, PREFIX_LENGTH[parentLevel]).padEnd(12, '0');
}

/**
 * Codes of every ancestor, root first, excluding the code itself.
 *
 * @example
 * ancestorCodes('500236104000') // ['000000000000','500000000000','500200000000','500236000000']
 */
export function ancestorCodes(code: string): string[] {
  const out: string[] = [];
  for (let p = parentRegionCode(code); p !== null; p = parentRegionCode(p)) out.unshift(p);
  return out;
}

/**
 * True when `code` lies in the subtree rooted at `root` (a region is inside its own subtree).
 *
 * @example
 * isWithin('500236104000', '500236000000') // true
 */
export function isWithin(code: string, root: string): boolean {
  return code.startsWith(regionPrefix(root));
}

/** City-level placeholders that officials leave out of a region's written path. */
const PLACEHOLDER_NAMES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

/**
 * Joins ancestor names as officials write them, leaving out the nation and placeholders.
 *
 * @example
 * joinRegionPath(['全国', '重庆市', '县', '奉节县', '兴隆镇']) // '重庆市 / 奉节县 / 兴隆镇'
 */
export function joinRegionPath(names: string[]): string {
  return names
    .filter((n, i) => !(i === 0 && n === '全国') && !PLACEHOLDER_NAMES.has(n))
    .join(' / ');
}

/** True for names like 市辖区 that stand in for a missing level. */
export function isPlaceholderRegionName(name: string): boolean {
  return PLACEHOLDER_NAMES.has(name);
}
