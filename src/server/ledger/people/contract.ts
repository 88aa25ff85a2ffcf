import { z } from 'zod';
import { plainText } from '../../../domain/text/plain-text.js';
import { boundedText, IsoDate, RegionCode12, Version } from '../../../domain/ledger/fields.js';
import {
  EducationCode,
  PersonCategoryCode,
  PersonStatusCode,
} from '../../../domain/ledger/person-categories.js';
import {
  ConsentPurposeCode,
  PersonCreate,
  PersonUpdate,
} from '../../../domain/ledger/person-schema.js';
import { ListPageQuery, listPageOf } from '../../platform/http/list-paging.js';

/**
 * A list filter that takes several codes, repeated (`?status=a&status=b`) or comma-separated
 * (`?status=a,b`); a record matches when it has any of them.
 */
export function codeList<T extends z.ZodType<string, string>>(code: T) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((v) =>
      (Array.isArray(v) ? v : [v])
        .flatMap((s) => s.split(','))
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(code).max(20));
}

export const PersonIdParams = z.object({ id: z.uuid() });
export const ConsentParams = z.object({ id: z.uuid(), consentId: z.uuid() });

const LedgerRegion = z.object({
  ledgerRegionCode: RegionCode12.optional().meta({
    description: '台账所属区划（管辖范围按此判断）；不填时已返乡/已创业取现居住地，否则取户籍地',
  }),
});

/** Create body: the ledger's person schema plus the region whose ledger holds the person. */
export const PersonCreateBody = PersonCreate.and(LedgerRegion);
/** Update body: any subset of the fields, the version last read, optionally a new ledger region. */
export const PersonUpdateBody = PersonUpdate.and(LedgerRegion);

export const PERSON_SORTS = ['name', 'updatedAt', 'birthDate', 'returnDate'] as const;

export const PersonListQuery = ListPageQuery.extend({
  region: RegionCode12.optional().meta({ description: '只列出此区划（含下级）台账中的人员' }),
  category: codeList(PersonCategoryCode).optional().meta({ description: '人员类别，任一匹配' }),
  status: codeList(PersonStatusCode).optional().meta({ description: '人员状态，任一匹配' }),
  education: codeList(EducationCode).optional().meta({ description: '文化程度，任一匹配' }),
  returnedFrom: IsoDate.optional().meta({ description: '返乡日期不早于' }),
  returnedTo: IsoDate.optional().meta({ description: '返乡日期不晚于' }),
  q: plainText({ max: 50, min: 1 }).optional().meta({
    description: '检索姓名和技能特长（中文分词）；输入完整身份证号或手机号时精确查找',
    example: '返乡创业',
  }),
  sort: z.enum(PERSON_SORTS).default('updatedAt'),
  order: z
    .enum(['asc', 'desc'])
    .optional()
    .meta({ description: '默认 updatedAt 降序，其他升序；同值按 ID 同向排序' }),
});

export const UnmaskBody = z.object({
  reason: plainText({ max: 200, min: 4 }).meta({
    description: '查看理由（4–200 字），写入审计日志',
    example: '办理创业担保贷款核验身份',
  }),
  fields: z
    .array(z.enum(['idNumber', 'mobile']))
    .min(1)
    .max(2)
    .meta({ description: '要查看的字段' }),
});

export const MergeBody = z.object({
  duplicateId: z.uuid().meta({ description: '被合并（并入本记录后隐藏）的重复记录' }),
  version: Version,
});

export const ConsentBody = z.object({
  purpose: ConsentPurposeCode,
  grantedTo: boundedText(100, 1).meta({ description: '授权对象', example: '奉节县人社局' }),
});

export const PersonView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    sex: z.string().meta({ description: 'M 男，F 女（由身份证号得出）' }),
    birthDate: z.iso.date(),
    idNumberMasked: z.string().meta({ example: '500236********1234' }),
    mobileMasked: z.string().nullable().meta({ example: '138****5678' }),
    ledgerRegionCode: z.string(),
    ledgerRegionName: z.string().meta({ example: '重庆市 / 奉节县 / 兴隆镇' }),
    hukouRegionCode: z.string().nullable(),
    hukouRegionName: z.string().nullable(),
    currentRegionCode: z.string().nullable(),
    currentRegionName: z.string().nullable(),
    categories: z.array(z.string()),
    awayProvinceCode: z.string().nullable(),
    awayCityCode: z.string().nullable(),
    monthsAway: z.number().int().nullable(),
    returnDate: z.iso.date().nullable(),
    education: z.string().nullable(),
    skills: z.string(),
    status: z.string(),
    statusDates: z.record(z.string(), z.string()).meta({
      description: '各状态的到达日期',
      example: { abroad: '2023-05-01', returned: '2024-03-01' },
    }),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Person' });

export const ConsentView = z.object({
  id: z.uuid(),
  purpose: z.string(),
  grantedTo: z.string(),
  grantedAt: z.iso.datetime(),
  withdrawnAt: z.iso.datetime().nullable(),
});

export const PersonEntityView = z.object({
  linkId: z.uuid(),
  entityId: z.uuid(),
  name: z.string(),
  role: z
    .string()
    .meta({ description: 'founder 创办人, legal_rep 法定代表人, core_member 核心成员' }),
});

export const PersonDetailView = PersonView.extend({
  entities: z.array(PersonEntityView),
  consents: z.array(ConsentView),
}).meta({ id: 'PersonDetail' });

export const PersonPage = listPageOf(PersonView);

export const UnmaskView = z.object({
  id: z.uuid(),
  idNumber: z.string().optional(),
  mobile: z.string().nullable().optional(),
});

export type PersonCreateBodyT = z.output<typeof PersonCreateBody>;
export type PersonUpdateBodyT = z.output<typeof PersonUpdateBody>;
export type PersonListQueryT = z.output<typeof PersonListQuery>;
export type UnmaskBodyT = z.output<typeof UnmaskBody>;
export type MergeBodyT = z.output<typeof MergeBody>;
export type ConsentBodyT = z.output<typeof ConsentBody>;
export type PersonViewT = z.infer<typeof PersonView>;
export type PersonDetailViewT = z.infer<typeof PersonDetailView>;
export type ConsentViewT = z.infer<typeof ConsentView>;
export type UnmaskViewT = z.infer<typeof UnmaskView>;
