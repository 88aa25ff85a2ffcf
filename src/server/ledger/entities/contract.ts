import { z } from 'zod';
import { EntityCreate, EntityLink, EntityUpdate } from '../../../domain/ledger/entity-schema.js';
import { EntityTypeCode } from '../../../domain/ledger/entity-types.js';
import { IsoDate, RegionCode12 } from '../../../domain/ledger/fields.js';
import { IndustryCode } from '../../../domain/ledger/industries.js';
import { ListPageQuery, listPageOf } from '../../platform/http/list-paging.js';
import { codeList } from '../people/contract.js';

export const EntityIdParams = z.object({ id: z.uuid() });
export const LinkParams = z.object({ id: z.uuid(), linkId: z.uuid() });

/** Create body: the ledger's entity schema (a pilot credit code passes with a warning). */
export const EntityCreateBody = EntityCreate;
/** Update body: any subset of the fields plus the version; `links` replaces the whole set. */
export const EntityUpdateBody = EntityUpdate;
export const LinkBody = EntityLink;

const Flag = z.stringbool().optional();

export const ENTITY_SORTS = [
  'name',
  'foundedOn',
  'jobsCreated',
  'annualRevenueWan',
  'updatedAt',
] as const;

export const EntityListQuery = ListPageQuery.extend({
  region: RegionCode12.optional().meta({ description: '只列出此区划（含下级）的市场主体' }),
  type: codeList(EntityTypeCode).optional().meta({ description: '主体类型，任一匹配' }),
  isWorkshop: Flag.meta({ description: '是否就业帮扶车间' }),
  industry: IndustryCode.optional().meta({ description: '行业：门类字母（含其下大类）或大类代码' }),
  aboveScale: Flag.meta({ description: '是否规上（年主营业务收入 ≥ 2000 万元）' }),
  isEcommerce: Flag.meta({ description: '是否电商' }),
  parkOrgId: z.uuid().optional().meta({ description: '入驻园区' }),
  foundedFrom: IsoDate.optional().meta({ description: '成立日期不早于' }),
  foundedTo: IsoDate.optional().meta({ description: '成立日期不晚于' }),
  q: z.string().trim().min(1).max(50).optional().meta({
    description: '检索名称和主要产品（中文分词）；输入完整统一社会信用代码时精确查找',
    example: '遮阳',
  }),
  sort: z.enum(ENTITY_SORTS).default('updatedAt'),
  order: z
    .enum(['asc', 'desc'])
    .optional()
    .meta({ description: '默认 updatedAt 降序，其他升序；同值按 ID 排序' }),
});

export const EntityView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    creditCode: z.string(),
    creditCodeChecksumValid: z.boolean(),
    warnings: z.array(z.string()).meta({
      description:
        '提示（不阻止保存），如 CREDIT_CODE_CHECKSUM：信用代码校验位不符（已标记为早期试点代码）',
    }),
    pilotCode: z.boolean().meta({ description: '是否标记为早期试点代码' }),
    pilotCodeReason: z.string().nullable().meta({ description: '试点代码说明' }),
    type: z.string(),
    isWorkshop: z.boolean(),
    industryCode: z.string().nullable(),
    industryName: z.string().nullable(),
    regionCode: z.string(),
    regionName: z.string(),
    parkOrgId: z.uuid().nullable(),
    parkName: z.string().nullable(),
    parkUnit: z.string().nullable(),
    foundedOn: z.iso.date().nullable(),
    registeredCapitalWan: z.number().nullable().meta({ description: '注册资本（万元）' }),
    employees: z.number().int(),
    jobsCreated: z.number().int(),
    jobsPoverty: z.number().int(),
    annualRevenueWan: z.number().nullable().meta({ description: '年主营业务收入（万元）' }),
    aboveScale: z.boolean(),
    isEcommerce: z.boolean(),
    products: z.string(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Entity' });

export const EntityLinkView = z.object({
  linkId: z.uuid(),
  personId: z.uuid(),
  name: z.string(),
  idNumberMasked: z
    .string()
    .nullable()
    .meta({ description: '脱敏身份证号；无权查看该人员时为 null' }),
  role: z.string(),
});

export const EntityDetailView = EntityView.extend({
  links: z.array(EntityLinkView),
}).meta({ id: 'EntityDetail' });

export const EntityPage = listPageOf(EntityView);

export type EntityCreateBodyT = z.output<typeof EntityCreateBody>;
export type EntityUpdateBodyT = z.output<typeof EntityUpdateBody>;
export type EntityListQueryT = z.output<typeof EntityListQuery>;
export type LinkBodyT = z.output<typeof LinkBody>;
export type EntityViewT = z.infer<typeof EntityView>;
export type EntityDetailViewT = z.infer<typeof EntityDetailView>;
