import { z } from 'zod';
import { plainText } from '../../../domain/text/plain-text.js';
import { ALL_ORG_TYPES } from '../../../domain/orgs/org-types.js';
import { PageQuery, pageOf } from '../../platform/http/paging.js';
import { RegionCode } from '../../platform/regions/contract.js';

/** An organisation type code; unknown codes are refused with ORG_TYPE_INVALID. */
export const OrgTypeCode = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .meta({ description: `机构类型：${ALL_ORG_TYPES.join('、')}`, example: 'department' });

export const OrgIdParams = z.object({ id: z.uuid() });

export const OrgListQuery = PageQuery.extend({
  type: OrgTypeCode.optional(),
  region: RegionCode.optional().meta({ description: '只列出此区划范围内的机构' }),
  q: plainText({ max: 50, min: 1 }).optional().meta({ description: '名称（部分匹配）' }),
});

export const CreditCode = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .meta({ description: '统一社会信用代码（18 位）', example: '91500236MA5U000000' });

export const CreateOrgBody = z.object({
  name: plainText({ max: 100, min: 1 }).meta({ example: '奉节县人力资源和社会保障局' }),
  type: OrgTypeCode,
  regionCode: RegionCode,
  creditCode: CreditCode.optional(),
});

export const UpdateOrgBody = z.object({
  name: plainText({ max: 100, min: 1 }).optional(),
  type: OrgTypeCode.optional(),
  creditCode: CreditCode.nullable().optional().meta({ description: 'null 清除' }),
  version: z.number().int().min(1).meta({ description: '读取时的版本号（乐观锁）' }),
});

export const OrgView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    type: z.string(),
    typeNameZh: z.string(),
    typeNameEn: z.string(),
    regionCode: RegionCode,
    regionName: z.string().meta({ example: '重庆市 / 奉节县' }),
    creditCode: z.string().nullable(),
    creditCodeChecksumValid: z
      .boolean()
      .nullable()
      .meta({ description: '校验位是否正确；早期试点代码可能不符，仅提示不拒绝' }),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Organisation' });

export const OrgPage = pageOf(OrgView);

export const OrgTypeView = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  examples: z.array(z.string()),
});

export const OrgTypeList = z.object({ items: z.array(OrgTypeView) });

export type OrgListQueryT = z.infer<typeof OrgListQuery>;
export type CreateOrgBodyT = z.infer<typeof CreateOrgBody>;
export type UpdateOrgBodyT = z.infer<typeof UpdateOrgBody>;
export type OrgViewT = z.infer<typeof OrgView>;
