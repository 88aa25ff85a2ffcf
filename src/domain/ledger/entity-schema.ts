/**
 * zod contracts for a market entity (市场主体) in the ledger, shared by the API and the web forms.
 * Failed checks carry a {@link LedgerIssueCode} as the issue `message`.
 *
 * A credit code with a wrong check character is refused (`CREDIT_CODE_CHECKSUM`): a one-character
 * typo must not enter the ledger. Some early pilot codes were issued that way, so a record marked
 * `pilotCode: true` with a `pilotCodeReason` (required, `PILOT_CODE_REASON_REQUIRED`) is accepted:
 * the parsed body then carries `creditCodeWarning: 'CREDIT_CODE_CHECKSUM'`, which the server
 * stores as `credit_code_checksum_valid = false` and returns to the user as a warning.
 *
 * Optional fields accept `null` as well as absence: in an update, absent means "leave as is" and
 * `null` means "clear".
 *
 * @module
 */
import { z } from 'zod';
import { parseCreditCode } from '../identity/credit-code.js';
import { singleLineText } from '../text/plain-text.js';
import { EntityTypeCode, isAboveScale, LinkRoleCode } from './entity-types.js';
import {
  AmountWan,
  boundedText,
  charLength,
  HeadCount,
  IsoDate,
  RegionCode12,
  Version,
} from './fields.js';
import { IndustryCode } from './industries.js';
import type { FieldIssue, LedgerIssueCode } from './ledger-issues.js';

/** A unified social credit code, normalised; a malformed one fails with `CREDIT_CODE_FORMAT`. */
export const CreditCodeField = z
  .string()
  .transform((raw, ctx) => {
    const r = parseCreditCode(raw);
    if (r.ok) return r.value.creditCode;
    ctx.addIssue({ code: 'custom', message: r.code, input: raw });
    return z.NEVER;
  })
  .meta({ description: '统一社会信用代码（18 位）', example: '91500236MA5U1234XH' });

/** A link between the entity and a person in the ledger. */
export const EntityLink = z.object({ personId: z.uuid(), role: LinkRoleCode });
export type EntityLinkT = z.output<typeof EntityLink>;

const Links = z
  .array(EntityLink)
  .max(200)
  .superRefine((links, ctx) => {
    const seen = new Set<string>();
    links.forEach((l, i) => {
      const key = `${l.personId.toLowerCase()} ${l.role}`;
      if (seen.has(key)) {
        ctx.addIssue({
          code: 'custom',
          message: 'ENTITY_LINK_DUPLICATE' satisfies LedgerIssueCode,
          path: [i],
        });
      }
      seen.add(key);
    });
  })
  .meta({ description: '关联人员：同一人员同一身份只能出现一次；更新时整体替换' });

const entityFields = z.object({
  name: z
    .string()
    .trim()
    .superRefine(singleLineText)
    .refine(
      (s) => charLength(s) >= 2 && charLength(s) <= 100,
      'ENTITY_NAME_LENGTH' satisfies LedgerIssueCode,
    )
    .meta({ description: '主体名称（2–100 字）', example: '奉节县兴隆镇遮阳网加工厂' }),
  creditCode: CreditCodeField,
  type: EntityTypeCode,
  isWorkshop: z.boolean().meta({ description: '是否就业帮扶车间' }),
  industryCode: IndustryCode,
  regionCode: RegionCode12.meta({ description: '注册地/经营地 12 位区划代码' }),
  parkOrgId: z.uuid().nullish().meta({ description: '入驻园区（机构 ID）' }),
  parkUnit: boundedText(50).nullish().meta({ description: '园区内单元，如 3 号厂房 2 层' }),
  foundedOn: IsoDate.meta({ description: '成立日期' }),
  registeredCapitalWan: AmountWan.nullish().meta({ description: '注册资本（万元）' }),
  employees: HeadCount.meta({ description: '从业人数' }),
  jobsCreated: HeadCount.meta({ description: '带动就业人数' }),
  jobsPoverty: HeadCount.meta({ description: '其中带动脱贫劳动力就业人数' }),
  annualRevenueWan: AmountWan.nullish().meta({ description: '年主营业务收入（万元）' }),
  isEcommerce: z.boolean().meta({ description: '是否电商/网络商户' }),
  products: boundedText(500, 0, true).meta({ description: '主要产品或经营内容（参与检索）' }),
  links: Links,
  pilotCode: z.boolean().meta({
    description: '早期试点代码：信用代码校验位不符但确属早期试点发放的，须标记并说明理由',
  }),
  pilotCodeReason: boundedText(200)
    .nullish()
    .meta({ description: '试点代码说明（标记为早期试点代码时必填，不超过 200 字）' }),
});

/** Fields {@link creditCodeIssues} looks at; all optional so it also serves patches. */
export interface CreditCodeCheckInput {
  creditCode?: string | undefined;
  pilotCode?: boolean | null | undefined;
  pilotCodeReason?: string | null | undefined;
}

/**
 * The credit-code rule of an entity: a code failing its GB 32100 check character is refused
 * unless the record is marked as an early pilot code, and that mark needs a reason. The server
 * runs this again on the stored record merged with an update.
 *
 * @example
 * creditCodeIssues({ creditCode: '91350100M000100Y40' });
 * // => [{ path: ['creditCode'], code: 'CREDIT_CODE_CHECKSUM' }]
 * creditCodeIssues({ creditCode: '91350100M000100Y40', pilotCode: true, pilotCodeReason: '1998 年试点' });
 * // => []
 */
