/**
 * The indicators (统计指标) leaders run the programme by, declared once: code, zh-CN / en name,
 * unit, flow (in a period) or stock (at a date), the counter series they read and the
 * breakdowns they offer. Later modules (loans, training, coaching, parks) add theirs here the
 * same way, with a series of their own.
 *
 * A flow's value for a period is the sum of its series over the months of the period; a stock's
 * value at a date is the sum over every month up to that date (rows without a date included),
 * which equals a direct count of the live rows dated on or before it.
 *
 * @module
 */
import type { Dimension } from './dimensions.js';
import { SERIES, type SeriesCode } from './series.js';

export type IndicatorKind = 'flow' | 'stock';

/** A unit as reports print it. */
export interface Unit {
  readonly zh: string;
  readonly en: string;
}

export const INDICATOR_CODES = [
  'new_entrepreneurs',
  'entrepreneurs',
  'talent_pool',
  'new_entities',
  'entities',
  'jobs_created',
  'jobs_poverty',
  'above_scale',
  'workshops',
  'ecommerce',
] as const;
export type IndicatorCode = (typeof INDICATOR_CODES)[number];

export interface IndicatorDef {
  readonly code: IndicatorCode;
  readonly zh: string;
  readonly en: string;
  /** Short column heading for tables and the quarterly report. */
  readonly shortZh: string;
  readonly unit: Unit;
  readonly kind: IndicatorKind;
  readonly series: SeriesCode;
  /** What is counted, in the words of the statistical definition (统计口径). */
  readonly definitionZh: string;
  readonly definitionEn: string;
  /** Dimensions the indicator can be broken down by (each must be a dimension of its series). */
  readonly breakdowns: readonly Dimension[];
  /** For an "of which" indicator (其中), the indicator it is part of. */
  readonly partOf?: IndicatorCode;
}

const PERSONS: Unit = { zh: '人', en: 'persons' };
const HOUSEHOLDS: Unit = { zh: '户', en: 'entities' };

/** Every indicator, in report order. */
export const INDICATORS: readonly IndicatorDef[] = Object.freeze([
  {
    code: 'new_entrepreneurs',
    zh: '新增返乡创业人数',
    en: 'New returnee entrepreneurs',
    shortZh: '新增返乡创业',
    unit: PERSONS,
    kind: 'flow',
    series: 'people_started',
    definitionZh: '期内状态变为“已创业”的台账人员（按达到已创业的日期统计，现状态仍为已创业）',
    definitionEn: 'Ledger people who reached “started a business” in the period and still hold it',
    breakdowns: ['category'],
  },
  {
    code: 'entrepreneurs',
    zh: '实有返乡创业人员',
    en: 'Returnee entrepreneurs',
    shortZh: '实有返乡创业',
    unit: PERSONS,
    kind: 'stock',
    series: 'people_started',
    definitionZh: '截至统计日状态为“已创业”的台账人员',
    definitionEn: 'Ledger people whose status is “started a business” at the date',
    breakdowns: ['category'],
  },
  {
    code: 'talent_pool',
    zh: '在外人才库人数',
    en: 'Talent pool working away',
    shortZh: '在外人才库',
    unit: PERSONS,
    kind: 'stock',
    series: 'people_pool',
    definitionZh: '状态为“在外人才”或“意向返乡”的台账人员（按登记日期）',
    definitionEn: 'Ledger people working away or intending to return (by the date entered)',
    breakdowns: ['category'],
  },
  {
    code: 'new_entities',
    zh: '新增市场主体',
    en: 'New market entities',
    shortZh: '新增市场主体',
    unit: HOUSEHOLDS,
    kind: 'flow',
    series: 'entities',
    definitionZh: '期内成立的台账市场主体（企业、个体工商户、农民专业合作社、家庭农场）',
    definitionEn: 'Ledger market entities founded in the period',
    breakdowns: ['entity_type', 'industry_section'],
  },
  {
    code: 'entities',
    zh: '实有市场主体',
    en: 'Market entities',
    shortZh: '实有市场主体',
    unit: HOUSEHOLDS,
    kind: 'stock',
    series: 'entities',
    definitionZh: '截至统计日已成立的台账市场主体，按主体类型分',
    definitionEn: 'Ledger market entities founded by the date, by type',
    breakdowns: ['entity_type', 'industry_section'],
  },
  {
    code: 'jobs_created',
    zh: '带动就业人数',
    en: 'Jobs created',
    shortZh: '带动就业',
    unit: PERSONS,
    kind: 'stock',
    series: 'entity_jobs',
    definitionZh: '截至统计日已成立的台账市场主体带动就业人数之和',
    definitionEn: 'Sum of jobs created by the ledger entities founded by the date',
    breakdowns: ['industry_section'],
  },
  {
    code: 'jobs_poverty',
    zh: '其中：带动脱贫劳动力就业',
    en: 'of which: jobs for people lifted out of poverty',
    shortZh: '其中脱贫劳动力',
    unit: PERSONS,
    kind: 'stock',
    series: 'entity_jobs_poverty',
    definitionZh: '带动就业人数中的脱贫劳动力',
    definitionEn: 'Jobs created that went to people lifted out of poverty',
    breakdowns: [],
    partOf: 'jobs_created',
  },
  {
    code: 'above_scale',
    zh: '规上企业数',
    en: 'Enterprises above designated size',
    shortZh: '规上企业',
    unit: { zh: '家', en: 'enterprises' },
    kind: 'stock',
    series: 'entity_above_scale',
    definitionZh: '年主营业务收入 2000 万元及以上的台账市场主体',
    definitionEn: 'Ledger entities with annual main-business revenue of 20 million yuan or more',
    breakdowns: [],
  },
  {
    code: 'workshops',
    zh: '就业帮扶车间数',
    en: 'Employment assistance workshops',
    shortZh: '帮扶车间',
    unit: { zh: '个', en: 'workshops' },
    kind: 'stock',
    series: 'entity_workshops',
    definitionZh: '认定为就业帮扶车间的台账市场主体',
    definitionEn: 'Ledger entities recognised as employment assistance workshops',
    breakdowns: [],
  },
  {
    code: 'ecommerce',
    zh: '电商经营主体数',
    en: 'E-commerce businesses',
    shortZh: '电商主体',
    unit: HOUSEHOLDS,
    kind: 'stock',
    series: 'entity_ecommerce',
    definitionZh: '从事电子商务（网络经营）的台账市场主体',
    definitionEn: 'Ledger entities trading online',
    breakdowns: [],
  },
] satisfies IndicatorDef[]);

const BY_CODE = new Map<string, IndicatorDef>(INDICATORS.map((i) => [i.code, i]));

/** True for a declared indicator code. */
export function isIndicatorCode(code: string): code is IndicatorCode {
  return BY_CODE.has(code);
}

/**
 * The declaration of an indicator.
 *
 * @example
 * indicator('new_entrepreneurs').zh // => '新增返乡创业人数'
 */
export function indicator(code: IndicatorCode): IndicatorDef {
  const def = BY_CODE.get(code);
  if (!def) throw new RangeError(`unknown indicator ${code}`);
  return def;
}

/**
 * The counter series the given indicators read, without duplicates.
 *
 * @example
 * seriesFor(['new_entrepreneurs', 'entrepreneurs']) // => ['people_started']
 */
export function seriesFor(codes: readonly IndicatorCode[]): SeriesCode[] {
  return [...new Set(codes.map((c) => indicator(c).series))].filter((s) => s in SERIES);
}
