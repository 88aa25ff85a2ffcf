import { z } from 'zod';
import { LOAN_GROUP_CODES } from '../../../domain/loans/groups.js';
import { PARAM_KEYS, PRODUCT_CODES, ParamKeyField } from '../../../domain/loans/products.js';
import { IsoDate, RegionCode12 } from '../../../domain/ledger/fields.js';
import { plainText } from '../../../domain/text/plain-text.js';

export const ProductParams = z.object({
  product: z.enum(PRODUCT_CODES).meta({ description: '贷款产品：startup_guarantee 创业担保贷款' }),
});

export const ProductQuery = z.object({
  region: RegionCode12.meta({ description: '适用地区（取最近一级的地方参数，其次全国）' }),
  date: IsoDate.optional().meta({ description: '适用日期（默认今天）' }),
});

/**
 * A parameter value: whole fen for amounts, bp for rates and shares, months, days, a count, a
 * boolean, or a list of group codes. Which one a key takes is checked by the service.
 */
export const ParamValueField = z
  .union([
    z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    z.boolean(),
    z.array(z.enum(LOAN_GROUP_CODES)).max(LOAN_GROUP_CODES.length),
  ])
  .meta({
    description:
      '取值：金额以分计的整数；利率、比例以基点（1% = 100）计；期限以月、天计；布尔值；或支持对象代码列表',
    example: 30_000_000,
  });

export const AddProductValueBody = z.object({
  key: ParamKeyField,
  regionCode: RegionCode12.meta({ description: '适用地区；全国为 000000000000' }),
  validFrom: IsoDate.meta({ description: '生效日期' }),
  validTo: IsoDate.nullable()
    .optional()
    .meta({ description: '失效日期（含当日）；省略为长期有效' }),
  value: ParamValueField,
  source: plainText({ max: 300, min: 4 }).meta({
    description: '依据文件（文号和/或标题）',
    example: '财金〔2020〕21号',
  }),
  illustrative: z.boolean().default(false).meta({ description: '演示值：无文件依据的示意取值' }),
});

export const ProductValueView = z
  .object({
    id: z.uuid(),
    key: z.enum(PARAM_KEYS as [string, ...string[]]),
    nameZh: z.string(),
    nameEn: z.string(),
    kind: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    value: ParamValueField,
    source: z.string(),
    illustrative: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'LoanProductValue' });

export const ResolvedParamView = z.object({
  key: z.enum(PARAM_KEYS as [string, ...string[]]),
  nameZh: z.string(),
  nameEn: z.string(),
  kind: z.string(),
  value: ParamValueField.nullable().meta({ description: '未配置为 null（页面应显示“未配置”）' }),
  source: z.string().nullable(),
  regionCode: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  illustrative: z.boolean(),
});

export const ProductView = z
  .object({
    product: z.enum(PRODUCT_CODES),
    nameZh: z.string(),
    nameEn: z.string(),
    regionCode: z.string(),
    date: z.string(),
    params: z.array(ResolvedParamView).meta({ description: '该地该日适用的参数' }),
    values: z
      .array(ProductValueView)
      .meta({ description: '适用于该地区（含上级和全国）的全部取值及历史' }),
  })
  .meta({ id: 'LoanProduct' });

export type ProductParamsT = z.infer<typeof ProductParams>;
export type ProductQueryT = z.infer<typeof ProductQuery>;
export type AddProductValueBodyT = z.infer<typeof AddProductValueBody>;
export type ProductValueViewT = z.infer<typeof ProductValueView>;
export type ProductViewT = z.infer<typeof ProductView>;
