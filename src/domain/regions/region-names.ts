/**
 * Regions by the names officials write in spreadsheets (兴隆镇, 奉节县兴隆镇, 兴隆镇回龙村, 青莲村)
 * instead of 12-digit 统计用区划代码, within a context (the importer's county). The division
 * tree names villages as committees (回龙村村民委员会, 三角坝社区居民委员会); officials write 回龙村
 * and 三角坝社区, or just 回龙. A name is resolved when exactly one region matches; leading
 * ancestors (奉节县, 兴隆镇) narrow the match and must be the region's own.
 *
 * @module
 */
import { isPlaceholderRegionName, parentRegionCode, regionLevel } from './region-code.js';

/** A region as the index needs it. */
export interface NamedRegion {
  code: string;
  name: string;
}

/** What a written name resolves to. */
export type RegionNameMatch =
  | { ok: true; code: string }
  | { ok: false; code: 'IMPORT_REGION_NAME_NOT_FOUND' }
  | {
      ok: false;
      code: 'IMPORT_REGION_NAME_AMBIGUOUS';
      /** The regions it could be, by written name, in code order. */
      candidates: { code: string; label: string }[];
    };

/**
 * A committee's name as officials write it.
 *
 * @example
 * shortRegionName('回龙村村民委员会') // '回龙村'
 * shortRegionName('三角坝社区居民委员会') // '三角坝社区'
 */
export function shortRegionName(name: string): string {
  return name
    .replace(/村?村民委员会$/, '村')
    .replace(/(社区)?居民委员会$/, '社区')
    .replace(/委员会$/, '');
}

const SUFFIX_RE = /(街道办事处|街道|镇|乡|村|社区|县|区|市|省)$/;

/**
 * A name without its level word (镇, 乡, 村, 社区, 县 …), when at least two characters remain.
 *
 * @example
 * baseRegionName('兴隆镇') // '兴隆'
 */
export function baseRegionName(name: string): string {
  const base = shortRegionName(name).replace(SUFFIX_RE, '');
  return base.length >= 2 ? base : '';
}

/** The ways a region is written: as the tree names it, short, without its level word. */
function keysOf(name: string): string[] {
  return [...new Set([name, shortRegionName(name), baseRegionName(name)])].filter(
    (k) => k !== '' && !isPlaceholderRegionName(k),
  );
}

/** Written text reduced for comparison: full-width folded, spaces and separators dropped. */
function reduce(text: string): string {
  return text.normalize('NFKC').replace(/[\s/\\\-—–·,，、|>＞]+/g, '');
}

/**
 * An index of the regions of a context by written name.
 *
 * @example
 * const index = new RegionNameIndex([{ code: '500236128000', name: '兴隆镇' }]);
 * index.resolve('兴隆镇') // { ok: true, code: '500236128000' }
 */
export class RegionNameIndex {
  private readonly byCode = new Map<string, NamedRegion>();
  private readonly byKey = new Map<string, NamedRegion[]>();

  constructor(regions: readonly NamedRegion[]) {
    for (const r of regions) {
      this.byCode.set(r.code, r);
      for (const k of keysOf(r.name)) {
        const list = this.byKey.get(k);
        if (list) list.push(r);
        else this.byKey.set(k, [r]);
      }
    }
  }

  /** The region's ancestors held by the index, nearest first. */
  private ancestors(code: string): NamedRegion[] {
    const out: NamedRegion[] = [];
    for (let c = parentRegionCode(code); c !== null; c = parentRegionCode(c)) {
      const r = this.byCode.get(c);
      if (r) out.push(r);
    }
    return out;
  }

  /** True when `prefix` is made of the region's ancestors' names, nearest last. */
  private explained(prefix: string, region: NamedRegion): boolean {
    let rest = prefix;
    for (const a of this.ancestors(region.code)) {
      if (rest === '') break;
      const k = keysOf(a.name).find((key) => rest.endsWith(key));
      if (k) rest = rest.slice(0, -k.length);
    }
    return rest === '';
  }

  /** The region's written path from its county down: 奉节县大树镇青莲村. */
  label(code: string): string {
    const own = this.byCode.get(code);
    const names = this.ancestors(code)
      .filter((a) => regionLevel(a.code) !== 'province' && regionLevel(a.code) !== 'city')
      .filter((a) => regionLevel(a.code) !== 'nation')
      .reverse()
      .map((a) => shortRegionName(a.name));
    return [...names, own ? shortRegionName(own.name) : code]
      .filter((n) => !isPlaceholderRegionName(n))
      .join('');
  }

  /**
   * Resolves a written name: the one region it names, or IMPORT_REGION_NAME_NOT_FOUND, or
   * IMPORT_REGION_NAME_AMBIGUOUS with the candidates.
   *
   * @example
   * index.resolve('青莲') // ambiguous: 青莲镇 and 大树镇青莲村
   */
  resolve(text: string): RegionNameMatch {
    const s = reduce(text);
    const found = new Map<string, NamedRegion>();
    for (let i = 0; i < s.length; i++) {
      for (const r of this.byKey.get(s.slice(i)) ?? []) {
        if (this.explained(s.slice(0, i), r)) found.set(r.code, r);
      }
    }
    const codes = [...found.keys()].sort();
    if (codes.length === 1) return { ok: true, code: codes[0] as string };
    if (codes.length === 0) return { ok: false, code: 'IMPORT_REGION_NAME_NOT_FOUND' };
    return {
      ok: false,
      code: 'IMPORT_REGION_NAME_AMBIGUOUS',
      candidates: codes.map((code) => ({ code, label: this.label(code) })),
    };
  }
}
