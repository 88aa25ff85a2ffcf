/**
 * Code lists for people in the real-name ledger (实名制台账): who they are (categories, several
 * may apply), their education, sex, and where they stand on the way home (status).
 *
 * @module
 */
import { z } from 'zod';
import { catalog, describeCatalog } from './catalog.js';

/** Codes of the groups a person belongs to; several may apply. */
export const PERSON_CATEGORY_CODES = [
  'migrant_worker',
  'graduate',
  'veteran',
  'scientist',
  'poverty_relief',
  'hard_to_employ',
  'other',
] as const;
export type PersonCategory = (typeof PERSON_CATEGORY_CODES)[number];

/** Person categories (人员类别) with zh / en names. */
export const PERSON_CATEGORIES = catalog(PERSON_CATEGORY_CODES, {
  migrant_worker: { zh: '农民工', en: 'Migrant worker' },
  graduate: { zh: '高校毕业生', en: 'College graduate' },
  veteran: { zh: '退役军人', en: 'Veteran' },
  scientist: { zh: '科技人员', en: 'Scientist or technician' },
  poverty_relief: { zh: '脱贫劳动力', en: 'Worker lifted out of poverty' },
  hard_to_employ: { zh: '就业困难人员', en: 'Person with employment difficulties' },
  other: { zh: '其他', en: 'Other' },
});

export const PersonCategoryCode = z
  .enum(PERSON_CATEGORY_CODES)
  .meta({ description: describeCatalog('人员类别', PERSON_CATEGORIES) });

/** Education levels, lowest first. */
export const EDUCATION_CODES = [
  'primary',
  'junior',
  'senior',
  'college',
  'bachelor',
  'master',
] as const;
export type Education = (typeof EDUCATION_CODES)[number];

/** Education levels (文化程度) with zh / en names. */
export const EDUCATION_LEVELS = catalog(EDUCATION_CODES, {
  primary: { zh: '小学及以下', en: 'Primary school or less' },
  junior: { zh: '初中', en: 'Junior secondary' },
  senior: { zh: '高中/中专/技校', en: 'Senior secondary or vocational school' },
  college: { zh: '大专', en: 'Junior college' },
  bachelor: { zh: '本科', en: "Bachelor's degree" },
  master: { zh: '硕士及以上', en: "Master's degree or higher" },
});

export const EducationCode = z
  .enum(EDUCATION_CODES)
  .meta({ description: describeCatalog('文化程度', EDUCATION_LEVELS) });

/** Sex codes as GB 11643 encodes them (odd 17th digit: M). */
export const SEX_CODES = ['M', 'F'] as const;
export type Sex = (typeof SEX_CODES)[number];

/** Sexes with zh / en names. */
export const SEXES = catalog(SEX_CODES, {
  M: { zh: '男', en: 'Male' },
  F: { zh: '女', en: 'Female' },
});

export const SexCode = z.enum(SEX_CODES).meta({ description: describeCatalog('性别', SEXES) });

/** Status lifecycle, in order: abroad → intending → returned → started. */
export const PERSON_STATUS_CODES = ['abroad', 'intending', 'returned', 'started'] as const;
export type PersonStatus = (typeof PERSON_STATUS_CODES)[number];

/** Person statuses (人员状态) with zh / en names. */
export const PERSON_STATUSES = catalog(PERSON_STATUS_CODES, {
  abroad: { zh: '在外人才', en: 'Working away' },
  intending: { zh: '意向返乡', en: 'Intending to return' },
  returned: { zh: '已返乡', en: 'Returned' },
  started: { zh: '已创业', en: 'Started a business' },
});

export const PersonStatusCode = z
  .enum(PERSON_STATUS_CODES)
  .meta({ description: describeCatalog('人员状态', PERSON_STATUSES) });

/**
 * Whether a person's status may change from `from` to `to`.
 *
 * The rule: any move forward is allowed, including skips (an official often first hears of
 * someone when they have already returned or started, so abroad → started is fine); a move back
 * is allowed one step only, as a correction (started → returned when the business was recorded
 * too early or has closed, returned → intending, intending → abroad when someone changes their
 * mind). Jumps of two or more steps back are refused: they are re-keying, not corrections.
 * Keeping the same status is not a change and is always allowed.
 *
 * @example
 * canTransition('abroad', 'started');   // => true  (forward, skipping)
 * canTransition('started', 'returned'); // => true  (one step back)
 * canTransition('started', 'abroad');   // => false (three steps back)
 */
export function canTransition(from: PersonStatus, to: PersonStatus): boolean {
  const a = PERSON_STATUS_CODES.indexOf(from);
  const b = PERSON_STATUS_CODES.indexOf(to);
  if (a < 0 || b < 0) return false;
  return b >= a || b === a - 1;
}

/**
 * The statuses a person in `from` may move to ({@link canTransition}), excluding `from` itself,
 * in lifecycle order; for the status picker of the edit form.
 *
 * @example
 * nextStatuses('returned'); // => ['intending', 'started']
 */
export function nextStatuses(from: PersonStatus): PersonStatus[] {
  return PERSON_STATUS_CODES.filter((to) => to !== from && canTransition(from, to));
}
