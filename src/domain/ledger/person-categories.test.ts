import { describe, expect, it } from 'vitest';
import {
  canTransition,
  EDUCATION_LEVELS,
  EducationCode,
  nextStatuses,
  PERSON_CATEGORIES,
  PERSON_STATUS_CODES,
  PERSON_STATUSES,
  PersonCategoryCode,
  PersonStatusCode,
  SEXES,
  SexCode,
} from './person-categories.js';

describe('person catalogs', () => {
  it('lists the seven categories with their official Chinese names', () => {
    expect(PERSON_CATEGORIES.map((c) => `${c.code}:${c.zh}`)).toEqual([
      'migrant_worker:农民工',
      'graduate:高校毕业生',
      'veteran:退役军人',
      'scientist:科技人员',
      'poverty_relief:脱贫劳动力',
      'hard_to_employ:就业困难人员',
      'other:其他',
    ]);
  });

  it('orders education levels from 小学及以下 to 硕士及以上', () => {
    expect(EDUCATION_LEVELS.map((e) => e.zh)).toEqual([
      '小学及以下',
      '初中',
      '高中/中专/技校',
      '大专',
      '本科',
      '硕士及以上',
    ]);
  });

  it('names sexes and statuses in Chinese and English', () => {
    expect(SEXES.map((s) => s.zh)).toEqual(['男', '女']);
    expect(PERSON_STATUSES.map((s) => s.zh)).toEqual(['在外人才', '意向返乡', '已返乡', '已创业']);
    for (const list of [PERSON_CATEGORIES, EDUCATION_LEVELS, SEXES, PERSON_STATUSES]) {
      for (const e of list) expect(e.en.length).toBeGreaterThan(0);
    }
  });

  it('has zod enums that accept exactly the catalog codes', () => {
    expect(PersonCategoryCode.options).toEqual(PERSON_CATEGORIES.map((c) => c.code));
    expect(EducationCode.options).toEqual(EDUCATION_LEVELS.map((c) => c.code));
    expect(PersonStatusCode.options).toEqual(PERSON_STATUSES.map((c) => c.code));
    expect(SexCode.safeParse('M').success).toBe(true);
    expect(SexCode.safeParse('男').success).toBe(false);
    expect(PersonCategoryCode.safeParse('farmer').success).toBe(false);
  });
});

describe('status transitions', () => {
  it('allows every move forward, including skipped steps', () => {
    expect(canTransition('abroad', 'intending')).toBe(true);
    expect(canTransition('abroad', 'returned')).toBe(true);
    expect(canTransition('abroad', 'started')).toBe(true);
    expect(canTransition('intending', 'started')).toBe(true);
    expect(canTransition('returned', 'started')).toBe(true);
  });

  it('allows a correction one step back', () => {
    expect(canTransition('started', 'returned')).toBe(true);
    expect(canTransition('returned', 'intending')).toBe(true);
    expect(canTransition('intending', 'abroad')).toBe(true);
  });

  it('refuses jumps of two or more steps back', () => {
    expect(canTransition('started', 'intending')).toBe(false);
    expect(canTransition('started', 'abroad')).toBe(false);
    expect(canTransition('returned', 'abroad')).toBe(false);
  });

  it('treats keeping the same status as allowed', () => {
    for (const s of PERSON_STATUS_CODES) expect(canTransition(s, s)).toBe(true);
  });

  it('refuses unknown statuses from untyped callers', () => {
    expect(canTransition('gone' as never, 'started')).toBe(false);
  });

  it('lists the statuses a person can move to, in lifecycle order', () => {
    expect(nextStatuses('abroad')).toEqual(['intending', 'returned', 'started']);
    expect(nextStatuses('returned')).toEqual(['intending', 'started']);
    expect(nextStatuses('started')).toEqual(['returned']);
  });
});
