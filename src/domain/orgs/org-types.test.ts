import { describe, expect, it } from 'vitest';
import { ALL_ORG_TYPES, isOrgType, ORG_TYPES, orgTypeName } from './org-types.js';

describe('organisation types', () => {
  it('knows the types of the issues, each with zh and en names', () => {
    expect(ALL_ORG_TYPES).toEqual([
      'department',
      'hrss',
      'finance',
      'bank',
      'guarantee',
      'park',
      'service_center',
      'leading_office',
      'other',
    ]);
    for (const t of ALL_ORG_TYPES) {
      expect(ORG_TYPES[t].zh).toMatch(/\p{Script=Han}/u);
      expect(ORG_TYPES[t].en.length).toBeGreaterThan(0);
    }
  });

  it('lists 人社局 and 财政局 as departments', () => {
    expect(ORG_TYPES.department.examples).toContain('人社局');
    expect(ORG_TYPES.department.examples).toContain('财政局');
  });

  it('recognises known types and rejects others, including inherited names', () => {
    expect(isOrgType('park')).toBe(true);
    expect(isOrgType('school')).toBe(false);
    expect(isOrgType('toString')).toBe(false);
  });

  it('names a type in either language and passes unknown ones through', () => {
    expect(orgTypeName('bank', 'zh')).toBe('经办银行');
    expect(orgTypeName('bank', 'en')).toBe('Handling bank');
    expect(orgTypeName('legacy', 'zh')).toBe('legacy');
  });
});
