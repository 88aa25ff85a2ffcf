import { z } from 'zod';
import { INDICATOR_CODES } from '../../../domain/indicators/indicators.js';
import { IsoDate } from '../../../domain/ledger/fields.js';
import { RegionCode } from '../../platform/regions/contract.js';

/** An indicator code; unknown codes are a validation error. */
export const IndicatorCodeField = z
  .enum(INDICATOR_CODES)
  .meta({ description: `指标代码：${INDICATOR_CODES.join('、')}`, example: 'new_entrepreneurs' });

export const TargetYear = z.coerce
  .number()
  .int()
  .min(2000)
  .max(2100)
  .meta({ description: '年度', example: 2021 });

export const TargetParams = z.object({
  region: RegionCode,
  year: TargetYear,
  indicator: IndicatorCodeField,
});

export const TargetListQuery = z.object({
  region: RegionCode.meta({ description: '区划：列出本级目标及其分解到直接下级的情况' }),
  year: TargetYear,
  asOf: IsoDate.optional().meta({ description: '统计截止日（默认今天）' }),
});

/** A target value: a whole number of persons, entities … or an amount with at most 2 decimals. */
const TargetValue = z
  .number()
  .min(0)
  .max(1e12)
  .refine((v) => Math.round(v * 100) === v * 100, '最多两位小数')
  .meta({ description: '目标值（指标单位）', example: 11200 });

export const PutTargetBody = z.object({
  value: TargetValue,
  version: z
    .number()
    .int()
    .min(1)
    .optional()
    .meta({ description: '修改已有目标时读取到的版本号（乐观锁）；省略则不检查' }),
});

export const SplitTargetBody = z
  .object({
    children: z
      .array(z.object({ regionCode: RegionCode, value: TargetValue }))
      .min(0)
      .max(1000)
      .refine((c) => new Set(c.map((x) => x.regionCode)).size === c.length, '下级区划不能重复')
      .meta({ description: '分解到直接下级区划的目标；未列出的下级保持原目标' }),
    basis: z.enum(['even', 'last_year', 'base']).optional().meta({
      description:
        '给出时，把剩余部分（本级目标 − 已列出 − 已有目标的下级）分给尚无目标且未列出的下级：even 平均、last_year 按上年实际完成比例、base 按当前基数比例（最大余数法取整，合计恰好等于剩余部分）',
    }),
  })
  .refine((b) => b.children.length > 0 || b.basis !== undefined, {
    message: '请列出下级目标或给出分解依据',
    path: ['children'],
  });

/** A region's share of a target, with its progress. */
export const ChildTargetView = z.object({
  regionCode: RegionCode,
  regionName: z.string(),
  target: z.number().nullable(),
  actual: z.number(),
  progressPct: z.number().nullable(),
  behind: z.boolean().meta({ description: '完成率低于时间进度' }),
  lastYearActual: z
    .number()
    .meta({ description: '上年实际完成（上年 12 月 31 日口径）：按上年完成比例分解的依据' }),
  base: z.number().meta({ description: '当前基数（截止日累计实有数）：按当前基数比例分解的依据' }),
});

export const TargetView = z
  .object({
    regionCode: RegionCode,
    regionName: z.string(),
    year: z.number().int(),
    indicator: IndicatorCodeField,
    indicatorNameZh: z.string(),
    indicatorNameEn: z.string(),
    unitZh: z.string(),
    unitEn: z.string(),
    kind: z.enum(['flow', 'stock']),
    target: z.number().nullable().meta({ description: '本级目标；未设定为 null' }),
    actual: z
      .number()
      .meta({ description: '实际完成：流量指标为年初至今，存量指标为截止日实有数' }),
    progressPct: z.number().nullable().meta({ description: '完成率 %' }),
    timeElapsedPct: z.number().meta({ description: '时间进度 %' }),
    behind: z.boolean(),
    childrenSum: z.number().meta({ description: '已分解到下级的目标合计' }),
    unallocated: z
      .number()
      .nullable()
      .meta({ description: '尚未分解的部分（本级目标 − 下级合计）；分解不得超过本级目标' }),
    version: z.number().int().nullable(),
    updatedAt: z.iso.datetime().nullable(),
    children: z.array(ChildTargetView),
  })
  .meta({ id: 'Target' });

export const TargetSheet = z
  .object({
    regionCode: RegionCode,
    regionName: z.string(),
    year: z.number().int(),
    asOf: z.string(),
    timeElapsedPct: z.number(),
    items: z.array(TargetView),
  })
  .meta({ id: 'TargetSheet' });

export type TargetParamsT = z.infer<typeof TargetParams>;
export type TargetListQueryT = z.infer<typeof TargetListQuery>;
export type PutTargetBodyT = z.infer<typeof PutTargetBody>;
export type SplitTargetBodyT = z.infer<typeof SplitTargetBody>;
export type TargetViewT = z.infer<typeof TargetView>;
export type ChildTargetViewT = z.infer<typeof ChildTargetView>;
export type TargetSheetT = z.infer<typeof TargetSheet>;