export function creditCodeIssues(e: CreditCodeCheckInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (e.pilotCode === true && !e.pilotCodeReason?.trim()) {
    issues.push({ path: ['pilotCodeReason'], code: 'PILOT_CODE_REASON_REQUIRED' });
  }
  if (e.creditCode !== undefined && e.pilotCode !== true) {
    const r = parseCreditCode(e.creditCode);
    if (r.ok && r.warning) issues.push({ path: ['creditCode'], code: 'CREDIT_CODE_CHECKSUM' });
  }
  return issues;
}

/** Fields {@link entityConsistencyIssues} compares; all optional so it also serves patches. */
export interface EntityConsistencyInput {
  jobsCreated?: number | null | undefined;
  jobsPoverty?: number | null | undefined;
  parkOrgId?: string | null | undefined;
  parkUnit?: string | null | undefined;
}

/**
 * Cross-field checks of an entity: jobs for people lifted out of poverty are part of the jobs
 * created, and a park unit needs a park. Absent fields are not compared, so the server runs this
 * again on the stored record merged with an update.
 *
 * @example
 * entityConsistencyIssues({ jobsCreated: 10, jobsPoverty: 12 });
 * // => [{ path: ['jobsPoverty'], code: 'JOBS_POVERTY_EXCEEDS' }]
 */
export function entityConsistencyIssues(e: EntityConsistencyInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (typeof e.jobsCreated === 'number' && typeof e.jobsPoverty === 'number') {
    if (e.jobsPoverty > e.jobsCreated) {
      issues.push({ path: ['jobsPoverty'], code: 'JOBS_POVERTY_EXCEEDS' });
    }
  }
  if (e.parkUnit && e.parkOrgId === null) {
    issues.push({ path: ['parkUnit'], code: 'PARK_UNIT_WITHOUT_PARK' });
  }
  return issues;
}

/** The warning a parsed body carries when its credit code fails the check character. */
export type CreditCodeWarning = 'CREDIT_CODE_CHECKSUM';

function withCreditCodeWarning<T extends { creditCode?: string | undefined }>(
  e: T,
): T & { creditCodeWarning?: CreditCodeWarning } {
  if (e.creditCode === undefined) return e;
  const r = parseCreditCode(e.creditCode);
  return r.ok && r.warning ? { ...e, creditCodeWarning: r.warning } : e;
}

function refineEntity(e: EntityConsistencyInput, ctx: z.RefinementCtx): void {
  for (const i of entityConsistencyIssues(e)) {
    ctx.addIssue({ code: 'custom', message: i.code, path: i.path });
  }
}

function refineCreditCode(e: CreditCodeCheckInput, ctx: z.RefinementCtx): void {
  for (const i of creditCodeIssues(e)) {
    ctx.addIssue({ code: 'custom', message: i.code, path: i.path });
  }
}

/**
 * Body for creating an entity. Flags, head counts, products and links default to false, 0, ''
 * and []. A credit code failing its check character is refused unless `pilotCode` is set with a
 * reason; the output then carries `creditCodeWarning`.
 */
export const EntityCreate = entityFields
  .extend({
    isWorkshop: entityFields.shape.isWorkshop.default(false),
    isEcommerce: entityFields.shape.isEcommerce.default(false),
    employees: entityFields.shape.employees.default(0),
    jobsCreated: entityFields.shape.jobsCreated.default(0),
    jobsPoverty: entityFields.shape.jobsPoverty.default(0),
    products: entityFields.shape.products.default(''),
    links: entityFields.shape.links.default([]),
    pilotCode: entityFields.shape.pilotCode.default(false),
  })
  .superRefine((e, ctx) => refineEntity({ ...e, parkOrgId: e.parkOrgId ?? null }, ctx))
  .superRefine(refineCreditCode)
  .transform(withCreditCodeWarning);

/**
 * Body for updating an entity: any subset of the create fields plus the `version` last read;
 * `links`, when present, replaces the whole set. The credit-code rule needs the stored record
 * (a patch may change the code of a record already marked as a pilot code): the server checks it
 * with {@link creditCodeIssues} on the merged record.
 */
export const EntityUpdate = entityFields
  .partial()
  .extend({ version: Version })
  .superRefine(refineEntity)
  .transform(withCreditCodeWarning);

export type EntityCreateInput = z.input<typeof EntityCreate>;
export type EntityCreateT = z.output<typeof EntityCreate>;
export type EntityUpdateInput = z.input<typeof EntityUpdate>;
export type EntityUpdateT = z.output<typeof EntityUpdate>;

/** Flags derived from an entity on every write. */
export interface EntityFlags {
  /** 规上: annual main-business revenue ≥ 2000万元. */
  aboveScale: boolean;
}

/**
 * Flags the server stores alongside an entity, derived from its fields.
 *
 * @example
 * deriveEntityFlags({ annualRevenueWan: 2600 }); // => { aboveScale: true }
 * deriveEntityFlags({ annualRevenueWan: null }); // => { aboveScale: false }
 */
export function deriveEntityFlags(e: { annualRevenueWan?: number | null }): EntityFlags {
  return { aboveScale: isAboveScale(e.annualRevenueWan) };
}
