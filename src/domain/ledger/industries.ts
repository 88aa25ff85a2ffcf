/**
 * GB/T 4754-2017 国民经济行业分类: sections (门类, letters A–T) and divisions (大类, two digits
 * 01–97). A ledger entity is classified by a division where known, by a section otherwise.
 *
 * @module
 */
import { z } from 'zod';
import { DIVISION_ROWS, SECTION_ROWS } from './industry-data.js';

/** A section letter, `A`–`T`. */
export type IndustrySectionCode = (typeof SECTION_ROWS)[number][0];
/** A division code, `01`–`97`. */
export type IndustryDivisionCode = (typeof DIVISION_ROWS)[number][0];

/** A section (门类). */
export interface IndustrySection {
  readonly level: 'section';
  readonly code: IndustrySectionCode;
  readonly zh: string;
  readonly en: string;
}

/** A division (大类) and the section it belongs to. */
export interface IndustryDivision {
  readonly level: 'division';
  readonly code: IndustryDivisionCode;
  readonly section: IndustrySectionCode;
  readonly zh: string;
  readonly en: string;
}

/** The 20 sections, A–T. */
export const INDUSTRY_SECTIONS: readonly IndustrySection[] = Object.freeze(
  SECTION_ROWS.map(([code, zh, en]) => Object.freeze({ level: 'section' as const, code, zh, en })),
);

/** The 97 divisions, 01–97. */
export const INDUSTRY_DIVISIONS: readonly IndustryDivision[] = Object.freeze(
  DIVISION_ROWS.map(([code, section, zh, en]) =>
    Object.freeze({ level: 'division' as const, code, section, zh, en }),
  ),
);

const BY_CODE = new Map<string, IndustrySection | IndustryDivision>([
  ...INDUSTRY_SECTIONS.map((s) => [s.code, s] as const),
  ...INDUSTRY_DIVISIONS.map((d) => [d.code, d] as const),
]);

/**
 * Looks up a section letter or a division code (exact, upper case; the zod schema
 * {@link IndustryCode} normalises user input first).
 *
 * @example
 * industryByCode('A')?.zh;  // => '农、林、牧、渔业'
 * industryByCode('13')?.zh; // => '农副食品加工业'
 * industryByCode('98');     // => undefined
 */
export function industryByCode(code: string): IndustrySection | IndustryDivision | undefined {
  return BY_CODE.get(code);
}

/**
 * The section a division belongs to; a section letter maps to itself.
 *
 * @example
 * sectionOf('62')?.code; // => 'H' (住宿和餐饮业)
 * sectionOf('H')?.code;  // => 'H'
 * sectionOf('00');       // => undefined
 */
export function sectionOf(code: string): IndustrySection | undefined {
  const found = BY_CODE.get(code);
  if (found === undefined) return undefined;
  const letter = found.level === 'section' ? found.code : found.section;
  const section = BY_CODE.get(letter);
  return section?.level === 'section' ? section : undefined;
}

/**
 * The divisions of a section, in code order.
 *
 * @example
 * divisionsOf('H').map((d) => d.zh); // => ['住宿业', '餐饮业']
 */
export function divisionsOf(section: string): IndustryDivision[] {
  return INDUSTRY_DIVISIONS.filter((d) => d.section === section);
}

/**
 * An industry code: a section letter (`A`–`T`) or a division code (`01`–`97`). Input is trimmed
 * and upper-cased; anything else fails with `INDUSTRY_CODE_UNKNOWN`.
 */
export const IndustryCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine((c) => BY_CODE.has(c), 'INDUSTRY_CODE_UNKNOWN')
  .meta({ description: 'GB/T 4754-2017 门类字母（A–T）或大类代码（01–97）', example: '13' });
