/**
 * Breakdown dimensions of the figures: a counter row carries either the total (`''`) or one
 * member of a dimension, written `prefix:code` (`cat:migrant_worker`, `type:enterprise`,
 * `ind:A`). A person with several categories counts once in each of them, so the members of
 * `category` may add up to more than the total; the members of the other dimensions partition it
 * (an entity whose industry is unknown appears in no `ind:` member).
 *
 * @module
 */
import { ENTITY_TYPES } from '../ledger/entity-types.js';
import { INDUSTRY_SECTIONS } from '../ledger/industries.js';
import { PERSON_CATEGORIES } from '../ledger/person-categories.js';

/** The dimension key of a counter row holding the total. */
export const TOTAL_DIM = '';

export const DIMENSION_CODES = ['category', 'entity_type', 'industry_section'] as const;
export type Dimension = (typeof DIMENSION_CODES)[number];

/** One member of a dimension as reports name it. */
export interface DimensionMember {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
}

/** A dimension: its key prefix, names, and members in report order. */
export interface DimensionDef {
  readonly code: Dimension;
  readonly prefix: string;
  readonly zh: string;
  readonly en: string;
  readonly members: readonly DimensionMember[];
}

const member = (e: { code: string; zh: string; en: string }): DimensionMember => ({
  code: e.code,
  zh: e.zh,
  en: e.en,
});

/** The breakdown dimensions, by code. */
export const DIMENSIONS: Readonly<Record<Dimension, DimensionDef>> = Object.freeze({
  category: {
    code: 'category',
    prefix: 'cat',
    zh: '人员类别',
    en: 'Category',
    members: PERSON_CATEGORIES.map(member),
  },
  entity_type: {
    code: 'entity_type',
    prefix: 'type',
    zh: '主体类型',
    en: 'Entity type',
    members: ENTITY_TYPES.map(member),
  },
  industry_section: {
    code: 'industry_section',
    prefix: 'ind',
    zh: '行业门类',
    en: 'Industry section',
    members: INDUSTRY_SECTIONS.map(member),
  },
});

/**
 * The counter key of one member of a dimension.
 *
 * @example
 * dimKey('category', 'graduate') // => 'cat:graduate'
 * dimKey('industry_section', 'A') // => 'ind:A'
 */
export function dimKey(dimension: Dimension, memberCode: string): string {
  return `${DIMENSIONS[dimension].prefix}:${memberCode}`;
}

/**
 * Splits a counter key back into its dimension and member; null for the total or an unknown
 * prefix.
 *
 * @example
 * parseDimKey('type:cooperative') // => { dimension: 'entity_type', member: 'cooperative' }
 * parseDimKey('') // => null
 */
export function parseDimKey(key: string): { dimension: Dimension; member: string } | null {
  const at = key.indexOf(':');
  if (at < 0) return null;
  const prefix = key.slice(0, at);
  const dimension = DIMENSION_CODES.find((d) => DIMENSIONS[d].prefix === prefix);
  return dimension ? { dimension, member: key.slice(at + 1) } : null;
}
