import { z } from 'zod';
import { REGION_LEVELS } from '../../../domain/regions/region-code.js';
import { PageQuery, pageOf } from '../http/paging.js';

/** A 12-digit 统计用区划代码. */
export const RegionCode = z
  .string()
  .regex(/^\d{12}$/, '行政区划代码须为 12 位数字')
  .meta({ description: '12 位统计用区划代码', example: '500236000000' });

export const RegionLevel = z
  .enum(REGION_LEVELS)
  .meta({ description: '层级：全国、省、市、县、乡镇、村', example: 'county' });

export const RegionCodeParams = z.object({ code: RegionCode });

export const RegionView = z
  .object({
    code: RegionCode,
    name: z.string().meta({ example: '奉节县' }),
    level: RegionLevel,
    parentCode: RegionCode.nullable().meta({ description: '上级代码；全国为 null' }),
    pathName: z.string().meta({
      description: '完整名称路径，不含“全国”和“市辖区”“县”等占位名',
      example: '重庆市 / 奉节县',
    }),
    hasChildren: z.boolean().meta({ description: '是否有下级（级联选择器按需加载用）' }),
  })
  .meta({ id: 'Region' });

export const RegionPage = pageOf(RegionView);

export const RegionPathItem = z.object({
  code: RegionCode,
  name: z.string(),
  level: RegionLevel,
});

export const RegionPathView = z
  .object({
    code: RegionCode,
    path: z.array(RegionPathItem).meta({
      description: '从省级到本级（含本级），不含“全国”和占位名',
    }),
    pathName: z.string().meta({ example: '重庆市 / 奉节县 / 兴隆镇' }),
  })
  .meta({ id: 'RegionPath' });

export const RegionChildrenQuery = PageQuery;

export const RegionSearchQuery = PageQuery.extend({
  q: z.string().trim().max(50).optional().meta({
    description:
      '中文名称（部分匹配）、拼音或拼音首字母（前缀匹配，如 fjx、fengjie）、或区划代码前缀；为空则不按名称筛选',
    example: 'fjx',
  }),
  level: RegionLevel.optional(),
  within: RegionCode.optional().meta({ description: '只在此区划范围内查找' }),
});

export type RegionViewT = z.infer<typeof RegionView>;
export type RegionPathViewT = z.infer<typeof RegionPathView>;
export type RegionSearchQueryT = z.infer<typeof RegionSearchQuery>;
