/**
 * zod contracts for a person in the real-name ledger, shared by the API (request bodies) and the
 * web forms. Failed checks carry a {@link LedgerIssueCode} as the issue `message`.
 *
 * Optional fields accept `null` as well as absence: in an update, absent means "leave as is" and
 * `null` means "clear". Identifiers are normalised on the way in (full-width digits, spaces,
 * lower-case `x`), and sex and birth date are always filled in from the ID number.
 *
 * @module
 */
import { z } from 'zod';
import { parseIdNumber } from '../identity/id-number.js';
import { toHalfWidthTrimmed } from '../identity/normalise.js';
import { parseMobile } from '../identity/phone.js';
import { singleLineText } from '../text/plain-text.js';
import { catalog, describeCatalog } from './catalog.js';
import { boundedText, charLength, IsoDate, IsoDateTime, RegionCode12, Version } from './fields.js';
import type { FieldIssue, LedgerIssueCode } from './ledger-issues.js';
import {
  EducationCode,
  PersonCategoryCode,
  PersonStatusCode,
  type Sex,
  SexCode,
} from './person-categories.js';

const HAN = /\p{Script=Han}/u;
const HAN_NAME = /^\p{Script=Han}+(?:·\p{Script=Han}+)*$/u;
const LATIN_NAME = /^\p{Script=Latin}+(?:(?:\. ?|[ '-])\p{Script=Latin}+)*\.?$/u;
/** Dots people type between the parts of a transliterated name (买买提·吐尔逊). */
const NAME_DOTS = /[.•・‧･]/g;

/**
 * Normalises a person's name as typed: full-width letters become ASCII, runs of spaces collapse;
 * in a Chinese name spaces are dropped (spreadsheets pad 王  伟) and any dot becomes `·`.
 *
 * @example
 * normalisePersonName(' 王  伟 ');        // => '王伟'
 * normalisePersonName('买买提.吐尔逊');   // => '买买提·吐尔逊'
 * normalisePersonName('Ａｎｎａ   Lee');  // => 'Anna Lee'
 */
export function normalisePersonName(raw: string): string {
  const s = toHalfWidthTrimmed(raw).normalize('NFC').replace(/\s+/g, ' ');
  return HAN.test(s) ? s.replace(/\s+/g, '').replace(NAME_DOTS, '·') : s;
}

/** A person's name: 2–30 characters, Chinese (with `·`) or Latin. */
export const PersonName = z
  .string()
  .superRefine(singleLineText)
  .overwrite(normalisePersonName)
  .refine((s) => charLength(s) >= 2 && charLength(s) <= 30, {
    message: 'PERSON_NAME_LENGTH' satisfies LedgerIssueCode,
    abort: true,
  })
  .refine(
    (s) => HAN_NAME.test(s) || LATIN_NAME.test(s),
    'PERSON_NAME_FORMAT' satisfies LedgerIssueCode,
  )
  .meta({ description: '姓名（汉字或拉丁字母，2–30 字）', example: '张三' });

/** A resident ID number, validated by GB 11643 and normalised; failures carry `ID_NUMBER_*`. */
export const IdNumberField = z
  .string()
  .transform((raw, ctx) => {
    const r = parseIdNumber(raw);
    if (r.ok) return r.value.idNumber;
    ctx.addIssue({ code: 'custom', message: r.code, input: raw });
    return z.NEVER;
  })
  .meta({ description: '居民身份证号（18 位）', example: '500236199001011235' });

/** A mainland mobile number, normalised to 11 digits; failures carry `PHONE_FORMAT`. */
export const MobileField = z
  .string()
  .transform((raw, ctx) => {
    const r = parseMobile(raw);
    if (r.ok) return r.value;
    ctx.addIssue({ code: 'custom', message: r.code, input: raw });
    return z.NEVER;
  })
  .meta({ description: '手机号（11 位）', example: '13812345678' });

/** What a valid ID number says about its holder. */
export interface PersonFromId {
  sex: Sex;
  birthDate: string;
}

/**
 * Sex and birth date encoded in an ID number, or `null` if the number is not valid.
 *
 * @param idNumber - An ID number (normalised or as typed).
 * @param today - Reference date for the "not born in the future" rule; defaults to now.
 * @example
 * derivePersonFromId('11010519491231002X'); // => { sex: 'F', birthDate: '1949-12-31' }
 * derivePersonFromId('110105194912310021'); // => null (wrong check character)
 */
export function derivePersonFromId(idNumber: string, today?: Date): PersonFromId | null {
  const r = parseIdNumber(idNumber, today);
  return r.ok ? { sex: r.value.sex, birthDate: r.value.birthDate } : null;
}

/** Fields {@link personConsistencyIssues} compares; all optional so it also serves patches. */
export interface PersonConsistencyInput {
  idNumber?: string | null | undefined;
  sex?: string | null | undefined;
  birthDate?: string | null | undefined;
  awayProvinceCode?: string | null | undefined;
  awayCityCode?: string | null | undefined;
}

/**
 * Cross-field checks of a person: sex and birth date against the ID number, the city worked in
 * against its province. Fields that are absent are not compared, so the server runs this again on
 * the stored record merged with an update.
 *
 * @example
 * personConsistencyIssues({ idNumber: '11010519491231002X', sex: 'M' });
 * // => [{ path: ['sex'], code: 'ID_NUMBER_SEX_MISMATCH' }]
 */
export function personConsistencyIssues(p: PersonConsistencyInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const facts = p.idNumber ? derivePersonFromId(p.idNumber) : null;
  if (facts && p.sex && p.sex !== facts.sex) {
    issues.push({ path: ['sex'], code: 'ID_NUMBER_SEX_MISMATCH' });
  }
  if (facts && p.birthDate && p.birthDate !== facts.birthDate) {
    issues.push({ path: ['birthDate'], code: 'ID_NUMBER_BIRTH_MISMATCH' });
  }
  if (p.awayCityCode && p.awayProvinceCode && !p.awayCityCode.startsWith(p.awayProvinceCode)) {
    issues.push({ path: ['awayCityCode'], code: 'AWAY_CITY_NOT_IN_PROVINCE' });
  }
  return issues;
}

const Categories = z
  .array(PersonCategoryCode)
  .min(1, 'CATEGORIES_EMPTY' satisfies LedgerIssueCode)
  .refine((a) => new Set(a).size === a.length, 'CATEGORIES_DUPLICATE' satisfies LedgerIssueCode);

const personFields = z.object({
  name: PersonName,
  idNumber: IdNumberField,
  /** Optional: derived from the ID number; if given it must match. */
  sex: SexCode.optional(),
  birthDate: IsoDate.optional(),
  mobile: MobileField,
  hukouRegionCode: RegionCode12.meta({ description: '户籍地 12 位区划代码' }),
  currentRegionCode: RegionCode12.meta({ description: '现居住地 12 位区划代码' }),
  categories: Categories,
  awayProvinceCode: z
    .string()
    .regex(/^\d{2}$/, 'PROVINCE_CODE_FORMAT' satisfies LedgerIssueCode)
    .nullish()
    .meta({ description: '务工地省级代码（2 位）', example: '44' }),
  awayCityCode: z
    .string()
    .regex(/^\d{4}$/, 'CITY_CODE_FORMAT' satisfies LedgerIssueCode)
    .nullish()
    .meta({ description: '务工地地市代码（4 位，须属于务工省份）', example: '4403' }),
  monthsAway: z
    .int({ error: 'MONTHS_AWAY_RANGE' satisfies LedgerIssueCode })
    .min(0, 'MONTHS_AWAY_RANGE' satisfies LedgerIssueCode)
    .max(600, 'MONTHS_AWAY_RANGE' satisfies LedgerIssueCode)
    .nullish()
    .meta({ description: '在外务工月数（0–600）' }),
  returnDate: IsoDate.nullish().meta({ description: '返乡日期' }),
  education: EducationCode,
  skills: boundedText(500, 0, true).meta({ description: '技能特长' }),
  status: PersonStatusCode,
});

function addIssues(ctx: z.RefinementCtx, issues: FieldIssue[]): void {
  for (const i of issues) ctx.addIssue({ code: 'custom', message: i.code, path: i.path });
}

/** The province worked in follows from the city when only the city is given. */
function awayProvince(p: { awayProvinceCode?: string | null; awayCityCode?: string | null }) {
  return p.awayCityCode ? (p.awayProvinceCode ?? p.awayCityCode.slice(0, 2)) : p.awayProvinceCode;
}

/** Body for creating a person. The output always has `sex` and `birthDate` from the ID number. */
export const PersonCreate = personFields
  .extend({ skills: personFields.shape.skills.default('') })
  .superRefine((p, ctx) => addIssues(ctx, personConsistencyIssues(p)))
  .transform((p, ctx) => {
    const facts = derivePersonFromId(p.idNumber);
    if (facts === null) {
      ctx.addIssue({ code: 'custom', message: 'ID_NUMBER_FORMAT', path: ['idNumber'] });
      return z.NEVER;
    }
    return { ...p, ...facts, awayProvinceCode: awayProvince(p) };
  });

/**
 * Body for updating a person: any subset of the create fields plus the `version` last read.
 * When the ID number changes, `sex` and `birthDate` are filled in from it. Checks involving a
 * field that is not in the patch are left to the server ({@link personConsistencyIssues} on the
 * merged record).
 */
export const PersonUpdate = personFields
  .partial()
  .extend({ version: Version })
  .superRefine((p, ctx) => addIssues(ctx, personConsistencyIssues(p)))
  .transform((p) => {
    const facts = p.idNumber === undefined ? null : derivePersonFromId(p.idNumber);
    const withAway = p.awayCityCode ? { ...p, awayProvinceCode: awayProvince(p) } : p;
    return facts === null ? withAway : { ...withAway, ...facts };
  });

export type PersonCreateInput = z.input<typeof PersonCreate>;
export type PersonCreateT = z.output<typeof PersonCreate>;
export type PersonUpdateInput = z.input<typeof PersonUpdate>;
export type PersonUpdateT = z.output<typeof PersonUpdate>;

/** What a person may consent to (授权用途). */
export const CONSENT_PURPOSE_CODES = [
  'policy_push',
  'share_with_departments',
  'publicity',
  'contact',
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSE_CODES)[number];

/** Consent purposes with zh / en names. */
export const CONSENT_PURPOSES = catalog(CONSENT_PURPOSE_CODES, {
  policy_push: { zh: '政策推送', en: 'Policy notifications' },
  share_with_departments: { zh: '向成员单位共享', en: 'Sharing with member departments' },
  publicity: { zh: '公开宣传', en: 'Publicity' },
  contact: { zh: '联系回访', en: 'Being contacted' },
});

export const ConsentPurposeCode = z
  .enum(CONSENT_PURPOSE_CODES)
  .meta({ description: describeCatalog('授权用途', CONSENT_PURPOSES) });

/** One consent a person gave: purpose, to whom, when, and when withdrawn (if so). */
export const ConsentRecord = z
  .object({
    purpose: ConsentPurposeCode,
    grantedTo: boundedText(100, 1).meta({ description: '授权对象', example: '奉节县人社局' }),
    grantedAt: IsoDateTime,
    withdrawnAt: IsoDateTime.nullish(),
  })
  .refine((c) => !c.withdrawnAt || Date.parse(c.withdrawnAt) >= Date.parse(c.grantedAt), {
    message: 'CONSENT_WITHDRAWN_BEFORE_GRANTED' satisfies LedgerIssueCode,
    path: ['withdrawnAt'],
  });

export type ConsentRecordInput = z.input<typeof ConsentRecord>;
export type ConsentRecordT = z.output<typeof ConsentRecord>;
