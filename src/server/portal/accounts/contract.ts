import { z } from 'zod';
import { EntityTypeCode } from '../../../domain/ledger/entity-types.js';
import {
  boundedText,
  HeadCount,
  IsoDate,
  RegionCode12,
  Version,
} from '../../../domain/ledger/fields.js';
import { IndustryCode } from '../../../domain/ledger/industries.js';
import {
  EducationCode,
  PersonCategoryCode,
  PersonStatusCode,
} from '../../../domain/ledger/person-categories.js';
import { IdNumberField, MobileField, PersonName } from '../../../domain/ledger/person-schema.js';

/** zod contracts of the entrepreneurs' portal (/api/portal/…), request and response. */

const Password = z.string().min(1).max(256);
const SmsCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, '验证码为 6 位数字');

export const SendCodeBody = z.object({
  mobile: MobileField,
  purpose: z.enum(['register']).default('register').meta({ description: '用途：register 注册' }),
});
export const SendCodeView = z.object({
  mobileMasked: z.string().meta({ example: '138****5678' }),
  expiresInSeconds: z.int(),
  retryAfterSeconds: z.int(),
});

export const RegisterBody = z.object({
  mobile: MobileField,
  code: SmsCode,
  password: Password,
});
export const LoginBody = z.object({ mobile: MobileField, password: Password });

export const PortalSessionView = z
  .object({
    accountId: z.string(),
    mobileMasked: z.string(),
    csrfToken: z.string(),
    hasProfile: z.boolean(),
    hasEnterprise: z.boolean(),
  })
  .meta({ id: 'PortalSession' });

export const OkView = z.object({ ok: z.literal(true) });

export const RegionParams = z.object({ code: RegionCode12 });
export const PortalRegion = z.object({
  code: z.string(),
  name: z.string(),
  level: z.string(),
  hasChildren: z.boolean(),
});
export const PortalRegionList = z.object({ items: z.array(PortalRegion) });

const RegionRef = z.object({ code: z.string(), pathName: z.string() });

/**
 * The entrepreneur's profile: creates or updates their person in the real-name ledger. The ID
 * number is required the first time; later it may be left out (it stays as stored) or re-entered
 * (it must be the same). The mobile number is the account's verified one.
 */
export const ProfileBody = z.object({
  name: PersonName,
  idNumber: IdNumberField.optional(),
  hukouRegionCode: RegionCode12,
  currentRegionCode: RegionCode12,
  categories: z.array(PersonCategoryCode).min(1, 'CATEGORIES_EMPTY'),
  status: PersonStatusCode,
  awayProvinceCode: z
    .string()
    .regex(/^\d{2}$/, 'PROVINCE_CODE_FORMAT')
    .nullish(),
  awayCityCode: z
    .string()
    .regex(/^\d{4}$/, 'CITY_CODE_FORMAT')
    .nullish(),
  monthsAway: z
    .int({ error: 'MONTHS_AWAY_RANGE' })
    .min(0, 'MONTHS_AWAY_RANGE')
    .max(600, 'MONTHS_AWAY_RANGE')
    .nullish(),
  returnDate: IsoDate.nullish(),
  education: EducationCode,
  skills: boundedText(500, 0, true).default(''),
  version: Version.optional().meta({ description: '已提交过资料时：读取时的版本号' }),
});

export const ProfileView = z
  .object({
    personId: z.string(),
    name: z.string(),
    idNumberMasked: z.string(),
    sex: z.string(),
    birthDate: z.string(),
    hukouRegion: RegionRef.nullable(),
    currentRegion: RegionRef.nullable(),
    categories: z.array(z.string()),
    status: z.string(),
    awayProvinceCode: z.string().nullable(),
    awayCityCode: z.string().nullable(),
    monthsAway: z.number().nullable(),
    returnDate: z.string().nullable(),
    education: z.string().nullable(),
    skills: z.string(),
    version: z.int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'PortalProfile' });
