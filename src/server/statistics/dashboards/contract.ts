import { z } from 'zod';
import { DIMENSION_CODES } from '../../../domain/indicators/dimensions.js';
import { IsoDate } from '../../../domain/ledger/fields.js';
import { REGION_LEVELS } from '../../../domain/regions/region-code.js';
import { RegionCode } from '../../platform/regions/contract.js';
import { IndicatorCodeField, TargetYear } from '../targets/contract.js';

export const DashboardParams = z.object({ regionCode: RegionCode });

export const DashboardQuery = z.object({
  year: TargetYear.optional().meta({ description: '年度（默认统计截止日所在年度）' }),
  asOf: IsoDate.optional().meta({
    description: '统计截止日（默认今天），按月统计：含截止日所在整月',
  }),
});

export const ChildrenQuery = DashboardQuery.extend({
  indicator: IndicatorCodeField.default('new_entrepreneurs'),
  sort: z
    .enum(['actual', 'progress', 'name', 'code'])
    .default('actual')
    .meta({ description: '排序：完成数、完成率、名称、代码' }),
  order: z.enum(['desc', 'asc']).default('desc'),
});

export const ExportQuery = z.object({
  year: TargetYear.optional(),
  quarter: z.coerce
    .number()
    .int()
    .min(1)
    .max(4)
    .optional()
    .meta({ description: '季度 1–4（默认当前季度）' }),
});

const RegionRef = z.object({
  code: RegionCode,
  name: z.string(),
  pathName: z.string(),
  level: z.enum(REGION_LEVELS),
});

export const HeadlineItem = z.object({
  indicator: IndicatorCodeField,
  nameZh: z.string(),
  nameEn: z.string(),
  unitZh: z.string(),
  unitEn: z.string(),
  kind: z.enum(['flow', 'stock']),
  partOf: IndicatorCodeField.nullable().meta({ description: '“其中”项所属的指标' }),
  inPeriod: z.number().meta({ description: '年初至截止日：流量为新增数，存量为净增数' }),
  cumulative: z.number().meta({ description: '截止日累计：存量为实有数，流量为历年累计' }),
  actual: z.number().meta({ description: '对照目标的完成数（流量取年内新增，存量取实有数）' }),
  target: z.number().nullable(),
  progressPct: z.number().nullable(),
  behind: z.boolean().meta({ description: '完成率低于时间进度' }),
});

export const LoanFigure = z.object({
  indicator: z
    .string()
    .meta({ description: '案件/贷款指标代码（src/domain/indicators/case-indicators.ts）' }),
  nameZh: z.string(),
  nameEn: z.string(),
  unitZh: z.string(),
  unitEn: z.string(),
  kind: z.enum(['flow', 'stock', 'cumulative']),
  partOf: z.string().nullable(),
  value: z.number().nullable().meta({ description: '比率无分母时为空' }),
  target: z.number().nullable(),
  progressPct: z.number().nullable(),
  behind: z.boolean(),
});

export const LoanRegionRow = z.object({
  regionCode: RegionCode,
  regionName: z.string(),
  values: z.record(z.string(), z.number().nullable()),
  target: z.number().nullable().meta({ description: '返乡农民工创业担保贷款目标（万元）' }),
  progressPct: z.number().nullable(),
  behind: z.boolean(),
});

export const LoanOrgRow = z.object({
  orgId: z.string(),
  name: z.string(),
  type: z.string(),
  open: z.number(),
  openOverdue: z.number(),
  avgStepDays: z.number().nullable(),
  disbursedWan: z.number(),
  balanceWan: z.number(),
});

/** 贴息 figures (src/domain/indicators/subsidy-indicators.ts): fen exact, 欠付 = 应付 − 已付. */
export const SubsidyFigures = z.object({
  dueFen: z.number().int().meta({ description: '贴息应付（分）' }),
  paidFen: z.number().int().meta({ description: '贴息已付（分）' }),
  outstandingFen: z.number().int().meta({ description: '贴息欠付（分）' }),
  paidRatePct: z.number().nullable().meta({ description: '贴息兑付率（%），无应付时为空' }),
});

export const SubsidySection = z.object({
  year: SubsidyFigures.meta({ description: '所选年度合计' }),
  quarters: z.array(SubsidyFigures.extend({ quarter: z.string() })).meta({
    description: '所选年度各季度（按贴息申请的季度）',
  }),
  children: z
    .array(SubsidyFigures.extend({ regionCode: RegionCode, regionName: z.string() }))
    .meta({ description: '直接下级区划，所选年度' }),
});

export const LoanSection = z.object({
  figures: z.array(LoanFigure),
  subsidy: SubsidySection.meta({ description: '贴息应付、已付、欠付与兑付率（按季度、区划）' }),
  children: z.array(LoanRegionRow).meta({ description: '直接下级区划（下钻）' }),
  organisations: z
    .array(LoanOrgRow)
    .meta({ description: '经办银行、担保机构等：在办、超时、平均用时' }),
});

export const Dashboard = z
  .object({
    region: RegionRef,
    year: z.number().int(),
    asOf: z.string(),
    through: z.string().meta({ description: '统计到的月份（YYYY-MM）' }),
    timeElapsedPct: z.number(),
    headline: z.array(HeadlineItem),
    trend: z.object({
      months: z.array(z.string()),
      series: z.array(
        z.object({
          indicator: IndicatorCodeField,
          values: z.array(z.number()).meta({ description: '流量为当月新增，存量为月末实有数' }),
        }),
      ),
    }),
    breakdowns: z.array(
      z.object({
        dimension: z.enum(DIMENSION_CODES),
        nameZh: z.string(),
        nameEn: z.string(),
        indicators: z.array(IndicatorCodeField),
        rows: z.array(
          z.object({
            code: z.string(),
            nameZh: z.string(),
            nameEn: z.string(),
            values: z.record(z.string(), z.number()),
          }),
        ),
      }),
    ),
    loans: LoanSection.meta({ description: '创业担保贷款与办件' }),
  })
  .meta({ id: 'Dashboard' });

export const ChildRankingItem = z.object({
  rank: z.number().int(),
  regionCode: RegionCode,
  regionName: z.string(),
  inPeriod: z.number(),
  cumulative: z.number(),
  actual: z.number(),
  target: z.number().nullable(),
  progressPct: z.number().nullable(),
  behind: z.boolean(),
});

export const ChildRanking = z
  .object({
    region: RegionRef,
    indicator: IndicatorCodeField,
    nameZh: z.string(),
    unitZh: z.string(),
    year: z.number().int(),
    asOf: z.string(),
    timeElapsedPct: z.number(),
    items: z.array(ChildRankingItem),
  })
  .meta({ id: 'ChildRanking' });

export type DashboardParamsT = z.infer<typeof DashboardParams>;
export type DashboardQueryT = z.infer<typeof DashboardQuery>;
export type ChildrenQueryT = z.infer<typeof ChildrenQuery>;
export type ExportQueryT = z.infer<typeof ExportQuery>;
export type DashboardT = z.infer<typeof Dashboard>;
export type HeadlineItemT = z.infer<typeof HeadlineItem>;
export type ChildRankingT = z.infer<typeof ChildRanking>;
export type ChildRankingItemT = z.infer<typeof ChildRankingItem>;
export type LoanSectionT = z.infer<typeof LoanSection>;
export type LoanFigureT = z.infer<typeof LoanFigure>;
export type RegionRefT = z.infer<typeof RegionRef>;