/** A claim or change request as the entrepreneur sees it: its state and, if rejected, why. */
export const PortalRequestView = z
  .object({
    id: z.string(),
    objectType: z.enum(['person', 'entity']),
    kind: z
      .enum(['claim', 'change'])
      .meta({ description: 'claim 首次提交（待核实）/ change 修改申请' }),
    state: z
      .enum(['pending', 'accepted', 'rejected', 'superseded'])
      .meta({ description: '待核实 / 已通过 / 已驳回 / 已被新的申请替代' }),
    reason: z.string().nullable().meta({ description: '驳回理由' }),
    createdAt: z.string(),
    decidedAt: z.string().nullable(),
  })
  .meta({ id: 'PortalRequest' });

export const ProfileAnswer = z.object({
  profile: ProfileView.nullable(),
  requests: z.array(PortalRequestView).meta({ description: '最近的核实 / 修改申请，新的在前' }),
});

/**
 * The answer to a submission: `applied` when it changed the entrepreneur's own record,
 * `submitted` when it waits for an officer. A first submission always answers `submitted`,
 * whether or not the ID number or credit code is already in the ledger.
 */
export const SubmitAnswer = z
  .object({
    outcome: z.enum(['applied', 'submitted']),
    warnings: z.array(z.string()).meta({ description: '如 CREDIT_CODE_CHECKSUM（早期试点代码）' }),
  })
  .meta({ id: 'PortalSubmitAnswer' });

export const EnterpriseBody = z.object({
  name: boundedText(100),
  creditCode: boundedText(40),
  type: EntityTypeCode,
  industryCode: IndustryCode,
  regionCode: RegionCode12,
  foundedOn: IsoDate,
  employees: HeadCount.default(0),
  jobsCreated: HeadCount.default(0),
  isEcommerce: z.boolean().default(false),
  products: boundedText(500, 0, true).default(''),
  legalRepresentative: z.boolean().default(true).meta({ description: '本人是否法定代表人' }),
  version: Version.optional(),
});

export const EnterpriseView = z
  .object({
    entityId: z.string(),
    name: z.string(),
    creditCode: z.string(),
    creditCodeChecksumValid: z.boolean(),
    type: z.string(),
    industryCode: z.string().nullable(),
    region: RegionRef.nullable(),
    foundedOn: z.string().nullable(),
    employees: z.int(),
    jobsCreated: z.int(),
    isEcommerce: z.boolean(),
    products: z.string(),
    roles: z.array(z.string()),
    version: z.int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'PortalEnterprise' });
export const EnterpriseAnswer = z.object({
  enterprise: EnterpriseView.nullable(),
  warnings: z.array(z.string()).meta({ description: '如 CREDIT_CODE_CHECKSUM（早期试点代码）' }),
  requests: z.array(PortalRequestView),
});

export const MessageView = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  read: z.boolean(),
});
export const HomeView = z
  .object({
    mobileMasked: z.string(),
    profile: z
      .object({
        name: z.string(),
        idNumberMasked: z.string(),
        status: z.string(),
        updatedAt: z.string(),
      })
      .nullable(),
    enterprise: z
      .object({ name: z.string(), creditCode: z.string(), type: z.string(), updatedAt: z.string() })
      .nullable(),
    messages: z.array(MessageView),
    requests: z.array(PortalRequestView).meta({ description: '最近的核实 / 修改申请' }),
  })
  .meta({ id: 'PortalHome' });

export const DevInboxView = z.object({
  messages: z.array(
    z.object({ id: z.int(), mobileMasked: z.string(), text: z.string(), sentAt: z.string() }),
  ),
});

export type ProfileBodyT = z.output<typeof ProfileBody>;
export type ProfileViewT = z.output<typeof ProfileView>;
export type EnterpriseBodyT = z.output<typeof EnterpriseBody>;
export type EnterpriseViewT = z.output<typeof EnterpriseView>;
export type HomeViewT = z.output<typeof HomeView>;
export type PortalSessionViewT = z.output<typeof PortalSessionView>;
export type MessageViewT = z.output<typeof MessageView>;
export type PortalRequestViewT = z.output<typeof PortalRequestView>;
export type SubmitAnswerT = z.output<typeof SubmitAnswer>;
